package pocket.run;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A user's executor setup from {@code --executor-custom-setup FILE}, as PocketCoffea's custom
 * executor module: a JShell script (.jsh) that defines
 * {@code ExecutorFactory getExecutorFactory(String name, RunOptions options)}, or a jar that
 * provides {@link ExecutorProvider}s through ServiceLoader.
 */
public abstract class CustomExecutorSetup {
    /** Values passed between pocket and the script's JShell (same JVM, local execution). Internal. */
    public static final ConcurrentHashMap<String, Object> HANDOFF = new ConcurrentHashMap<>();

    /** The factory for this executor string, or null when the setup does not make it. */
    public abstract ExecutorFactory create(String executor, RunOptions options);

    public static CustomExecutorSetup load(Path file) {
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException("--executor-custom-setup: file " + file + " not found (expected a .jsh script or a .jar)");
        String name = file.getFileName().toString();
        if (name.endsWith(".jar")) return jar(file);
        if (name.endsWith(".jsh") || name.endsWith(".java")) return script(file);
        throw new IllegalArgumentException("--executor-custom-setup: " + file + " is neither a .jsh script nor a .jar");
    }

    private static CustomExecutorSetup jar(Path file) {
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {file.toUri().toURL()}, ExecutorProviders.class.getClassLoader());
        } catch (IOException e) {
            throw new IllegalArgumentException("--executor-custom-setup: cannot open " + file + ": " + e.getMessage(), e);
        }
        List<ExecutorProvider> providers = new ArrayList<>();
        for (ExecutorProvider p : ExecutorProviders.providers(loader))
            if (p.getClass().getClassLoader() == loader) providers.add(p);
        if (providers.isEmpty())
            throw new IllegalArgumentException("--executor-custom-setup: " + file + " provides no pocket.run.ExecutorProvider"
                    + " (list the class in META-INF/services/pocket.run.ExecutorProvider)");
        return new CustomExecutorSetup() {
            @Override public ExecutorFactory create(String executor, RunOptions options) {
                for (ExecutorProvider p : providers) {
                    if (!p.accepts(executor)) continue;
                    try { return p.create(executor, options); }
                    catch (RuntimeException e) { throw e; }
                    catch (Exception e) { throw new IllegalArgumentException("executor '" + executor + "' from " + file + ": " + e.getMessage(), e); }
                }
                return null;
            }
        };
    }

    private static CustomExecutorSetup script(Path file) {
        String source;
        try { source = Files.readString(file); }
        catch (IOException e) { throw new IllegalArgumentException("--executor-custom-setup: cannot read " + file + ": " + e.getMessage(), e); }
        JShell js = JShell.builder().executionEngine("local").build();
        js.addToClasspath(classPath());
        eval(js, "import pocket.executors.*; import pocket.run.*; import pocket.workflow.*; import pocket.config.*;", file);
        SourceCodeAnalysis sca = js.sourceCodeAnalysis();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(rest);
            if (ci.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            if (!ci.completeness().isComplete())
                throw new IllegalArgumentException("--executor-custom-setup " + file + ": incomplete statement at the end: " + firstLine(rest));
            eval(js, ci.source(), file);
            rest = ci.remaining();
        }
        boolean defined = js.methods().anyMatch(m -> m.name().equals("getExecutorFactory"));
        if (!defined)
            throw new IllegalArgumentException("--executor-custom-setup " + file
                    + " does not define a `getExecutorFactory(String name, RunOptions options)` method");
        return new CustomExecutorSetup() {
            @Override public synchronized ExecutorFactory create(String executor, RunOptions options) {
                String id = UUID.randomUUID().toString();
                HANDOFF.put(id + ".name", executor);
                HANDOFF.put(id + ".options", options);
                try {
                    String h = "pocket.run.CustomExecutorSetup.HANDOFF";
                    eval(js, "{ Object __f = getExecutorFactory((String) " + h + ".get(\"" + id + ".name\"), (pocket.run.RunOptions) "
                            + h + ".get(\"" + id + ".options\")); if (__f != null) " + h + ".put(\"" + id + ".out\", __f); }", file);
                    Object f = HANDOFF.get(id + ".out");
                    if (f == null) return null;
                    if (!(f instanceof ExecutorFactory ef))
                        throw new IllegalArgumentException("--executor-custom-setup " + file + ": getExecutorFactory returned a "
                                + f.getClass().getName() + ", not a pocket.run.ExecutorFactory");
                    return ef;
                } finally {
                    HANDOFF.remove(id + ".name");
                    HANDOFF.remove(id + ".options");
                    HANDOFF.remove(id + ".out");
                }
            }
        };
    }

    private static void eval(JShell js, String code, Path file) {
        for (SnippetEvent ev : js.eval(code)) {
            if (ev.exception() != null)
                throw new IllegalArgumentException("--executor-custom-setup " + file + ": " + ev.exception().getClass().getSimpleName()
                        + ": " + ev.exception().getMessage() + " in: " + firstLine(ev.snippet().source()), ev.exception());
            if (ev.status() == Snippet.Status.REJECTED) {
                StringBuilder sb = new StringBuilder();
                js.diagnostics(ev.snippet()).forEach((Diag d) -> sb.append(d.getMessage(null)).append("; "));
                throw new IllegalArgumentException("--executor-custom-setup " + file + ": does not compile: " + sb
                        + "in: " + firstLine(ev.snippet().source()));
            }
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " ...";
    }

    /** The JVM's class path plus wherever pocket's own classes are, so scripts compile against them. */
    static String classPath() {
        List<String> parts = new ArrayList<>();
        try {
            parts.add(Path.of(ExecutorProviders.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException | RuntimeException e) {
            // fall back on java.class.path alone
        }
        parts.add(System.getProperty("java.class.path", ""));
        return String.join(File.pathSeparator, parts);
    }
}
