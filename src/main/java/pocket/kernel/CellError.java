package pocket.kernel;

import java.util.List;

/**
 * A cell that did not run to its end: a compile error, an exception thrown by the cell, or an
 * interrupt; {@link #line()} is the 1-based line in the cell and {@link #traceback()} the lines
 * Jupyter shows.
 */
final class CellError extends Exception {
    private final String kind;
    private final int line;
    private final List<String> traceback;

    CellError(String kind, String message, int line, List<String> traceback) {
        super(message);
        this.kind = kind;
        this.line = line;
        this.traceback = List.copyOf(traceback);
    }

    /** "CompilationError", the thrown exception's class name, or "Interrupted". */
    public String kind() { return kind; }

    /** The cell line where it happened (1-based), or 0 when unknown. */
    public int line() { return line; }

    public List<String> traceback() { return traceback; }
}
