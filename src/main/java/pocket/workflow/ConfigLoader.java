package pocket.workflow;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import jdk.jshell.Diag;
import pocket.util.SourceMessages;
import pocket.util.UserMessages;
import pocket.config.ConfigException;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs a config script with JShell in this JVM (direct execution, so the {@code cfg} object
 * comes back live) snippet by snippet, or the kept compilation of the same script
 * ({@link CompiledConfig}) without the compiler, turning compile errors, exceptions
 * and a missing {@code cfg} into ConfigExceptions that name the file and line.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /** Imports every script gets; java.util types are named one by one so pocket.events.Collection stays unambiguous. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "import pocket.config.*;", "import pocket.events.*;", "import pocket.workflow.*;",
            "import java.util.List;", "import java.util.Map;", "import java.util.Set;",
            "import java.util.Arrays;", "import java.util.LinkedHashMap;");

    private static final InheritableThreadLocal<Path> SCRIPT_DIR = new InheritableThreadLocal<>();
    private static final Map<String, Object> HANDOFF = new ConcurrentHashMap<>();

    static Path currentScriptDir() {
        Path p = SCRIPT_DIR.get();
        return p != null ? p : Path.of("").toAbsolutePath();
    }

    /** Called from the script's JShell to hand the cfg object back (public for the snippet's class loader). */
    public static void handoff(String key, Object cfg) { HANDOFF.put(key, cfg); }

    private static final java.util.concurrent.atomic.AtomicInteger COMPILES = new java.util.concurrent.atomic.AtomicInteger();

    /** How many times this JVM compiled a config script (a kept compilation does not count). */
    static int compiles() { return COMPILES.get(); }

    static Configurator load(Path script) {
        Path abs = script.toAbsolutePath().normalize();
        // paths in the script and its dataset JSONs are relative to where the file really is, as the OS resolves ../ through a symlinked folder
        try { abs = abs.toRealPath(); } catch (IOException e) { /* unreadable: reported just below */ }
        String text;
        try {
            text = Files.readString(abs);
        } catch (IOException e) {
            throw new ConfigException("config: cannot read config script " + abs + ": " + e.getMessage(), e);
        }
        Path previous = SCRIPT_DIR.get();
        SCRIPT_DIR.set(abs.getParent());
        try {
            List<String> classpath = classpath();
            String cacheKey = CompiledConfig.key(text, DEFAULT_IMPORTS, classpath);
            CompiledConfig kept = CompiledConfig.find(cacheKey);
            if (kept != null) {
                try {
                    if (kept.run(ConfigLoader.class.getClassLoader()) instanceof Configurator c) return c;
                } catch (Exception | LinkageError e) {
                    // compiled afresh below, which reports the error with the script's line
                }
            }
            return compile(abs, text, classpath, cacheKey);
        } finally {
            if (previous == null) SCRIPT_DIR.remove(); else SCRIPT_DIR.set(previous);
        }
    }

    /** Runs the script snippet by snippet through JShell, keeping what it compiled under {@code cacheKey}. */
    private static Configurator compile(Path abs, String text, List<String> classpath, String cacheKey) {
        COMPILES.incrementAndGet();
        CompiledConfig.RecorderProvider recording = new CompiledConfig.RecorderProvider();
        try (JShell js = JShell.builder().executionEngine(recording, Map.of()).build()) {
            for (String cp : classpath) js.addToClasspath(cp);
            for (String imp : DEFAULT_IMPORTS) evalChecked(js, imp, abs, 0, 0, imp);
            SourceCodeAnalysis sca = js.sourceCodeAnalysis();
            String rest = text;
            int consumed = 0;
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(rest);
                String src = ci.source();
                int used = rest.length() - ci.remaining().length();
                if (src == null || ci.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                        || ci.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                    int line = lineOf(text, consumed + firstCodeOffset(rest));
                    throw new ConfigException(abs + ":" + line + ": error: incomplete statement at the end of the script (missing ';' or '}'?)");
                }
                if (ci.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
                    // JShell keeps the snippet's leading blank lines and comments, so diagnostics count from where it was cut
                    int startLine = lineOf(text, consumed);
                    int codeLine = SourceMessages.snippetFirstLine(text, consumed);
                    evalChecked(js, src, abs, startLine, codeLine, src.strip());
                }
                consumed += used;
                rest = ci.remaining();
                if (used == 0) break;
            }
            VarSnippet cfgVar = js.variables().filter(v -> v.name().equals("cfg")).reduce((a, b) -> b).orElse(null);
            if (cfgVar == null)
                throw new ConfigException(abs + ": the script defines no variable 'cfg'; end it with e.g. `var cfg = Configurator.builder()...build();`");
            recording.recorder.recording = false; // the hand-back is this JVM's, not the script's
            String key = UUID.randomUUID().toString();
            evalChecked(js, "pocket.workflow.ConfigLoader.handoff(\"" + key + "\", cfg);", abs, 0, 0, "(handing back cfg)");
            Object cfg = HANDOFF.remove(key);
            if (cfg == null)
                throw new ConfigException(abs + ": variable 'cfg' is null; it must be the Configurator built by the script");
            if (!(cfg instanceof Configurator c))
                throw new ConfigException(abs + ": variable 'cfg' is a " + cfg.getClass().getName() + ", not a pocket.workflow.Configurator (call .build() on the builder)");
            recording.recorder.save(cacheKey);
            return c;
        }
    }

    private static void evalChecked(JShell js, String src, Path file, int startLine, int codeLine, String shown) {
        List<SnippetEvent> events = js.eval(src);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue;
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED || e.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<String> msg = new ArrayList<>();
                for (Diag d : js.diagnostics(s).toList()) {
                    if (!d.isError() && e.status() == Snippet.Status.REJECTED) continue;
                    error(msg, file, src, startLine, SourceMessages.nameAfterDot(src, (int) Math.max(0, d.getPosition())), SourceMessages.diagnostic(d.getMessage(Locale.ROOT)));
                }
                if (e.status() != Snippet.Status.REJECTED) {
                    // a declaration that names what is not defined: JShell says what, the source says where
                    for (String u : js.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList()) {
                        int sp = u.indexOf(' '), paren = u.indexOf('(');
                        String name = u.substring(sp + 1, paren > sp ? paren : u.length()).strip();
                        int at = SourceMessages.findIdentifier(src, name);
                        String what = "cannot find symbol: " + SourceMessages.withoutPackages(u);
                        if (at >= 0) error(msg, file, src, startLine, at, what);
                        else msg.add(file + ":" + codeLine + ": error: " + what);
                    }
                }
                if (msg.isEmpty()) msg.add(file + ":" + codeLine + ": error: the statement does not compile: " + firstLine(shown).strip());
                throw new ConfigException(String.join("\n", msg));
            }
            if (e.exception() != null) {
                Throwable x = e.exception();
                int line = thrownAt(x, s, codeLine);
                String what;
                if (x instanceof EvalException ee) what = UserMessages.of(ee.getExceptionClassName(), ee.getMessage());
                else if (x instanceof UnresolvedReferenceException ure) what = "cannot find symbol: " + String.join(", ",
                        js.unresolvedDependencies(ure.getSnippet()).toList()) + " (used before it is defined?)";
                else what = UserMessages.of(x);
                Throwable cause = x.getCause() != null ? x.getCause() : x;
                throw new ConfigException(file + ":" + line + ": error: " + what + "\n    " + sourceLine(src, line - startLine).strip(), cause);
            }
        }
    }

    /** "file:line: error: what", the line and a caret under the column of {@code pos} in the snippet. */
    private static void error(List<String> msg, Path file, String src, int startLine, int pos, String what) {
        msg.add(file + ":" + (startLine + SourceMessages.lineOf(src, pos) - 1) + ": error: " + what);
        msg.addAll(SourceMessages.caret(SourceMessages.lineAt(src, pos), SourceMessages.columnOf(src, pos)));
    }

    /** The script line of the innermost frame of this snippet in the exception's stack (codeLine: what JShell numbers line 1). */
    private static int thrownAt(Throwable x, Snippet s, int codeLine) {
        if (codeLine == 0) return 0;
        for (StackTraceElement f : x.getStackTrace())
            if (("#" + s.id()).equals(f.getFileName()) && f.getLineNumber() > 0) return codeLine + f.getLineNumber() - 1;
        return codeLine;
    }

    private static String sourceLine(String src, int index) {
        String[] lines = src.split("\n", -1);
        return index >= 0 && index < lines.length ? lines[index] : firstLine(src);
    }

    /** Where this JVM's classes are, so the script compiles against pocket and its dependencies. */
    private static List<String> classpath() {
        Set<String> out = new LinkedHashSet<>();
        for (Class<?> c : List.of(ConfigLoader.class, com.google.gson.Gson.class, org.yaml.snakeyaml.Yaml.class)) {
            try {
                var src = c.getProtectionDomain().getCodeSource();
                if (src != null) out.add(Path.of(src.getLocation().toURI()).toString());
            } catch (Exception ignored) {
                // a class without a file location (e.g. from a custom loader) still has java.class.path below
            }
        }
        for (String p : System.getProperty("java.class.path", "").split(File.pathSeparator)) if (!p.isBlank()) out.add(p);
        return new ArrayList<>(out);
    }

    private static int firstCodeOffset(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static int lineOf(String text, int offset) { return 1 + countLines(text, offset); }

    private static int countLines(String s, int upTo) {
        int n = 0;
        for (int i = 0; i < Math.min(upTo, s.length()); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
