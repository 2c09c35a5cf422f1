package pocket.util;

import java.util.Map;

/**
 * What a person is told about a failure: the message, never a Java class name or stack trace,
 * unless the environment variable POCKET_DEBUG is set (to anything but 0), when the class
 * name leads the message and the fronts print the stack trace too.
 */
public final class UserMessages {
    private UserMessages() {}

    /** What exceptions without a message of their own mean. */
    private static final Map<String, String> WITHOUT_MESSAGE = Map.of(
            "java.lang.NullPointerException", "a value that is null was used",
            "java.lang.StackOverflowError", "the calls went too deep (an endless recursion?)",
            "java.lang.OutOfMemoryError", "out of memory (give java more with POCKET_JAVA_OPTS=-Xmx8g)",
            "java.lang.InterruptedException", "interrupted",
            "java.util.NoSuchElementException", "no such element");

    /** True when POCKET_DEBUG asks for class names and stack traces. */
    public static boolean debug() {
        String d = System.getenv("POCKET_DEBUG");
        return d != null && !d.isBlank() && !d.equals("0");
    }

    /** The message of {@code t} for a person (with its class name under POCKET_DEBUG). */
    public static String of(Throwable t) {
        if (t instanceof java.nio.file.FileSystemException f) return of(t.getClass().getName(), fileProblem(f));
        return of(t.getClass().getName(), t.getMessage());
    }

    /** The JDK says only the path for these: say what is wrong with it. */
    private static String fileProblem(java.nio.file.FileSystemException f) {
        String file = f.getFile() == null ? "a file" : f.getFile();
        String other = f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")";
        if (f instanceof java.nio.file.NoSuchFileException) return file + other + ": no such file or folder";
        if (f instanceof java.nio.file.FileAlreadyExistsException) return file + other + " already exists (as a file?)";
        if (f instanceof java.nio.file.AccessDeniedException) return file + other + ": permission denied";
        if (f instanceof java.nio.file.NotDirectoryException) return file + other + " is not a folder";
        if (f instanceof java.nio.file.DirectoryNotEmptyException) return file + other + " is a folder that is not empty";
        return file + other + (f.getReason() == null ? "" : ": " + f.getReason());
    }

    /** The same from a class name and a message (an exception thrown in another JVM or in JShell). */
    public static String of(String className, String message) {
        String m = message == null || message.isBlank() ? null : message.strip();
        if (m != null) m = withoutLeadingClassName(m);
        if (m == null) m = WITHOUT_MESSAGE.getOrDefault(className, "an internal error without a message (POCKET_DEBUG=1 shows where)");
        return debug() ? className + ": " + m : m;
    }

    /** "java.io.IOException: disk full" → "disk full" (wrapping exceptions repeat their cause's toString()). */
    public static String withoutLeadingClassName(String m) {
        String s = m;
        while (true) {
            java.util.regex.Matcher x = java.util.regex.Pattern.compile("^(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*").matcher(s);
            if (!x.find()) return s.isEmpty() ? m : s;
            s = s.substring(x.end());
        }
    }
}
