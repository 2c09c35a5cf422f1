package pocket.config;

import java.util.Map;

/**
 * What a cut or weight function may know besides the events: its own parameters, the
 * analysis parameters, and the chunk's dataset metadata (year, sample, isMC ...).
 */
public record CutContext(Map<String, Object> params, Parameters parameters, String dataset, String sample,
                         String year, boolean isMC, Map<String, String> metadata) {
    public CutContext {
        params = params == null ? Map.of() : Map.copyOf(params);
        metadata = Map.copyOf(metadata);
    }

    public CutContext withParams(Map<String, Object> p) { return new CutContext(p, parameters, dataset, sample, year, isMC, metadata); }

    /** A parameter of the cut, as a number. */
    public double param(String key) {
        Object v = params.get(key);
        if (v == null) throw new ConfigException("cut parameter '" + key + "' not set; set: " + params.keySet());
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    }
}
