package pocket.notebook;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.kernel.JupyterSupport;
import pocket.testing.Services;

/** binder/postBuild on a clean checkout: builds the jar, installs the kernel (into a temp prefix), and that kernel answers. */
class BinderBuildTest {
    @TempDir Path tmp;

    @Test
    void postBuildBuildsAndInstallsAWorkingKernel() throws Exception {
        Path home = Path.of(System.getProperty("pocket.home", ".")).toAbsolutePath();
        Services.require(Services.hasCommand("git") && Services.hasCommand("mvn"), "git and mvn");
        Path checkout = tmp.resolve("checkout");
        JupyterSupport.Result clone = JupyterSupport.run(List.of("git", "clone", "-q", "--no-hardlinks", home.toString(), checkout.toString()), Map.of(), tmp, 120);
        assertEquals(0, clone.exit(), clone.output());
        assertFalse(Files.exists(checkout.resolve("target")), "a clean checkout has no build");

        Path prefix = tmp.resolve("prefix");
        Map<String, String> env = new HashMap<>();
        env.put("POCKET_MVN_FLAGS", "-o");
        env.put("POCKET_KERNEL_INSTALL", "--prefix " + prefix);
        JupyterSupport.Result build = JupyterSupport.run(List.of("bash", checkout.resolve("binder/postBuild").toString()), env, checkout, 900);
        assertEquals(0, build.exit(), build.output());
        Path jar = checkout.resolve("target/pocket.jar");
        assertTrue(Files.size(jar) > 1_000_000, "the fat jar");

        Path spec = prefix.resolve("share/jupyter/kernels/pocket/kernel.json");
        JsonObject ks = JsonParser.parseString(Files.readString(spec)).getAsJsonObject();
        assertEquals(jar.toString(), ks.getAsJsonArray("argv").get(2).getAsString(), "the kernel runs from the built jar");

        // the installed kernel starts from that jar and evaluates a cell
        Services.require(JupyterSupport.pythonHas("jupyter_client"), "jupyter_client for /usr/bin/python3 (apt: python3-jupyter-client)");
        String py = String.join("\n",
                "from jupyter_client.manager import start_new_kernel",
                "km, kc = start_new_kernel(kernel_name='pocket', startup_timeout=120)",
                "try:",
                "    msgs = []",
                "    reply = kc.execute_interactive('var h = Hist.builder().reg(4, 0, 4, \"x\", \"x\").weight();\\nh.fill(new double[]{0.5, 1.5, 1.7});\\nh.sum(false)', timeout=120, output_hook=msgs.append)",
                "    print('STATUS', reply['content']['status'])",
                "    print('VALUES', [m['content']['data']['text/plain'] for m in msgs if m['msg_type'] == 'execute_result'])",
                "finally:",
                "    kc.stop_channels(); km.shutdown_kernel(now=True)");
        JupyterSupport.Result run = JupyterSupport.run(List.of(JupyterSupport.PYTHON, "-c", py),
                JupyterSupport.env(tmp, prefix.resolve("share/jupyter")), tmp, 300);
        assertTrue(run.output().contains("STATUS ok"), run.output());
        assertTrue(run.output().contains("VALUES ['3.0']"), run.output());
    }
}
