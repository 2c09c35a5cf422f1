package pocket.hist;

import java.util.List;
import java.util.Objects;

/** Two bins, false then true, no flow — boost-histogram's Boolean (e.g. "passes the trigger"). */
final class BooleanAxis implements HistAxis {
    private final String name;
    private final String label;

    public BooleanAxis(String name, String label) {
        this.name = Objects.requireNonNull(name, "hist: axis name");
        this.label = label == null ? name : label;
        if (name.isEmpty()) throw new IllegalArgumentException("hist: axis name must not be empty");
    }

    @Override public String name() { return name; }
    @Override public String label() { return label; }
    @Override public int size() { return 2; }
    @Override public boolean underflow() { return false; }
    @Override public boolean overflow() { return false; }
    @Override public boolean isCategory() { return true; }
    @Override public List<String> binLabels() { return List.of("false", "true"); }

    @Override public boolean equals(Object o) {
        return o instanceof BooleanAxis a && name.equals(a.name) && label.equals(a.label);
    }

    @Override public int hashCode() { return Objects.hash("boolean", name, label); }

    @Override public String toString() { return "boolean '" + name + "'"; }
}
