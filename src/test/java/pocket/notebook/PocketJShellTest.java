package pocket.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.kernel.JupyterSupport;

/** The README's JShell snippet, copied out of README.md and run by {@code pocket jshell} exactly as written. */
class PocketJShellTest {
    @TempDir Path tmp;

    static String readmeSnippet(Path home) throws Exception {
        String readme = Files.readString(home.resolve("README.md"));
        int section = readme.indexOf("## Notebooks and JShell");
        assertTrue(section >= 0, "README.md has a 'Notebooks and JShell' section");
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(section), "a ```java block in that section");
        return m.group(1);
    }

    @Test
    void readmeSnippetRunsAsWritten() throws Exception {
        Path home = Path.of(System.getProperty("pocket.home", ".")).toAbsolutePath();
        String snippet = readmeSnippet(home);
        // as a user would: from a folder where notebooks/ is what the README names, the outputs landing there
        Files.createSymbolicLink(tmp.resolve("notebooks"), home.resolve("notebooks"));
        Path script = tmp.resolve("readme.jsh");
        Files.writeString(script, snippet + "\nSystem.out.println(\"CUTFLOW \" + again.cutflow().rowCount());\n"
                + "System.out.println(\"PLOT \" + r.plot(\"mll\", \"baseline\").width());\n/exit\n");
        JupyterSupport.Result res = JupyterSupport.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "pocket.cli.PocketCommand", "jshell", "readme.jsh"), Map.of(), tmp, 600);
        assertEquals(0, res.exit(), res.output());
        assertFalse(res.output().contains("Error:"), res.output());
        assertFalse(res.output().contains("cannot find symbol"), res.output());
        assertTrue(res.output().contains("PLOT 800"), res.output());

        Path out = tmp.resolve("out_zmumu");
        assertTrue(Files.isRegularFile(out.resolve("output_all.json")), "the snippet's run wrote its folder");
        assertTrue(Files.isDirectory(out.resolve("plots")), "r.save() wrote the plots");
        // Result.load in the script saw the cutflow's steps and categories as the folder's JSON has them
        int steps = com.google.gson.JsonParser.parseString(Files.readString(out.resolve("output_all.json"))).getAsJsonObject().getAsJsonObject("cutflow").size();
        assertTrue(res.output().contains("CUTFLOW " + steps), "cutflow rows " + steps + " in\n" + res.output());
    }

    @Test
    void missingScriptIsNamed() throws Exception {
        JupyterSupport.Result res = JupyterSupport.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "pocket.cli.PocketCommand", "jshell", "nope.jsh"), Map.of(), tmp, 120);
        assertEquals(2, res.exit(), res.output());
        assertTrue(res.output().contains("pocket jshell: script nope.jsh not found"), res.output());
    }
}
