package pocket.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pocket.events.Events;

/**
 * A systematic that changes the events themselves, PocketCoffea's shape variation (jet energy
 * scale or resolution, a lepton momentum scale): its shift is applied to a copy of the skimmed
 * events once up and once down, the object preselection, preselection, categories and weights
 * run again on each, and every histogram with variations gets {@code <name>Up} and
 * {@code <name>Down} filled with the nominal weights. MC only; cutflow and sumw stay nominal.
 * <pre>
 * ShapeVariation jes = ShapeVariation.of("JES_Total", (events, ctx, up) -> {
 *     Collection jet = events.collection("Jet");
 *     events.put("Jet", jet.with("pt", jet.get("pt").times(up ? 1.03 : 0.97)));
 * });
 * </pre>
 */
public final class ShapeVariation {
    /** Changes the events for one direction: replace collections or columns with {@code events.put}. */
    @FunctionalInterface
    public interface Shift {
        void apply(Events events, CutContext ctx, boolean up);
    }

    private final String name;
    private final Shift shift;
    private final List<String> samples;

    private ShapeVariation(String name, Shift shift, List<String> samples) {
        if (name == null || !name.matches("[A-Za-z0-9_]+"))
            throw new ConfigException("shape variation name '" + name + "': use letters, digits and _ (it becomes <name>Up and <name>Down)");
        if (name.equals("nominal") || name.endsWith("Up") || name.endsWith("Down"))
            throw new ConfigException("shape variation name '" + name + "' would clash with the variation names (nominal, <name>Up, <name>Down)");
        if (shift == null) throw new ConfigException("shape variation '" + name + "' needs a shift function");
        this.name = name; this.shift = shift; this.samples = samples;
    }

    /** A variation for every MC sample. */
    public static ShapeVariation of(String name, Shift shift) { return new ShapeVariation(name, shift, null); }

    /** The same variation for these samples only (PocketCoffea's {@code bysample}). */
    public ShapeVariation onlySamples(String... samples) {
        if (samples.length == 0) throw new ConfigException("shape variation '" + name + "': onlySamples needs at least one sample");
        return new ShapeVariation(name, shift, List.of(samples));
    }

    public String name() { return name; }
    public String up() { return name + "Up"; }
    public String down() { return name + "Down"; }

    /** The samples it is limited to, or null for every MC sample. */
    public List<String> samples() { return samples; }

    public boolean appliesTo(String sample) { return samples == null || samples.contains(sample); }

    public void apply(Events events, CutContext ctx, boolean up) { shift.apply(events, ctx, up); }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("samples", samples == null ? "all MC" : samples);
        return m;
    }

    @Override public String toString() { return "ShapeVariation(" + name + ")"; }
}
