package pocket.plot;

import java.util.Arrays;

/** Coarser bins from finer ones: which old bins each new bin sums, refused unless the new edges are old edges. */
final class Rebin {
    private Rebin() {}

    /** For each old bin, the index of the new bin it falls in; an edge that is not an old edge is refused, naming the valid ones. */
    static int[] groups(double[] old, double[] edges, String variable) {
        if (edges.length < 2) throw new IllegalArgumentException("plot: rebin of '" + variable + "' needs at least two edges, got " + Arrays.toString(edges));
        for (int i = 1; i < edges.length; i++)
            if (!(edges[i] > edges[i - 1]))
                throw new IllegalArgumentException("plot: rebin edges of '" + variable + "' must increase, got " + Arrays.toString(edges));
        int[] at = new int[edges.length];
        for (int i = 0; i < edges.length; i++) {
            at[i] = indexOf(old, edges[i]);
            if (at[i] < 0)
                throw new IllegalArgumentException("plot: rebin edge " + Labels.number(edges[i]) + " of '" + variable
                        + "' is not an edge of the histogram; the new edges must be chosen from " + list(old));
        }
        int[] g = new int[old.length - 1];
        Arrays.fill(g, -1);   // bins outside the new range are dropped
        for (int j = 0; j + 1 < edges.length; j++)
            for (int k = at[j]; k < at[j + 1]; k++) g[k] = j;
        return g;
    }

    /** Edges merging every {@code factor} bins (the last bins dropped when they do not fill a group). */
    static double[] merge(double[] old, int factor, String variable) {
        if (factor < 1) throw new IllegalArgumentException("plot: rebin factor of '" + variable + "' must be at least 1, got " + factor);
        int n = (old.length - 1) / factor;
        if (n < 1) throw new IllegalArgumentException("plot: rebin factor " + factor + " of '" + variable + "' exceeds its " + (old.length - 1) + " bins");
        double[] e = new double[n + 1];
        for (int j = 0; j <= n; j++) e[j] = old[j * factor];
        return e;
    }

    /** The per-bin values summed into the new bins (unchanged without groups). */
    static double[] sum(double[] v, int[] groups) {
        if (groups == null) return v;
        int n = Arrays.stream(groups).max().orElse(-1) + 1;
        double[] out = new double[n];
        for (int k = 0; k < groups.length; k++) if (groups[k] >= 0) out[groups[k]] += v[k];
        return out;
    }

    private static int indexOf(double[] old, double x) {
        double tol = 1e-9 * Math.max(1, Math.abs(old[old.length - 1] - old[0]));
        for (int i = 0; i < old.length; i++) if (Math.abs(old[i] - x) <= tol) return i;
        return -1;
    }

    private static String list(double[] old) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < old.length; i++) {
            if (i > 0) sb.append(", ");
            if (old.length > 24 && i == 10) { sb.append("..., "); i = old.length - 10; }
            sb.append(Labels.number(old[i]));
        }
        return sb.append("]").toString();
    }
}
