package pocket.hist;

/** Evenly spaced bins on [lower, upper) — boost-histogram's Regular, ROOT's TAxis with fixed bins. */
public final class RegularAxis extends ContinuousAxis implements HistAxis {
    private final int bins;
    private final double lower;
    private final double upper;
    private final int uf;

    public RegularAxis(int bins, double lower, double upper, String name, String label) {
        this(bins, lower, upper, name, label, true, true);
    }

    public RegularAxis(int bins, double lower, double upper, String name, String label, boolean underflow, boolean overflow) {
        super(name, label, underflow, overflow);
        if (bins <= 0) throw new IllegalArgumentException("hist: axis '" + name + "' needs bins > 0, got " + bins);
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper))
            throw new IllegalArgumentException("hist: axis '" + name + "' needs finite lower < upper, got [" + lower + ", " + upper + ")");
        this.bins = bins;
        this.lower = lower;
        this.upper = upper;
        this.uf = underflow ? 1 : 0;
    }

    public double lower() { return lower; }
    public double upper() { return upper; }
    @Override public int size() { return bins; }

    @Override public double[] edges() {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) e[i] = lower + (upper - lower) * i / bins;
        e[bins] = upper;
        return e;
    }

    // ROOT's TAxis::FindFixBin: bin = int(nbins*(x-xmin)/(xmax-xmin)), lower edge inclusive.
    @Override int slot(double x) {
        if (x >= lower && x < upper) {
            int b = (int) (bins * (x - lower) / (upper - lower));
            return (b >= bins ? bins - 1 : b) + uf;
        }
        if (x >= upper) return above();
        if (x < lower) return below();
        return Slots.NAN;
    }

    @Override void slots(double[] x, int off, int n, int[] flat, int stride) {
        final double lo = lower, hi = upper, width = upper - lower;
        final int nb = bins, u = uf;
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            int s;
            if (v >= lo && v < hi) {
                int b = (int) (nb * (v - lo) / width);
                s = (b >= nb ? nb - 1 : b) + u;
            } else if (v >= hi) s = above();
            else if (v < lo) s = below();
            else s = Slots.NAN;
            int f = flat[i];
            flat[i] = (f >= 0 && s >= 0) ? f + s * stride : Slots.combine(f, s, stride);
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof RegularAxis a && sameCommon(a) && bins == a.bins
                && Double.compare(lower, a.lower) == 0 && Double.compare(upper, a.upper) == 0;
    }

    @Override public int hashCode() { return hashCommon() * 31 + java.util.Objects.hash(bins, lower, upper); }

    @Override public String toString() {
        return "regular '" + name + "' " + bins + " bins [" + Slots.num(lower) + ", " + Slots.num(upper) + ")" + flowText();
    }
}
