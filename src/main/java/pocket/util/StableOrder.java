package pocket.util;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Values in an order that is the same in every JVM, for files that must be byte-identical for
 * the same inputs (config.json, run_options.yaml). Maps and sets that keep an order of their
 * own (LinkedHashMap, sorted maps) keep it; the others (Map.of, Map.copyOf, HashMap: a new
 * order in every JVM) come out sorted by key.
 */
public final class StableOrder {
    private StableOrder() {}

    private static final Comparator<Object> BY_TEXT = Comparator.comparing(String::valueOf);

    /** A deep copy of maps, lists and sets in a stable order; other values as they are. */
    public static Object of(Object o) {
        if (o instanceof Map<?, ?> map) {
            Map<Object, Object> out = map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>
                    ? new LinkedHashMap<>() : new TreeMap<>(BY_TEXT);
            map.forEach((k, v) -> out.put(k, of(v)));
            return out;
        }
        if (o instanceof List<?> list) return list.stream().map(StableOrder::of).toList();
        if (o instanceof Set<?> set) {
            Collection<Object> out = set instanceof LinkedHashSet<?> || set instanceof SortedSet<?>
                    ? new LinkedHashSet<>() : new java.util.TreeSet<>(BY_TEXT);
            for (Object x : set) out.add(of(x));
            return out;
        }
        return o;
    }

    /** A map's entries sorted by key (deeply stable values): for maps whose order means nothing. */
    public static Map<String, Object> sorted(Map<String, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, of(v)));
        return out;
    }
}
