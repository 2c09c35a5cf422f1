package pocket.executors;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.run.ChunkExecutor;
import pocket.run.ExecutionResult;
import pocket.run.ExecutorFactory;
import pocket.run.ExecutorProvider;
import pocket.run.ExecutorProviders;
import pocket.run.ProgressListener;
import pocket.run.RunContext;
import pocket.run.RunOptions;
import pocket.run.RunOptionsResolver;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

class ExecutorsTest {
    static final RunOptions OPTS = RunOptionsResolver.defaults().resolve("futures");

    @Test
    void builtInsByNameAndSite() {
        assertInstanceOf(IterativeExecutorFactory.class, ExecutorProviders.lookup("iterative", OPTS));
        assertInstanceOf(FuturesExecutorFactory.class, ExecutorProviders.lookup("futures", OPTS));
        assertInstanceOf(FuturesExecutorFactory.class, ExecutorProviders.lookup("futures@mylaptop", OPTS));
    }

    @Test
    void unknownExecutorListsTheAvailableOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> ExecutorProviders.lookup("futurs", OPTS));
        assertTrue(e.getMessage().contains("unknown executor 'futurs'"), e.getMessage());
        assertTrue(e.getMessage().contains("nearest: futures"), e.getMessage());
        assertTrue(e.getMessage().contains("available: iterative, futures"), e.getMessage());
    }

    static final String SCRIPT = """
            // a user's executor setup, as PocketCoffea's --executor-custom-setup module
            int made = 0;
            ExecutorFactory getExecutorFactory(String name, RunOptions options) {
                if (!name.startsWith("tagged")) return null;
                made++;
                System.setProperty("pocket.test.custom." + name, options.getString("queue", "none") + "#" + made);
                return new ExecutorFactory() {
                    public void setup() {}
                    public ChunkExecutor get() { return new IterativeExecutor(); }
                    public void close() { System.setProperty("pocket.test.custom.closed", "yes"); }
                };
            }
            """;

    @Test
    void jshellScriptDefinesTheFactory(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("my_executors.jsh");
        Files.writeString(script, SCRIPT);
        ExecutorFactory f = ExecutorProviders.lookup("tagged@site", OPTS.with("queue", "q7"), script);
        assertEquals("q7#1", System.getProperty("pocket.test.custom.tagged@site"));
        f.setup();
        Chunk c = new Chunk("DY", "f.root", "Events", 0, 5, Map.of());
        RunContext ctx = new RunContext(null, null, OPTS, ch -> Output.empty(), ProgressListener.NONE, dir);
        ExecutionResult r = f.get().execute(List.of(c), ctx);
        assertEquals(1, r.fates().size());
        assertEquals(pocket.run.ChunkFate.Status.PROCESSED, r.fates().get(0).status());
        f.close();
        assertEquals("yes", System.getProperty("pocket.test.custom.closed"));
        // names the script does not make fall through to the built-ins
        assertInstanceOf(FuturesExecutorFactory.class, ExecutorProviders.lookup("futures", OPTS, script));
    }

    @Test
    void brokenScriptsAreNamed(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none.jsh");
        Files.writeString(none, "int x = 3;\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ExecutorProviders.lookup("iterative", OPTS, none));
        assertTrue(e.getMessage().contains("none.jsh") && e.getMessage().contains("getExecutorFactory"), e.getMessage());
        Path broken = dir.resolve("broken.jsh");
        Files.writeString(broken, "ExecutorFactory getExecutorFactory(String n, RunOptions o) { return undefinedThing(); }\n");
        e = assertThrows(IllegalArgumentException.class, () -> ExecutorProviders.lookup("iterative", OPTS, broken));
        assertTrue(e.getMessage().contains("broken.jsh"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExecutorProviders.lookup("iterative", OPTS, dir.resolve("missing.jsh")));
        assertTrue(e.getMessage().contains("missing.jsh") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void jarProvidesFactoriesThroughServiceLoader(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/userexec/JarProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package userexec;
                import pocket.executors.*;
                import pocket.run.*;
                public class JarProvider implements ExecutorProvider {
                    public boolean accepts(String e) { return e.equals("fromjar@here"); }
                    public ExecutorFactory create(String e, RunOptions o) {
                        System.setProperty("pocket.test.jar", o.getString("chunksize", "?"));
                        return new IterativeExecutorFactory();
                    }
                    public java.util.List<String> names() { return java.util.List.of("fromjar@here"); }
                }
                """);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK (javax.tools compiler)");
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path")
                + java.io.File.pathSeparator + Path.of(ExecutorFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                src.toString());
        assertEquals(0, rc);
        Path jar = dir.resolve("userexec.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("userexec/JarProvider.class"));
            out.write(Files.readAllBytes(classes.resolve("userexec/JarProvider.class")));
            out.putNextEntry(new JarEntry("META-INF/services/pocket.run.ExecutorProvider"));
            out.write("userexec.JarProvider\n".getBytes());
        }
        ExecutorFactory f = ExecutorProviders.lookup("fromjar@here", OPTS.with("chunksize", 777), jar);
        assertInstanceOf(IterativeExecutorFactory.class, f);
        assertEquals("777", System.getProperty("pocket.test.jar"));
        Path empty = dir.resolve("empty.jar");
        try (OutputStream o = Files.newOutputStream(empty); JarOutputStream out = new JarOutputStream(o)) {
            out.putNextEntry(new JarEntry("nothing.txt"));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> ExecutorProviders.lookup("x", OPTS, empty));
        assertTrue(e.getMessage().contains("empty.jar") && e.getMessage().contains("ExecutorProvider"), e.getMessage());
    }
}
