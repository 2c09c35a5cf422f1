package pocket.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pocket.util.Names;

/**
 * Which weights apply where, and which vary: PocketCoffea's {@code weights} and
 * {@code variations.weights} blocks ({@code common}/{@code bysample}, each {@code inclusive}
 * and {@code bycategory}), plus the definitions of custom weights. Immutable; setters return new values.
 */
public final class WeightsConfig {
    private record Block(List<String> inclusive, Map<String, List<String>> bycategory) {
        Block { inclusive = List.copyOf(inclusive); Map<String, List<String>> m = new LinkedHashMap<>(); bycategory.forEach((k, v) -> m.put(k, List.copyOf(v))); bycategory = m; }
        static Block empty() { return new Block(List.of(), Map.of()); }
        Block plusInclusive(String... w) { List<String> l = new ArrayList<>(inclusive); l.addAll(List.of(w)); return new Block(l, bycategory); }
        Block plusCategory(String cat, String... w) {
            Map<String, List<String>> m = new LinkedHashMap<>(bycategory);
            List<String> l = new ArrayList<>(m.getOrDefault(cat, List.of())); l.addAll(List.of(w)); m.put(cat, l);
            return new Block(inclusive, m);
        }
    }

    private final Block common, commonVariations;
    private final Map<String, Block> bysample, bysampleVariations;
    private final Map<String, Weight> definitions;

    private WeightsConfig(Block common, Map<String, Block> bysample, Block commonVariations, Map<String, Block> bysampleVariations, Map<String, Weight> definitions) {
        this.common = common; this.bysample = bysample; this.commonVariations = commonVariations;
        this.bysampleVariations = bysampleVariations; this.definitions = definitions;
    }

    /** No weights at all (every event weighs 1). */
    public static WeightsConfig none() {
        Map<String, Weight> defs = new LinkedHashMap<>();
        for (Weight w : List.of(Weight.genWeight, Weight.signOf_genWeight, Weight.lumi, Weight.XS)) defs.put(w.name(), w);
        return new WeightsConfig(Block.empty(), Map.of(), Block.empty(), Map.of(), defs);
    }

    /** Common inclusive weights, e.g. {@code inclusive("genWeight", "lumi", "XS")}. */
    public static WeightsConfig inclusive(String... weights) { return none().andInclusive(weights); }

    public WeightsConfig andInclusive(String... weights) { return new WeightsConfig(common.plusInclusive(weights), bysample, commonVariations, bysampleVariations, definitions); }

    /** Common weights applied only in one category. */
    public WeightsConfig bycategory(String category, String... weights) { return new WeightsConfig(common.plusCategory(category, weights), bysample, commonVariations, bysampleVariations, definitions); }

    /** Weights for one sample only (inclusive). */
    public WeightsConfig bysample(String sample, String... weights) {
        Map<String, Block> m = new LinkedHashMap<>(bysample);
        m.put(sample, m.getOrDefault(sample, Block.empty()).plusInclusive(weights));
        return new WeightsConfig(common, m, commonVariations, bysampleVariations, definitions);
    }

    public WeightsConfig bysampleBycategory(String sample, String category, String... weights) {
        Map<String, Block> m = new LinkedHashMap<>(bysample);
        m.put(sample, m.getOrDefault(sample, Block.empty()).plusCategory(category, weights));
        return new WeightsConfig(common, m, commonVariations, bysampleVariations, definitions);
    }

    /** Weights whose Up/Down variations are filled for every sample. */
    public WeightsConfig variations(String... weights) { return new WeightsConfig(common, bysample, commonVariations.plusInclusive(weights), bysampleVariations, definitions); }

    public WeightsConfig variationsBysample(String sample, String... weights) {
        Map<String, Block> m = new LinkedHashMap<>(bysampleVariations);
        m.put(sample, m.getOrDefault(sample, Block.empty()).plusInclusive(weights));
        return new WeightsConfig(common, bysample, commonVariations, m, definitions);
    }

    /** Defines custom weights (PocketCoffea's weights_classes). */
    public WeightsConfig define(Weight... weights) {
        Map<String, Weight> m = new LinkedHashMap<>(definitions);
        for (Weight w : weights) m.put(w.name(), w);
        return new WeightsConfig(common, bysample, commonVariations, bysampleVariations, m);
    }

    public Weight definition(String name) {
        Weight w = definitions.get(name);
        if (w == null) throw new ConfigException("weights: '" + name + "' is not defined" + Names.nearestHint(name, definitions.keySet())
                + " (define custom weights with WeightsConfig.define(Weight.of(...)))");
        return w;
    }

    /** Weights applied to the sample in a category: inclusive ones, then the category's, without repeats. */
    public List<String> weightsFor(String sample, String category) {
        Set<String> out = new LinkedHashSet<>(common.inclusive());
        Block s = bysample.get(sample);
        if (s != null) out.addAll(s.inclusive());
        out.addAll(common.bycategory().getOrDefault(category, List.of()));
        if (s != null) out.addAll(s.bycategory().getOrDefault(category, List.of()));
        return new ArrayList<>(out);
    }

    /** Inclusive weights of a sample (used to pick the genweight normalisation). */
    public List<String> inclusiveFor(String sample) { return weightsFor(sample, "\0no category"); }

    /** Weights with variations for the sample, in order. */
    public List<String> variationsFor(String sample) {
        Set<String> out = new LinkedHashSet<>(commonVariations.inclusive());
        Block s = bysampleVariations.get(sample);
        if (s != null) out.addAll(s.inclusive());
        return new ArrayList<>(out);
    }

    /** The variation axis of a sample's histograms: nominal, then {@code <weight>Up}, {@code <weight>Down}. */
    public List<String> variationNames(String sample) {
        List<String> out = new ArrayList<>(List.of("nominal"));
        for (String w : variationsFor(sample)) { out.add(w + "Up"); out.add(w + "Down"); }
        return out;
    }

    /** Every weight name referenced anywhere, for validation. */
    Set<String> referenced() {
        Set<String> out = new LinkedHashSet<>(common.inclusive());
        common.bycategory().values().forEach(out::addAll);
        for (Block b : bysample.values()) { out.addAll(b.inclusive()); b.bycategory().values().forEach(out::addAll); }
        return out;
    }

    /** Checks names of weights, categories and variations against the configuration. */
    public void validate(List<String> categories, Set<String> samples) {
        for (String w : referenced()) definition(w);
        Set<String> cats = new LinkedHashSet<>(categories);
        List<Map<String, List<String>>> bycats = new ArrayList<>(List.of(common.bycategory()));
        for (Block b : bysample.values()) bycats.add(b.bycategory());
        for (var m : bycats) for (String c : m.keySet())
            if (!cats.contains(c)) throw new ConfigException("weights: bycategory names category '" + c + "' that is not defined" + Names.nearestHint(c, cats));
        for (String s : bysample.keySet()) if (!samples.contains(s))
            throw new ConfigException("weights: bysample names sample '" + s + "' that no dataset has" + Names.nearestHint(s, samples));
        Set<String> varied = new LinkedHashSet<>(commonVariations.inclusive());
        for (var e : bysampleVariations.entrySet()) {
            if (!samples.contains(e.getKey())) throw new ConfigException("variations: bysample names sample '" + e.getKey() + "' that no dataset has" + Names.nearestHint(e.getKey(), samples));
            varied.addAll(e.getValue().inclusive());
        }
        for (String v : varied) {
            Weight w = definition(v);
            if (!w.hasVariations()) throw new ConfigException("variations: weight '" + v + "' has no Up/Down variations (define it with Weight.withVariations)");
            if (!referenced().contains(v)) throw new ConfigException("variations: weight '" + v + "' varies but is applied nowhere" + Names.nearestHint(v, referenced()));
        }
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("common", Map.of("inclusive", common.inclusive(), "bycategory", common.bycategory()));
        Map<String, Object> bs = new LinkedHashMap<>();
        bysample.forEach((k, b) -> bs.put(k, Map.of("inclusive", b.inclusive(), "bycategory", b.bycategory())));
        m.put("bysample", bs);
        Map<String, Object> vs = new LinkedHashMap<>();
        bysampleVariations.forEach((k, b) -> vs.put(k, Map.of("inclusive", b.inclusive())));
        m.put("variations", Map.of("common", Map.of("inclusive", commonVariations.inclusive()), "bysample", vs));
        return m;
    }
}
