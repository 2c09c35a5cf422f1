package pocket.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import pocket.util.SourceMessages;

/**
 * Runs notebook cells with JShell inside this JVM (objects stay live between cells): splits a
 * cell into snippets, reports compile errors and exceptions with the cell's line, hands back
 * the live value of a final expression, and answers completion, inspection and completeness.
 */
final class CellEvaluator implements AutoCloseable {
    /** What a cell evaluated to: {@code present} is false for a cell ending in a statement or declaration. */
    public record Value(boolean present, Object value) {
        static final Value NONE = new Value(false, null);
    }


    private final LiveExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    /** Snippet id → (cell number, first line in that cell), to name the lines of stack frames. */
    private final Map<String, int[]> snippetLines = new java.util.concurrent.ConcurrentHashMap<>();
    private int cellNumber;

    public CellEvaluator(List<String> classPath, List<String> imports) {
        LiveExecutionControl.Provider provider = new LiveExecutionControl.Provider();
        control = provider.control();
        shell = JShell.builder().executionEngine(provider, Map.of()).build();
        for (String entry : classPath) if (!entry.isBlank()) shell.addToClasspath(entry);
        analysis = shell.sourceCodeAnalysis();
        for (String imp : imports) {
            // A package that is absent (a trimmed class path) only loses its import.
            shell.eval("import " + imp + ";");
        }
    }

    /** The evaluator a kernel uses: this JVM's class path and the default imports. */
    public static CellEvaluator forThisJvm() {
        String cp = System.getProperty("java.class.path", "");
        return new CellEvaluator(List.of(cp.split(java.io.File.pathSeparator)), CellImports.ALL);
    }

    /** Runs every snippet of the cell in order; stops at the first error and throws it. */
    public Value eval(String cell) throws CellError {
        control.clearStop();
        cellNumber++;
        Value last = Value.NONE;
        for (Piece piece : split(cell)) {
            last = evalPiece(cell, piece);
        }
        return last;
    }

    private Value evalPiece(String cell, Piece piece) throws CellError {
        List<SnippetEvent> events = shell.eval(piece.source);
        Value value = Value.NONE;
        for (SnippetEvent ev : events) {
            if (ev.causeSnippet() != null) continue;  // side effects on other snippets
            Snippet s = ev.snippet();
            snippetLines.put(s.id(), new int[]{cellNumber, piece.line});
            if (ev.status() == Snippet.Status.REJECTED) throw compileError(cell, piece, s);
            if (control.wasStopped()) {
                control.clearStop();
                throw new CellError("Interrupted", "the cell was interrupted", piece.line,
                        List.of("Interrupted: the cell was stopped at the user's request"));
            }
            JShellException ex = ev.exception();
            if (ex != null) throw runtimeError(cell, piece, ex);
            Object kept = control.takeValue(ev.value());
            if (isExpression(s)) value = new Value(true, kept);
        }
        return value;
    }

    private static boolean isExpression(Snippet s) {
        if (s instanceof ExpressionSnippet) return true;
        return s instanceof VarSnippet && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private CellError compileError(String cell, Piece piece, Snippet s) {
        List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
        List<String> tb = new ArrayList<>();
        int firstLine = 0;
        String firstMessage = "the snippet was rejected";
        for (Diag d : diags) {
            int snippetPos = SourceMessages.nameAfterDot(piece.raw, (int) Math.min(Math.max(0, d.getStartPosition()), piece.raw.length()));
            int cellPos = piece.offset + snippetPos;
            int line = SourceMessages.lineOf(cell, cellPos);
            String msg = SourceMessages.diagnostic(d.getMessage(Locale.ROOT));
            if (firstLine == 0) { firstLine = line; firstMessage = msg; }
            tb.add("cell line " + line + ": " + msg);
            tb.addAll(SourceMessages.caret(SourceMessages.lineAt(cell, cellPos), SourceMessages.columnOf(cell, cellPos)));
        }
        if (diags.isEmpty()) {
            // Unresolved references in a declaration: JShell rejects without an error diagnostic.
            firstLine = piece.line;
            tb.add("cell line " + piece.line + ": " + firstMessage);
        }
        return new CellError("CompilationError", "cell line " + firstLine + ": " + firstMessage, firstLine, tb);
    }

    private CellError runtimeError(String cell, Piece piece, JShellException ex) {
        String cls;
        if (ex instanceof EvalException ee) cls = ee.getExceptionClassName();
        else if (ex instanceof UnresolvedReferenceException ure)
            return new CellError("UnresolvedReference", "cell line " + piece.line + ": " + ure.getSnippet() + " is not defined yet",
                    piece.line, List.of("cell line " + piece.line + ": '" + ure.getSnippet().source().strip() + "' has unresolved references"));
        else cls = ex.getClass().getName();
        List<String> tb = new ArrayList<>();
        int line = 0;
        String message = ex.getMessage();
        tb.add(cls + (message == null ? "" : ": " + message));
        for (StackTraceElement e : ex.getStackTrace()) {
            String file = e.getFileName();
            if (file != null && file.startsWith("#")) {
                int[] where = snippetLines.get(file.substring(1));
                String name = e.getMethodName().equals("do_it$") || e.getMethodName().isEmpty() ? "cell" : e.getMethodName();
                if (where != null && where[0] == cellNumber) {
                    int cellLine = where[1] + Math.max(0, e.getLineNumber() - 1);
                    if (line == 0) line = cellLine;
                    tb.add("    at " + name + " (cell line " + cellLine + ")");
                } else if (where != null) {
                    tb.add("    at " + name + " (line " + (where[1] + Math.max(0, e.getLineNumber() - 1)) + " of an earlier cell)");
                } else {
                    tb.add("    at " + name + " (" + file + ":" + e.getLineNumber() + ")");
                }
            } else {
                tb.add("    at " + e);
            }
            if (e.getClassName().startsWith("jdk.internal.reflect") || e.getClassName().startsWith("pocket.kernel.")) break;
        }
        if (line == 0) line = piece.line;
        tb.add(1, "cell line " + line + ": " + lineOfOrEmpty(cell, line));
        Throwable cause = ex.getCause();
        while (cause != null) {
            tb.add("Caused by: " + cause);
            cause = cause.getCause();
        }
        String shortName = cls.substring(cls.lastIndexOf('.') + 1);
        return new CellError(shortName, "cell line " + line + ": " + cls + (message == null ? "" : ": " + message), line, tb);
    }

    /** Stops the running cell (called from another thread). */
    public void stop() {
        shell.stop();
    }

    /** Completions at the cursor: the replacement texts and the range of the cell they replace. */
    public Completion complete(String cell, int cursor) {
        Piece piece = pieceAt(cell, cursor);
        int local = cursor - piece.offset;
        int[] anchor = new int[1];
        Set<String> texts = new LinkedHashSet<>();
        List<SourceCodeAnalysis.Suggestion> list = analysis.completionSuggestions(piece.raw, local, anchor);
        for (SourceCodeAnalysis.Suggestion s : list) if (s.matchesType()) texts.add(s.continuation());
        for (SourceCodeAnalysis.Suggestion s : list) texts.add(s.continuation());
        return new Completion(List.copyOf(texts), piece.offset + anchor[0], cursor);
    }

    /** The signatures (and javadoc when the JDK has it) of what is at the cursor. */
    public List<String> documentation(String cell, int cursor) {
        Piece piece = pieceAt(cell, cursor);
        List<String> out = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation d : analysis.documentation(piece.raw, cursor - piece.offset, true)) {
            out.add(d.signature() + (d.javadoc() == null || d.javadoc().isBlank() ? "" : "\n" + d.javadoc()));
        }
        return out;
    }

    /** Jupyter's answer to is_complete: "complete", "incomplete", "invalid" or "unknown". */
    public String completeness(String cell) {
        String rest = cell;
        while (true) {
            if (rest.isBlank()) return "complete";
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
            Completeness c = ci.completeness();
            switch (c) {
                case EMPTY: return "complete";
                case DEFINITELY_INCOMPLETE: return "incomplete";
                case CONSIDERED_INCOMPLETE: return "incomplete";
                case UNKNOWN: return "invalid";
                default: break;
            }
            if (ci.remaining().equals(rest)) return "unknown";
            rest = ci.remaining();
        }
    }

    @Override public void close() { shell.close(); }

    /** Completion matches and the cell range [start, end) they replace. */
    public record Completion(List<String> matches, int start, int end) {}

    /** One snippet of a cell: the text JShell compiles, the raw text, where it starts and its first line (1-based). */
    private record Piece(String source, String raw, int offset, int line, int column) {}

    private List<Piece> split(String cell) {
        List<Piece> out = new ArrayList<>();
        int pos = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = analysis.analyzeCompletion(rest);
            if (ci.completeness() == Completeness.EMPTY) break;
            boolean complete = ci.completeness().isComplete() && ci.source() != null;
            int consumed = complete ? rest.length() - ci.remaining().length() : rest.length();
            int start = pos;
            while (start < cell.length() && Character.isWhitespace(cell.charAt(start))) start++;
            String raw = cell.substring(pos, pos + consumed);
            String source = complete ? ci.source() : raw;
            out.add(new Piece(source, raw, pos, SourceMessages.snippetFirstLine(cell, pos), column(cell, start)));
            pos += consumed;
            rest = cell.substring(pos);
            if (!complete) break;
        }
        return out;
    }

    private Piece pieceAt(String cell, int cursor) {
        Piece last = new Piece(cell, cell, 0, 1, 0);
        for (Piece p : split(cell.substring(0, Math.min(cursor, cell.length())))) last = p;
        String raw = cell.substring(last.offset, Math.min(cursor, cell.length()));
        return new Piece(raw, raw, last.offset, last.line, last.column);
    }

    private static int countNewlines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end && i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    private static int column(String s, int pos) {
        int nl = s.lastIndexOf('\n', pos - 1);
        return pos - (nl + 1);
    }

    private static String lineOf(String cell, int line) {
        String[] lines = cell.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : null;
    }

    private static String lineOfOrEmpty(String cell, int line) {
        String s = lineOf(cell, line);
        return s == null ? "" : s.strip();
    }
}
