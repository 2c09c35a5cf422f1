"""Drives the pocket kernel over the real Jupyter protocol (jupyter_client) and prints what it answered as JSON.

Run by pocket.kernel.PocketKernelProtocolTest with JUPYTER_PATH pointing at a kernel spec made for the test JVM.
"""
import json
import os
import sys
import time

from jupyter_client.manager import KernelManager

kernel_name = sys.argv[1]
km = KernelManager(kernel_name=kernel_name)
# what Jupyter would show the user as the kernel's stderr
stderr_path = os.path.join(os.environ.get("JUPYTER_RUNTIME_DIR", "."), "kernel-stderr.txt")
os.makedirs(os.path.dirname(stderr_path), exist_ok=True)
stderr_file = open(stderr_path, "w")
km.start_kernel(stderr=stderr_file)
conn_name = os.path.basename(km.connection_file)
log_path = os.path.join(os.environ["XDG_CACHE_HOME"], "pocket", "kernel",
                        (conn_name[:-len(".json")] if conn_name.endswith(".json") else conn_name) + ".log")
kc = km.client()
kc.start_channels()
out = {}
try:
    kc.wait_for_ready(timeout=120)

    def run(code, timeout=120):
        msg_id = kc.execute(code)
        reply = kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=timeout)
        got = []
        while True:
            m = kc.get_iopub_msg(timeout=timeout)
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            t = m["msg_type"]
            if t == "status" and m["content"]["execution_state"] == "idle":
                break
            if t in ("stream", "execute_result", "display_data", "update_display_data", "error"):
                c = dict(m["content"])
                c["msg_type"] = t
                if "data" in c:
                    c["data"] = {k: (v if k != "image/png" else "PNG:%d" % len(v)) for k, v in c["data"].items()}
                if "transient" in c:
                    c["display_id"] = c["transient"].get("display_id")
                got.append(c)
        return {"status": reply["content"]["status"], "reply": {k: v for k, v in reply["content"].items() if k in ("status", "ename", "evalue", "traceback")}, "iopub": got}

    out["info"] = kc.kernel_info(reply=True, timeout=60)["content"]["language_info"]
    out["execute"] = run('int x = 20;\nSystem.out.println("hello " + x);\nSystem.err.println("warn " + x);\nx * 2 + 2')
    out["live"] = run("x + 1")
    out["runtime_error"] = run("int a = 1;\nString s = null;\n\nint n = s.length();")
    out["compile_error"] = run("int ok = 1;\nint bad = ok + nosuchvariable;")
    out["display"] = run(
        'var img = new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);\n'
        'Display.show(img);\n'
        'String id = Display.showUpdatable("step 1");\n'
        'Display.update(id, "step 2");')
    run('String greeting = "hi";')
    cell = "int n = 1;\ngreeting.toUpp"
    out["complete"] = kc.complete(cell, len(cell), reply=True, timeout=60)["content"]
    out["inspect"] = kc.inspect("Math.max(", len("Math.max("), reply=True, timeout=60)["content"]
    ic_id = kc.is_complete("for (int i = 0; i < 3; i++) {")
    ic = kc.get_shell_msg(timeout=60)
    while ic["parent_header"].get("msg_id") != ic_id:
        ic = kc.get_shell_msg(timeout=60)
    out["is_complete"] = ic["content"]

    # interrupt a busy loop, as the notebook's stop button does (interrupt_mode: message)
    msg_id = kc.execute("long spins = 0;\nwhile (true) { spins++; }")
    time.sleep(3)
    t0 = time.time()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=60)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=60)
    out["interrupt"] = {"status": reply["content"]["status"], "ename": reply["content"].get("ename"),
                        "evalue": reply["content"].get("evalue"), "seconds": time.time() - t0}
    out["after_interrupt"] = run("x * 3")
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    stderr_file.close()
with open(stderr_path) as f:
    out["kernel_stderr"] = f.read()
out["kernel_log"] = open(log_path).read()[-20000:] if os.path.exists(log_path) else None
print("RESULT-JSON " + json.dumps(out))
