package pocket.hist;

import java.util.Arrays;

/** Bins with given edges (ascending), lower edge of each bin inclusive — boost-histogram's Variable. */
final class VariableAxis extends ContinuousAxis implements HistAxis {
    private final double[] edges;
    private final int uf;

    public VariableAxis(double[] edges, String name, String label) {
        this(edges, name, label, true, true);
    }

    public VariableAxis(double[] edges, String name, String label, boolean underflow, boolean overflow) {
        super(name, label, underflow, overflow);
        if (edges == null || edges.length < 2)
            throw new IllegalArgumentException("hist: axis '" + name + "' needs at least 2 edges");
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]))
                throw new IllegalArgumentException("hist: axis '" + name + "' edge " + i + " is not finite: " + edges[i]);
            if (i > 0 && !(edges[i] > edges[i - 1]))
                throw new IllegalArgumentException("hist: axis '" + name + "' edges must increase strictly, but edge "
                        + i + " = " + edges[i] + " follows " + edges[i - 1]);
        }
        this.edges = edges.clone();
        this.uf = underflow ? 1 : 0;
    }

    @Override public int size() { return edges.length - 1; }
    @Override public double[] edges() { return edges.clone(); }

    @Override int slot(double x) {
        double[] e = edges;
        if (x >= e[0] && x < e[e.length - 1]) return bin(e, x) + uf;
        if (x >= e[e.length - 1]) return above();
        if (x < e[0]) return below();
        return Slots.NAN;
    }

    /** Largest k with e[k] <= x, for x inside the axis; the halving step has no data-dependent branch. */
    private static int bin(double[] e, double x) {
        int lo = 0, len = e.length - 1; // answer in [lo, lo+len)
        while (len > 1) {
            int half = len >>> 1;
            lo = e[lo + half] <= x ? lo + half : lo;
            len -= half;
        }
        return lo;
    }

    @Override void slots(double[] x, int off, int n, int[] flat, int stride) {
        final double[] e = edges;
        final double lo = e[0], hi = e[e.length - 1];
        final int u = uf;
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            int s;
            if (v >= lo && v < hi) s = bin(e, v) + u;
            else if (v >= hi) s = above();
            else if (v < lo) s = below();
            else s = Slots.NAN;
            int f = flat[i];
            flat[i] = (f >= 0 && s >= 0) ? f + s * stride : Slots.combine(f, s, stride);
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof VariableAxis a && sameCommon(a) && Arrays.equals(edges, a.edges);
    }

    @Override public int hashCode() { return hashCommon() * 31 + Arrays.hashCode(edges); }

    @Override public String toString() { return "variable '" + name + "' edges " + Arrays.toString(edges) + flowText(); }
}
