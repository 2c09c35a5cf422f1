package pocket.config;

import java.util.Arrays;
import pocket.events.Events;

/**
 * A per-event weight definition (PocketCoffea's WeightWrapper / WeightLambda): a name and a
 * function of the chunk's events giving the nominal weight and, for weights with systematic
 * variations, its Up and Down values. Built-ins: {@code genWeight}, {@code signOf_genWeight},
 * {@code lumi} (parameters {@code lumi.picobarns.<year>.tot}) and {@code XS} (metadata {@code xsec}).
 */
public record Weight(String name, boolean hasVariations, Function function) {
    @FunctionalInterface
    public interface Function {
        WeightData compute(Events events, CutContext ctx);
    }

    @FunctionalInterface
    public interface NominalFunction {
        double[] compute(Events events, CutContext ctx);
    }

    public Weight {
        if (name == null || name.isBlank()) throw new ConfigException("a Weight needs a name");
        if (name.endsWith("Up") || name.endsWith("Down") || name.equals("nominal"))
            throw new ConfigException("weight name '" + name + "' would clash with the variation names (nominal, <weight>Up, <weight>Down)");
    }

    /** A weight without variations. */
    public static Weight of(String name, NominalFunction f) {
        return new Weight(name, false, (ev, ctx) -> WeightData.nominal(name, f.compute(ev, ctx)));
    }

    /** A weight whose function returns nominal, Up and Down values. */
    public static Weight withVariations(String name, Function f) { return new Weight(name, true, f); }

    public static final Weight genWeight = Weight.of("genWeight", (ev, ctx) -> ev.get("genWeight"));

    public static final Weight signOf_genWeight = Weight.of("signOf_genWeight", (ev, ctx) -> {
        double[] w = ev.get("genWeight");
        for (int i = 0; i < w.length; i++) w[i] = Math.signum(w[i]);
        return w;
    });

    public static final Weight lumi = Weight.of("lumi", (ev, ctx) -> filled(ev.size(), ctx.parameters().getDouble("lumi.picobarns." + ctx.year() + ".tot")));

    public static final Weight XS = Weight.of("XS", (ev, ctx) -> {
        String xs = ctx.metadata().get("xsec");
        if (xs == null) throw new ConfigException("weight XS: dataset '" + ctx.dataset() + "' has no metadata key 'xsec'");
        try { return filled(ev.size(), Double.parseDouble(xs)); }
        catch (NumberFormatException e) { throw new ConfigException("weight XS: dataset '" + ctx.dataset() + "' has xsec '" + xs + "', not a number"); }
    });

    static double[] filled(int n, double v) { double[] a = new double[n]; Arrays.fill(a, v); return a; }

    /** Computes the weight for a chunk, checking its shape. */
    public WeightData compute(Events events, CutContext ctx) {
        WeightData d = function.compute(events, ctx);
        if (d == null || d.nominal().length != events.size())
            throw new ConfigException("weight '" + name + "' returned " + (d == null ? "null" : d.nominal().length + " values") + " for " + events.size() + " events");
        if (hasVariations && !d.hasVariations())
            throw new ConfigException("weight '" + name + "' is declared with variations but returned no Up/Down");
        return d;
    }
}
