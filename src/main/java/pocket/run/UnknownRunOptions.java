package pocket.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pocket.util.Names;

/**
 * The run-option keys no layer knew, each with where it was given (a flag such as
 * {@code --chunksiz}, a {@code -ro} file and section, an {@code option(k, v)}). A run refuses
 * them ({@link #require}) unless its executor factory declares them; the error names each key
 * and the nearest valid flags and run-option keys.
 */
public final class UnknownRunOptions {
    private record Unknown(String key, String from, Set<String> alsoValid) {}

    private final Set<String> known;
    private final RunOptionsResolver.Hints hints;
    private final List<Unknown> unknown = new ArrayList<>();

    UnknownRunOptions(Set<String> known, RunOptionsResolver.Hints hints) {
        this.known = new LinkedHashSet<>(known);
        this.hints = hints;
    }

    void add(String key, String from, Collection<String> alsoValid) { unknown.add(new Unknown(key, from, new LinkedHashSet<>(alsoValid))); }

    public boolean isEmpty() { return unknown.isEmpty(); }

    /** The unknown keys, in the order they were given. */
    public List<String> keys() { return unknown.stream().map(Unknown::key).distinct().toList(); }

    /** Throws (an IllegalArgumentException: bad input, exit 2) when a key is neither known nor in {@code declared}. */
    public void require(Set<String> declared) {
        List<String> errors = new ArrayList<>();
        for (Unknown u : unknown) if (!declared.contains(u.key())) errors.add(message(u, declared));
        if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("\n", errors));
    }

    private String message(Unknown u, Set<String> declared) {
        Set<String> keys = new LinkedHashSet<>(known);
        keys.addAll(declared);
        keys.addAll(u.alsoValid());
        String optionHint = "nearest run options" + (u.alsoValid().isEmpty() ? "" : " or sections")
                + (u.from().startsWith("--") ? " (as --key=value)" : "") + ": "
                + String.join(", ", Names.nearest(u.key(), keys, 3));
        String flagHint = flagHint(u.key());
        if (u.from().startsWith("--"))
            return "unknown option '--" + u.key() + "'" + (flagHint.isEmpty() ? "" : "; " + flagHint) + "; " + optionHint;
        return "unknown run option '" + u.key() + "' in " + u.from() + "; " + optionHint + (flagHint.isEmpty() ? "" : "; " + flagHint);
    }

    /** The nearest of the front's flags (long ones only) or methods, compared without their dashes. */
    private String flagHint(String key) {
        Map<String, String> bare = new LinkedHashMap<>();
        for (String f : hints.names()) if (!f.startsWith("-") || f.startsWith("--")) bare.putIfAbsent(f.replaceFirst("^-+", ""), f);
        if (bare.isEmpty()) return "";
        return "nearest " + hints.what() + ": " + String.join(", ", Names.nearest(key, bare.keySet(), 3).stream().map(bare::get).toList());
    }
}
