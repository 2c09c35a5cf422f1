package pocket.events;

/** Per-event boolean masks combined the way cut functions need (PackedSelection's all/any). */
public final class Masks {
    private Masks() {}

    public static boolean[] all(int n) { boolean[] m = new boolean[n]; java.util.Arrays.fill(m, true); return m; }

    public static boolean[] and(boolean[] a, boolean[] b) { check(a, b); boolean[] m = new boolean[a.length]; for (int i = 0; i < m.length; i++) m[i] = a[i] && b[i]; return m; }
    public static boolean[] or(boolean[] a, boolean[] b) { check(a, b); boolean[] m = new boolean[a.length]; for (int i = 0; i < m.length; i++) m[i] = a[i] || b[i]; return m; }
    public static boolean[] not(boolean[] a) { boolean[] m = new boolean[a.length]; for (int i = 0; i < m.length; i++) m[i] = !a[i]; return m; }

    public static boolean[] gt(double[] v, double x) { boolean[] m = new boolean[v.length]; for (int i = 0; i < m.length; i++) m[i] = v[i] > x; return m; }
    public static boolean[] ge(double[] v, double x) { boolean[] m = new boolean[v.length]; for (int i = 0; i < m.length; i++) m[i] = v[i] >= x; return m; }
    public static boolean[] lt(double[] v, double x) { boolean[] m = new boolean[v.length]; for (int i = 0; i < m.length; i++) m[i] = v[i] < x; return m; }
    public static boolean[] le(double[] v, double x) { boolean[] m = new boolean[v.length]; for (int i = 0; i < m.length; i++) m[i] = v[i] <= x; return m; }
    /** lo < v < hi (false for NaN): a window cut such as 60 < m_ll < 120. */
    public static boolean[] between(double[] v, double lo, double hi) { boolean[] m = new boolean[v.length]; for (int i = 0; i < m.length; i++) m[i] = v[i] > lo && v[i] < hi; return m; }
    public static boolean[] ge(int[] v, int x) { boolean[] m = new boolean[v.length]; for (int i = 0; i < m.length; i++) m[i] = v[i] >= x; return m; }
    public static boolean[] eq(int[] v, int x) { boolean[] m = new boolean[v.length]; for (int i = 0; i < m.length; i++) m[i] = v[i] == x; return m; }
    public static boolean[] le(int[] v, int x) { boolean[] m = new boolean[v.length]; for (int i = 0; i < m.length; i++) m[i] = v[i] <= x; return m; }

    public static int count(boolean[] m) { int n = 0; for (boolean b : m) if (b) n++; return n; }

    private static void check(boolean[] a, boolean[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("masks of different lengths: " + a.length + " and " + b.length);
    }
}
