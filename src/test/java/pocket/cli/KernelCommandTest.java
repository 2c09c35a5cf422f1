package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pocket.kernel.JupyterSupport;
import pocket.kernel.KernelSpec;
import pocket.testing.Services;

class KernelCommandTest {
    @TempDir Path tmp;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new KernelCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void installWithPrefixWritesAKernelSpecJupyterFinds() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, run(out, err, "install", "--prefix", tmp.toString()), err.toString());
        Path json = tmp.resolve("share/jupyter/kernels/pocket/kernel.json");
        assertTrue(Files.isRegularFile(json), out.toString());
        JsonObject spec = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("Java (pocket)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        JsonArray argv = spec.getAsJsonArray("argv");
        assertTrue(Files.isExecutable(Path.of(argv.get(0).getAsString())), argv.get(0).getAsString());
        assertEquals("-cp", argv.get(1).getAsString());
        assertTrue(argv.get(2).getAsString().contains("classes"), "the class path of this build: " + argv.get(2));
        assertEquals("pocket.kernel.PocketKernel", argv.get(3).getAsString());
        assertEquals("{connection_file}", argv.get(4).getAsString());

        // the JUPYTER_PATH it tells the user to set is the one Debian's Jupyter lists it from
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("export JUPYTER_PATH=(\\S+)").matcher(out.toString());
        assertTrue(said.find(), "install --prefix says which JUPYTER_PATH to set:\n" + out);
        Path told = Path.of(said.group(1).replace(":$JUPYTER_PATH", ""));
        assertEquals(tmp.resolve("share/jupyter").toAbsolutePath(), told.toAbsolutePath());
        Services.require(JupyterSupport.pythonHas("jupyter_client"), "jupyter_client for /usr/bin/python3 (apt: python3-jupyter-client)");
        JupyterSupport.Result r = JupyterSupport.run(List.of(JupyterSupport.PYTHON, "-c",
                        "import json; from jupyter_client.kernelspec import KernelSpecManager; "
                        + "print(json.dumps({'kernelspecs': KernelSpecManager().get_all_specs()}))"),
                JupyterSupport.env(tmp, told), tmp, 120);
        assertEquals(0, r.exit(), r.output());
        JsonObject specs = JsonParser.parseString(r.output().substring(r.output().indexOf('{'))).getAsJsonObject().getAsJsonObject("kernelspecs");
        assertTrue(specs.has("pocket"), r.output());
        assertEquals("Java (pocket)", specs.getAsJsonObject("pocket").getAsJsonObject("spec").get("display_name").getAsString());
    }

    @Test
    void nameAndJvmOptionsGoIntoTheSpec() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, run(out, err, "install", "--prefix", tmp.toString(), "--name", "pocket-big", "--jvm-opt=-Xmx6g",
                "--display-name", "Java (pocket, 6 GB)"));
        JsonObject spec = JsonParser.parseString(Files.readString(tmp.resolve("share/jupyter/kernels/pocket-big/kernel.json"))).getAsJsonObject();
        assertEquals("-Xmx6g", spec.getAsJsonArray("argv").get(1).getAsString());
        assertEquals("Java (pocket, 6 GB)", spec.get("display_name").getAsString());
    }

    @Test
    void rejectsABadNameAndConflictingTargets() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, run(out, err, "install", "--prefix", tmp.toString(), "--name", "my kernel"));
        assertTrue(err.toString().contains("'my kernel'"), err.toString());
        StringWriter err2 = new StringWriter();
        assertNotEquals(0, run(new StringWriter(), err2, "install", "--user", "--prefix", tmp.toString()));
        assertTrue(err2.toString().contains("mutually exclusive"), err2.toString());
    }

    @Test
    void userFolderFollowsJupyterCore() {
        Path home = Path.of("/home/physicist");
        assertEquals(Path.of("/home/physicist/.local/share/jupyter/kernels"), KernelSpec.userKernelsDir(Map.of(), "Linux", home));
        assertEquals(Path.of("/xdg/jupyter/kernels"), KernelSpec.userKernelsDir(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", home));
        assertEquals(Path.of("/jd/kernels"), KernelSpec.userKernelsDir(Map.of("JUPYTER_DATA_DIR", "/jd"), "Linux", home));
        assertEquals(Path.of("/home/physicist/Library/Jupyter/kernels"), KernelSpec.userKernelsDir(Map.of(), "Mac OS X", home));
        assertEquals(Path.of("/opt/env/share/jupyter/kernels"), KernelSpec.prefixKernelsDir(Path.of("/opt/env")));
    }
}
