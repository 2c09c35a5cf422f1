package pocket.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One histogram definition, PocketCoffea's {@code HistConf}: its axes and where it is filled
 * (only/exclude categories, with or without weights and weight variations). The output
 * histogram has axes {@code cat}, then {@code variation} (MC), then these. Immutable.
 */
public final class HistConf {
    private final List<Axis> axes;
    private final List<String> onlyCategories, excludeCategories, onlyVariations;
    private final boolean noWeights, variations;

    private HistConf(List<Axis> axes, List<String> only, List<String> exclude, List<String> onlyVariations, boolean noWeights, boolean variations) {
        this.axes = List.copyOf(axes); this.onlyCategories = only; this.excludeCategories = exclude;
        this.onlyVariations = onlyVariations; this.noWeights = noWeights; this.variations = variations;
        if (axes.isEmpty()) throw new ConfigException("HistConf needs at least one Axis");
        Set<String> names = new HashSet<>(List.of("cat", "variation"));
        for (Axis a : axes)
            if (!names.add(a.name())) throw new ConfigException("HistConf: axis name '" + a.name() + "' used twice (or reserved: cat, variation); set Axis.name(...)");
    }

    public static HistConf of(Axis... axes) { return new HistConf(List.of(axes), null, List.of(), null, false, true); }

    public HistConf onlyCategories(String... cats) { return new HistConf(axes, List.of(cats), excludeCategories, onlyVariations, noWeights, variations); }
    public HistConf excludeCategories(String... cats) { return new HistConf(axes, onlyCategories, List.of(cats), onlyVariations, noWeights, variations); }
    /** Fill with weight 1 (counts), as PocketCoffea's {@code no_weights=True}. */
    public HistConf noWeights() { return new HistConf(axes, onlyCategories, excludeCategories, onlyVariations, true, variations); }
    /** Fill only the nominal variation. */
    public HistConf noVariations() { return new HistConf(axes, onlyCategories, excludeCategories, onlyVariations, noWeights, false); }
    /** Fill only these weight variations (weight names, e.g. "pileup"), besides nominal. */
    public HistConf onlyVariations(String... weights) { return new HistConf(axes, onlyCategories, excludeCategories, List.of(weights), noWeights, variations); }

    public List<Axis> axes() { return axes; }
    public boolean noWeightsSet() { return noWeights; }

    /** The categories this histogram is filled in, out of all categories. */
    public List<String> categories(List<String> all) {
        List<String> out = new ArrayList<>();
        for (String c : all) if ((onlyCategories == null || onlyCategories.contains(c)) && !excludeCategories.contains(c)) out.add(c);
        return out;
    }

    /** The variations filled, out of the sample's variation names (nominal first). */
    public List<String> variations(List<String> all) {
        if (!variations || noWeights) return List.of("nominal");
        if (onlyVariations == null) return all;
        List<String> out = new ArrayList<>();
        for (String v : all) {
            if (v.equals("nominal")) { out.add(v); continue; }
            String w = v.endsWith("Up") ? v.substring(0, v.length() - 2) : v.substring(0, v.length() - 4);
            if (onlyVariations.contains(w)) out.add(v);
        }
        return out;
    }

    public void validate(String name, List<String> allCategories) {
        for (List<String> l : java.util.Arrays.asList(onlyCategories, excludeCategories)) if (l != null)
            for (String c : l) if (!allCategories.contains(c))
                throw new ConfigException("variable '" + name + "': category '" + c + "' is not defined" + pocket.util.Names.nearestHint(c, allCategories));
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> ax = new ArrayList<>();
        for (Axis a : axes) ax.add(a.describe());
        m.put("axes", ax);
        if (onlyCategories != null) m.put("only_categories", onlyCategories);
        if (!excludeCategories.isEmpty()) m.put("exclude_categories", excludeCategories);
        m.put("no_weights", noWeights);
        m.put("variations", variations);
        if (onlyVariations != null) m.put("only_variations", onlyVariations);
        return m;
    }
}
