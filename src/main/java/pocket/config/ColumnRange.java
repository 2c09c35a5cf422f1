package pocket.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The smallest and largest value of one column over the selected events of each dataset and
 * category, an output of the config ({@code column_ranges}); never weighted. Immutable.
 */
public final class ColumnRange {
    private final String column, name;

    private ColumnRange(String column, String name) {
        ColumnRef.check(column, "ColumnRange");
        if (name == null || name.isBlank()) throw new ConfigException("ColumnRange(" + column + "): named(...) needs a name");
        this.column = column; this.name = name;
    }

    /** The range of a column, named as in {@link ColumnSum#of}: {@code "PV.npvs"}, {@code "Muon.pt"}, {@code "mll"}. */
    public static ColumnRange of(String column) { return new ColumnRange(column, column); }

    /** The key in the output (default: the column). */
    public ColumnRange named(String outputName) { return new ColumnRange(column, outputName); }

    public String column() { return column; }
    public String name() { return name; }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("column", column);
        return m;
    }
}
