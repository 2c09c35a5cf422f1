package pocket.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sum of one column over the selected events of each dataset and category, an output of the
 * config ({@code column_sums}); unweighted by default, {@link #weighted()} for Σ w·x with the
 * category's nominal event weight (weight 1 on data). Immutable.
 */
public final class ColumnSum {
    private final String column, name;
    private final boolean weighted;

    private ColumnSum(String column, String name, boolean weighted) {
        ColumnRef.check(column, "ColumnSum");
        if (name == null || name.isBlank()) throw new ConfigException("ColumnSum(" + column + "): named(...) needs a name");
        this.column = column; this.name = name; this.weighted = weighted;
    }

    /**
     * The sum of a column: {@code "MET.pt"} or {@code "PV.npvs"} (the NanoAOD branch {@code MET_pt},
     * one value per event), {@code "MuonGood.pt"} (every object of a collection), or a column the
     * workflow put, e.g. {@code "mll"}.
     */
    public static ColumnSum of(String column) { return new ColumnSum(column, column, false); }

    /** Σ w·x with the category's nominal event weight (normalised like sumw on MC; weight 1 on data). */
    public ColumnSum weighted() { return new ColumnSum(column, name.equals(column) ? column + ":weighted" : name, true); }

    /** The key in the output, for two sums of one column (default: the column, {@code <column>:weighted} when weighted). */
    public ColumnSum named(String outputName) { return new ColumnSum(column, outputName, weighted); }

    public String column() { return column; }
    public String name() { return name; }
    public boolean isWeighted() { return weighted; }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("column", column);
        m.put("weighted", weighted);
        return m;
    }
}
