package pocket.hist;

/**
 * Moves bin contents from one axis layout to another: each source axis slot maps to a target slot
 * (or -1 to leave it out), and target strides place it. Growth, union before an add, dropping flow
 * bins, select and project are all this one routine with different maps.
 */
final class Remap {
    private final int[] srcExtents;
    private final int[][] map;
    private final int[] dstStride;

    Remap(int[] srcExtents, int[][] map, int[] dstStride) {
        this.srcExtents = srcExtents;
        this.map = map;
        this.dstStride = dstStride;
    }

    /** Row-major strides (first axis slowest) for these extents. */
    static int[] strides(int[] extents) {
        int[] s = new int[extents.length];
        int k = 1;
        for (int a = extents.length - 1; a >= 0; a--) { s[a] = k; k *= extents[a]; }
        return s;
    }

    static int total(int[] extents) {
        long k = 1;
        for (int e : extents) k *= e;
        if (k > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("hist: too many bins: " + k);
        return (int) k;
    }

    static int[] identity(int n) {
        int[] m = new int[n];
        for (int i = 0; i < n; i++) m[i] = i;
        return m;
    }

    /** Target flat index of each source flat index, or -1. */
    int[] targets() {
        int r = srcExtents.length;
        int n = total(srcExtents);
        int[] out = new int[n];
        int[] c = new int[r];
        for (int s = 0; s < n; s++) {
            int d = 0;
            for (int a = 0; a < r; a++) {
                int m = map[a][c[a]];
                if (m < 0) { d = -1; break; }
                d += m * dstStride[a];
            }
            out[s] = d;
            for (int a = r - 1; a >= 0; a--) {
                if (++c[a] < srcExtents[a]) break;
                c[a] = 0;
            }
        }
        return out;
    }

    void addInto(double[] src, double[] dst) {
        int[] t = targets();
        for (int s = 0; s < t.length; s++) if (t[s] >= 0) dst[t[s]] += src[s];
    }

    void addInto(long[] src, long[] dst) {
        int[] t = targets();
        for (int s = 0; s < t.length; s++) if (t[s] >= 0) dst[t[s]] += src[s];
    }
}
