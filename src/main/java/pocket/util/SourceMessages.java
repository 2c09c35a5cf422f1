package pocket.util;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compile errors as a person reads them, shared by the CLI's config loader and the notebook
 * kernel: javac's message with its symbol on one line and without package names
 * ({@code cannot find symbol: method preselection(Cut) in Configurator.Builder}), and the
 * offending source line with a caret under the column.
 */
public final class SourceMessages {
    private SourceMessages() {}

    private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Z])");

    /** javac's (possibly multi-line) diagnostic as one line: "cannot find symbol: variable x", "...: method m(int) in Type". */
    public static String diagnostic(String javac) {
        if (javac == null || javac.isBlank()) return "the statement does not compile";
        String[] lines = javac.strip().split("\\R");
        StringBuilder out = new StringBuilder(lines[0].strip());
        String symbol = null, location = null;
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("symbol:")) symbol = l.substring("symbol:".length()).strip();
            else if (l.startsWith("location:")) location = l.substring("location:".length()).strip();
            else if (!l.isEmpty()) rest.add(l);
        }
        if (symbol != null) out.append(": ").append(symbol);
        String where = location == null ? null : location(location);
        if (where != null) out.append(where);
        for (String r : rest) out.append("; ").append(r);
        return withoutPackages(out.toString());
    }

    /** " in Configurator.Builder", " on mu (a Collection)", or null for JShell's unnamed wrapper class. */
    private static String location(String l) {
        if (l.equals("class") || l.startsWith("class ") || l.startsWith("interface ")) {
            String type = l.substring(l.indexOf(' ') + 1 > 0 ? l.indexOf(' ') + 1 : l.length()).strip();
            return type.isEmpty() ? null : " in " + type;
        }
        if (l.startsWith("variable ")) {
            String[] p = l.substring("variable ".length()).split(" of type ", 2);
            return " on " + p[0].strip() + (p.length > 1 ? " (a " + p[1].strip() + ")" : "");
        }
        return " in " + l;
    }

    /** Qualified Java names shortened to their simple names: "pocket.config.Cut" → "Cut". */
    public static String withoutPackages(String s) {
        return PACKAGE.matcher(s).replaceAll("");
    }

    /** The source line and a caret under {@code column} (0-based), each indented by four spaces; tabs stay tabs. */
    public static List<String> caret(String sourceLine, int column) {
        String line = sourceLine.stripTrailing();
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < Math.min(Math.max(0, column), line.length()); i++) pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
        return List.of("    " + line, "    " + pad + "^");
    }

    /** javac puts a missing member's position on the dot before it: the position of the name itself. */
    public static int nameAfterDot(String src, int pos) {
        int p = Math.min(Math.max(0, pos), src.length());
        if (p >= src.length() || src.charAt(p) != '.') return p;
        p++;
        while (p < src.length() && Character.isWhitespace(src.charAt(p))) p++;
        return p < src.length() && Character.isJavaIdentifierStart(src.charAt(p)) ? p : pos;
    }

    /** The offset of the first code in {@code src} from {@code from}: past blank space and comments (where JShell numbers a snippet's lines from). */
    public static int firstCode(String src, int from) {
        int i = Math.max(0, from), n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) i++;
            else if (src.startsWith("//", i)) i = endOf(src, '\n', i);
            else if (src.startsWith("/*", i)) { int e = src.indexOf("*/", i + 2); i = e < 0 ? n : e + 2; }
            else break;
        }
        return i;
    }

    /**
     * The line of {@code text} that JShell numbers line 1 of a snippet starting at {@code start}
     * in its stack traces: the snippet's first line, or, when the snippet starts with blank space,
     * the line of its first code (past blank lines and comments).
     */
    public static int snippetFirstLine(String text, int start) {
        boolean blankFirst = start < text.length() && Character.isWhitespace(text.charAt(start));
        return lineOf(text, blankFirst ? firstCode(text, start) : start);
    }

    /** The 1-based line of {@code offset} in {@code text}. */
    public static int lineOf(String text, int offset) {
        int n = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) if (text.charAt(i) == '\n') n++;
        return n;
    }

    /** The 0-based column of {@code offset} in its line. */
    public static int columnOf(String text, int offset) {
        int o = Math.min(Math.max(0, offset), text.length());
        return o - (text.lastIndexOf('\n', o - 1) + 1);
    }

    /** The text of the line holding {@code offset}, without its line break. */
    public static String lineAt(String text, int offset) {
        int o = Math.min(Math.max(0, offset), text.length());
        int a = text.lastIndexOf('\n', o - 1) + 1, b = text.indexOf('\n', o);
        return text.substring(a, b < 0 ? text.length() : b);
    }

    /**
     * Where {@code name} first occurs as a whole identifier in Java source, outside comments and
     * string or character literals; -1 when it does not.
     */
    public static int findIdentifier(String src, String name) {
        int n = src.length();
        for (int i = 0; i < n; i++) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') { i = endOf(src, '\n', i); continue; }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') { int e = src.indexOf("*/", i + 2); i = e < 0 ? n : e + 1; continue; }
            if (c == '"' || c == '\'') { i = endOfLiteral(src, i, c); continue; }
            if (Character.isJavaIdentifierStart(c) && (i == 0 || !Character.isJavaIdentifierPart(src.charAt(i - 1)))) {
                int j = i;
                while (j < n && Character.isJavaIdentifierPart(src.charAt(j))) j++;
                if (src.substring(i, j).equals(name)) return i;
                i = j - 1;
            }
        }
        return -1;
    }

    private static int endOf(String s, char c, int from) {
        int e = s.indexOf(c, from);
        return e < 0 ? s.length() : e;
    }

    private static int endOfLiteral(String s, int start, char quote) {
        if (quote == '"' && s.startsWith("\"\"\"", start)) {
            int e = s.indexOf("\"\"\"", start + 3);
            return e < 0 ? s.length() : e + 2;
        }
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == quote || c == '\n') return i;
        }
        return s.length();
    }
}
