package pocket.events;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A per-object quantity: event i holds {@code values[offsets[i] .. offsets[i+1])}.
 * NanoAOD fields of any leaf type are held as doubles (floats and 32-bit integers widen
 * exactly), so one code path serves pt, charge and jetId alike. Immutable by convention:
 * operations return new arrays.
 */
public final class Jagged {
    public final int[] offsets;
    public final double[] values;

    public Jagged(int[] offsets, double[] values) {
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != values.length)
            throw new IllegalArgumentException("jagged: offsets must start at 0 and end at values.length (" + values.length + ")");
        this.offsets = offsets;
        this.values = values;
    }

    /** Number of events. */
    public int size() { return offsets.length - 1; }

    /** Number of values (objects) in all events. */
    public int total() { return values.length; }

    public int[] counts() { return Jagged.counts(offsets); }

    static int[] counts(int[] offsets) {
        int[] c = new int[offsets.length - 1];
        for (int i = 0; i < c.length; i++) c[i] = offsets[i + 1] - offsets[i];
        return c;
    }

    /** The value of the n-th object (0 = leading) of each event; NaN where the event has fewer objects. */
    public double[] nth(int n) { return nth(n, Double.NaN); }

    public double[] nth(int n, double missing) {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            int k = offsets[i] + n;
            out[i] = k < offsets[i + 1] ? values[k] : missing;
        }
        return out;
    }

    public double[] sum() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) s += values[k];
            out[i] = s;
        }
        return out;
    }

    /** Largest value per event; NaN for events without objects. */
    public double[] max() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            double m = Double.NaN;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) if (!(values[k] <= m)) m = values[k];
            out[i] = m;
        }
        return out;
    }

    /** Smallest value per event; NaN for events without objects. */
    public double[] min() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            double m = Double.NaN;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) if (!(values[k] >= m)) m = values[k];
            out[i] = m;
        }
        return out;
    }

    public Jagged map(DoubleUnaryOperator f) {
        double[] v = new double[values.length];
        for (int k = 0; k < v.length; k++) v[k] = f.applyAsDouble(values[k]);
        return new Jagged(offsets, v);
    }

    public Jagged abs() {
        double[] v = new double[values.length];
        for (int k = 0; k < v.length; k++) v[k] = Math.abs(values[k]);
        return new Jagged(offsets, v);
    }

    public Jagged plus(Jagged o) { same(o); double[] v = values.clone(); for (int k = 0; k < v.length; k++) v[k] += o.values[k]; return new Jagged(offsets, v); }
    public Jagged minus(Jagged o) { same(o); double[] v = values.clone(); for (int k = 0; k < v.length; k++) v[k] -= o.values[k]; return new Jagged(offsets, v); }
    public Jagged times(Jagged o) { same(o); double[] v = values.clone(); for (int k = 0; k < v.length; k++) v[k] *= o.values[k]; return new Jagged(offsets, v); }
    public Jagged times(double f) { double[] v = values.clone(); for (int k = 0; k < v.length; k++) v[k] *= f; return new Jagged(offsets, v); }

    public JaggedMask gt(double x) { boolean[] m = new boolean[values.length]; for (int k = 0; k < m.length; k++) m[k] = values[k] > x; return new JaggedMask(offsets, m); }
    public JaggedMask ge(double x) { boolean[] m = new boolean[values.length]; for (int k = 0; k < m.length; k++) m[k] = values[k] >= x; return new JaggedMask(offsets, m); }
    public JaggedMask lt(double x) { boolean[] m = new boolean[values.length]; for (int k = 0; k < m.length; k++) m[k] = values[k] < x; return new JaggedMask(offsets, m); }
    public JaggedMask le(double x) { boolean[] m = new boolean[values.length]; for (int k = 0; k < m.length; k++) m[k] = values[k] <= x; return new JaggedMask(offsets, m); }
    public JaggedMask eq(double x) { boolean[] m = new boolean[values.length]; for (int k = 0; k < m.length; k++) m[k] = values[k] == x; return new JaggedMask(offsets, m); }
    public JaggedMask ne(double x) { boolean[] m = new boolean[values.length]; for (int k = 0; k < m.length; k++) m[k] = values[k] != x; return new JaggedMask(offsets, m); }

    /** Per-event values repeated for each object, e.g. an event weight for every jet. */
    public static double[] broadcast(double[] perEvent, int[] offsets) {
        double[] out = new double[offsets[offsets.length - 1]];
        for (int i = 0; i < perEvent.length; i++) Arrays.fill(out, offsets[i], offsets[i + 1], perEvent[i]);
        return out;
    }

    private void same(Jagged o) {
        if (o.values.length != values.length || o.offsets.length != offsets.length)
            throw new IllegalArgumentException("jagged: arrays of different structure (" + size() + " events/" + total()
                    + " objects vs " + o.size() + "/" + o.total() + ")");
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < Math.min(size(), 5); i++) {
            if (i > 0) b.append(", ");
            b.append(Arrays.toString(Arrays.copyOfRange(values, offsets[i], offsets[i + 1])));
        }
        return b.append(size() > 5 ? ", ... (" + size() + " events)]" : "]").toString();
    }
}
