package pocket.remote;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that turns paths and arguments into POSIX shell words, so that no dataset,
 * file or folder name can run a command on the remote side.
 */
final class ShellQuote {
    private ShellQuote() {}

    /** One shell word: the text in single quotes, each ' written as '\''. NUL cannot be passed at all. */
    public static String quote(String word) {
        if (word.indexOf('\0') >= 0)
            throw new IllegalArgumentException("remote: a NUL character cannot be passed to a shell: " + word.replace('\0', '?'));
        if (!word.isEmpty() && word.chars().allMatch(ShellQuote::plain)) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Several words, each quoted, joined by spaces: a command line. */
    public static String command(String... words) { return command(List.of(words)); }

    public static String command(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    private static boolean plain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '/' || c == '.' || c == '_' || c == '-' || c == '+' || c == ':' || c == ',' || c == '@';
    }
}
