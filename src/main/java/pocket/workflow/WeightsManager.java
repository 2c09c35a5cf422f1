package pocket.workflow;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pocket.config.ConfigException;
import pocket.config.CutContext;
import pocket.config.WeightData;
import pocket.config.WeightsConfig;
import pocket.events.Events;

/**
 * The weights of one chunk (PocketCoffea's WeightsManager): each weight the sample uses is
 * computed once on the preselected events, then the per-category product is formed for the
 * nominal or for one weight's Up/Down. Data events weigh 1 and have only "nominal".
 */
public final class WeightsManager {
    private final WeightsConfig config;
    private final String sample;
    private final boolean isMC;
    private final int size;
    private final Map<String, WeightData> computed = new LinkedHashMap<>();
    private final List<String> variations;

    public WeightsManager(WeightsConfig config, List<String> categories, Events events, CutContext ctx) {
        this.config = config; this.sample = ctx.sample(); this.isMC = ctx.isMC(); this.size = events.size();
        this.variations = isMC ? config.variationNames(sample) : List.of("nominal");
        if (!isMC) return;
        Set<String> needed = new LinkedHashSet<>();
        for (String c : categories) needed.addAll(config.weightsFor(sample, c));
        for (String w : needed) computed.put(w, config.definition(w).compute(events, ctx));
    }

    /** Extra weight computed by a workflow (compute_weights_extra): it joins every category's product. */
    public void add(WeightData extra) {
        if (!isMC) return;
        if (extra.nominal().length != size) throw new ConfigException("weight '" + extra.name() + "' has " + extra.nominal().length + " values for " + size + " events");
        computed.put(extra.name(), extra);
        extras.add(extra.name());
    }

    private final Set<String> extras = new LinkedHashSet<>();

    /** nominal, then {@code <weight>Up}/{@code <weight>Down} for each varied weight (MC). */
    public List<String> variations() { return variations; }

    public double[] weight(String category) { return weight(category, "nominal"); }

    /** The product of the category's weights, with one weight shifted for a variation. */
    public double[] weight(String category, String variation) {
        double[] w = new double[size];
        Arrays.fill(w, 1.0);
        if (!isMC) return w;
        String varied = null;
        boolean up = false;
        if (!variation.equals("nominal")) {
            if (!variations.contains(variation))
                throw new ConfigException("weights: variation '" + variation + "' not configured for sample " + sample + "; available: " + variations);
            up = variation.endsWith("Up");
            varied = variation.substring(0, variation.length() - (up ? 2 : 4));
        }
        Set<String> names = new LinkedHashSet<>(config.weightsFor(sample, category));
        names.addAll(extras);
        for (String n : names) {
            WeightData d = computed.get(n);
            double[] f = d.nominal();
            if (n.equals(varied)) f = up ? d.up() : d.down();
            for (int i = 0; i < size; i++) w[i] *= f[i];
        }
        return w;
    }
}
