package pocket.hist;

/** One bin per integer in [lower, upper) — boost-histogram's Integer (e.g. jet multiplicity). */
final class IntegerAxis extends ContinuousAxis implements HistAxis {
    private final int lower;
    private final int upper;
    private final int uf;

    public IntegerAxis(int lower, int upper, String name, String label) {
        this(lower, upper, name, label, true, true);
    }

    public IntegerAxis(int lower, int upper, String name, String label, boolean underflow, boolean overflow) {
        super(name, label, underflow, overflow);
        if (!(lower < upper))
            throw new IllegalArgumentException("hist: integer axis '" + name + "' needs lower < upper, got [" + lower + ", " + upper + ")");
        this.lower = lower;
        this.upper = upper;
        this.uf = underflow ? 1 : 0;
    }

    public int lower() { return lower; }
    public int upper() { return upper; }
    @Override public int size() { return upper - lower; }
    @Override public boolean isInteger() { return true; }

    @Override public double[] edges() {
        double[] e = new double[size() + 1];
        for (int i = 0; i < e.length; i++) e[i] = lower + i;
        return e;
    }

    @Override int slot(double x) {
        if (x >= lower && x < upper) return (int) (x - lower) + uf;
        if (x >= upper) return above();
        if (x < lower) return below();
        return Slots.NAN;
    }

    @Override void slots(double[] x, int off, int n, int[] flat, int stride) {
        final double lo = lower, hi = upper;
        final int u = uf;
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            int s;
            if (v >= lo && v < hi) s = (int) (v - lo) + u;
            else if (v >= hi) s = above();
            else if (v < lo) s = below();
            else s = Slots.NAN;
            int f = flat[i];
            flat[i] = (f >= 0 && s >= 0) ? f + s * stride : Slots.combine(f, s, stride);
        }
    }

    @Override public java.util.List<String> binLabels() {
        java.util.List<String> out = new java.util.ArrayList<>(size());
        for (int i = lower; i < upper; i++) out.add(Integer.toString(i));
        return out;
    }

    @Override public boolean equals(Object o) {
        return o instanceof IntegerAxis a && sameCommon(a) && lower == a.lower && upper == a.upper;
    }

    @Override public int hashCode() { return hashCommon() * 31 + java.util.Objects.hash(lower, upper); }

    @Override public String toString() { return "integer '" + name + "' [" + lower + ", " + upper + ")" + flowText(); }
}
