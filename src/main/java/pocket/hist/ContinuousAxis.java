package pocket.hist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What regular, variable and integer axes share: a name, a label, flow options and value-to-slot mapping. */
abstract sealed class ContinuousAxis permits RegularAxis, VariableAxis, IntegerAxis {
    final String name;
    final String label;
    final boolean underflow;
    final boolean overflow;

    ContinuousAxis(String name, String label, boolean underflow, boolean overflow) {
        this.name = Objects.requireNonNull(name, "hist: axis name");
        this.label = label == null ? name : label;
        this.underflow = underflow;
        this.overflow = overflow;
        if (name.isEmpty()) throw new IllegalArgumentException("hist: axis name must not be empty");
    }

    public String name() { return name; }
    public String label() { return label; }
    public boolean underflow() { return underflow; }
    public boolean overflow() { return overflow; }

    public abstract int size();
    public abstract double[] edges();

    /** Slot (bin index counted with flow) of x, or {@link Slots#DROP} / {@link Slots#NAN}. */
    abstract int slot(double x);

    /** Folds the slots of {@code x[off..off+n)} into {@code flat[0..n)}; each axis keeps its own loop so it inlines. */
    abstract void slots(double[] x, int off, int n, int[] flat, int stride);

    /** Slot for a value below the axis. */
    final int below() { return underflow ? 0 : Slots.DROP; }

    /** Slot for a value at or above the upper edge. */
    final int above() { return overflow ? size() + (underflow ? 1 : 0) : Slots.DROP; }

    public List<String> binLabels() {
        double[] e = edges();
        List<String> out = new ArrayList<>(e.length - 1);
        for (int i = 0; i + 1 < e.length; i++) out.add("[" + Slots.num(e[i]) + ", " + Slots.num(e[i + 1]) + ")");
        return out;
    }

    /** The bin (flow excluded: -1 under, size over) a value falls in, for callers outside the fill loop. */
    public int index(double x) {
        int s = slot(x);
        if (s == Slots.NAN) throw new IllegalArgumentException("hist: NaN has no bin on axis '" + name + "'");
        if (s == Slots.DROP) return x < edges()[0] ? -1 : size();
        return s - (underflow ? 1 : 0);
    }

    boolean sameCommon(ContinuousAxis o) {
        return name.equals(o.name) && label.equals(o.label) && underflow == o.underflow && overflow == o.overflow;
    }

    int hashCommon() { return Objects.hash(name, label, underflow, overflow); }

    String flowText() {
        return (underflow ? "" : ", no underflow") + (overflow ? "" : ", no overflow");
    }
}
