package pocket.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis categories: a standard selection (name → cuts, all required) plus optionally a
 * cartesian product of {@link MultiCut}s whose category names join the bin names with "_"
 * (PocketCoffea's {@code StandardSelection} and {@code CartesianSelection(multicuts, common_cats)}).
 * Immutable; the category masks of a chunk are computed by {@link #masks}.
 */
public final class Categories {
    private final Map<String, List<Cut>> standard;
    private final List<MultiCut> multicuts;

    private Categories(Map<String, List<Cut>> standard, List<MultiCut> multicuts) {
        this.standard = standard; this.multicuts = multicuts;
    }

    /** Named categories, each the AND of its cuts. */
    public static Categories standard(Map<String, List<Cut>> categories) {
        return new Categories(copy(categories), List.of());
    }

    /** An empty standard selection, to be grown with {@link #add}. */
    public static Categories standard() { return new Categories(new LinkedHashMap<>(), List.of()); }

    /** The product of the multicuts' bins, plus common standard categories. */
    public static Categories cartesian(List<MultiCut> multicuts, Map<String, List<Cut>> commonCats) {
        if (multicuts.isEmpty()) throw new ConfigException("CartesianSelection needs at least one MultiCut");
        return new Categories(copy(commonCats == null ? Map.of() : commonCats), List.copyOf(multicuts));
    }

    /** The product of the multicuts' bins; common categories can be added with {@link #add}. */
    public static Categories cartesian(List<MultiCut> multicuts) { return cartesian(multicuts, null); }

    /** A new Categories with one more standard (common) category; standard categories come first in {@link #names}. */
    public Categories add(String name, Cut... cuts) {
        Map<String, List<Cut>> s = copy(standard);
        if (s.containsKey(name)) throw new ConfigException("category '" + name + "' defined twice");
        s.put(name, List.of(cuts));
        return new Categories(s, multicuts);
    }

    public boolean isCartesian() { return !multicuts.isEmpty(); }

    /** Every category name: the standard ones first, then the cartesian products in row-major order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(standard.keySet());
        if (!multicuts.isEmpty()) for (int[] combo : combos()) out.add(comboName(combo));
        return out;
    }

    /** The cuts of each category (for cartesian ones: one cut per multicut). */
    public Map<String, List<Cut>> cutsByCategory() {
        Map<String, List<Cut>> out = new LinkedHashMap<>(standard);
        if (!multicuts.isEmpty()) for (int[] combo : combos()) {
            List<Cut> cuts = new ArrayList<>();
            for (int d = 0; d < combo.length; d++) cuts.add(multicuts.get(d).cuts().get(combo[d]));
            out.put(comboName(combo), cuts);
        }
        return out;
    }

    /** Every distinct cut used by any category. */
    public List<Cut> allCuts() {
        Map<String, Cut> byName = new LinkedHashMap<>();
        for (List<Cut> cuts : standard.values()) for (Cut c : cuts) byName.putIfAbsent(c.name(), c);
        for (MultiCut mc : multicuts) for (Cut c : mc.cuts()) byName.putIfAbsent(c.name(), c);
        return new ArrayList<>(byName.values());
    }

    /** The mask of each category; each distinct cut is evaluated once. */
    public Map<String, boolean[]> masks(pocket.events.Events events, CutContext ctx) {
        Map<String, boolean[]> cutMasks = new LinkedHashMap<>();
        for (Cut c : allCuts()) cutMasks.put(c.name(), c.mask(events, ctx));
        Map<String, boolean[]> out = new LinkedHashMap<>();
        for (var e : cutsByCategory().entrySet()) {
            boolean[] m = pocket.events.Masks.all(events.size());
            for (Cut c : e.getValue()) m = pocket.events.Masks.and(m, cutMasks.get(c.name()));
            out.put(e.getKey(), m);
        }
        return out;
    }

    private List<int[]> combos() {
        List<int[]> out = new ArrayList<>();
        int[] idx = new int[multicuts.size()];
        while (true) {
            out.add(idx.clone());
            int d = idx.length - 1;
            while (d >= 0 && ++idx[d] == multicuts.get(d).cuts().size()) { idx[d] = 0; d--; }
            if (d < 0) return out;
        }
    }

    private String comboName(int[] combo) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < combo.length; d++) parts.add(multicuts.get(d).cutsNames().get(combo[d]));
        return String.join("_", parts);
    }

    private static Map<String, List<Cut>> copy(Map<String, List<Cut>> m) {
        Map<String, List<Cut>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
