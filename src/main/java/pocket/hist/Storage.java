package pocket.hist;

/** Bin contents of one storage type over a flat row-major layout; the fill, add and scale arithmetic. */
final class Storage {
    final StorageType type;
    final double[] values;    // DOUBLE and WEIGHT: Σw
    final double[] variances; // WEIGHT: Σw²
    final long[] counts;      // INT

    private Storage(StorageType type, double[] values, double[] variances, long[] counts) {
        this.type = type; this.values = values; this.variances = variances; this.counts = counts;
    }

    static Storage zeros(StorageType type, int size) {
        return switch (type) {
            case INT -> new Storage(type, null, null, new long[size]);
            case DOUBLE -> new Storage(type, new double[size], null, null);
            case WEIGHT -> new Storage(type, new double[size], new double[size], null);
        };
    }

    static Storage ofInt(long[] counts) { return new Storage(StorageType.INT, null, null, counts); }
    static Storage ofDouble(double[] values) { return new Storage(StorageType.DOUBLE, values, null, null); }
    static Storage ofWeight(double[] values, double[] variances) { return new Storage(StorageType.WEIGHT, values, variances, null); }

    int size() { return counts != null ? counts.length : values.length; }

    /** Adds the entries of one block; returns how many were NaN. w may be null (unit weights). */
    long fill(int[] flat, int n, double[] w, int woff) {
        long nan = 0;
        switch (type) {
            case INT -> {
                long[] c = counts;
                for (int i = 0; i < n; i++) {
                    int f = flat[i];
                    if (f >= 0) c[f]++; else if (f == Slots.NAN) nan++;
                }
            }
            case DOUBLE -> {
                double[] v = values;
                if (w == null) {
                    for (int i = 0; i < n; i++) {
                        int f = flat[i];
                        if (f >= 0) v[f] += 1; else if (f == Slots.NAN) nan++;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        int f = flat[i];
                        if (f >= 0) v[f] += w[woff + i]; else if (f == Slots.NAN) nan++;
                    }
                }
            }
            case WEIGHT -> {
                double[] v = values, v2 = variances;
                if (w == null) {
                    for (int i = 0; i < n; i++) {
                        int f = flat[i];
                        if (f >= 0) { v[f] += 1; v2[f] += 1; } else if (f == Slots.NAN) nan++;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        int f = flat[i];
                        if (f >= 0) { double x = w[woff + i]; v[f] += x; v2[f] += x * x; } else if (f == Slots.NAN) nan++;
                    }
                }
            }
        }
        return nan;
    }

    /** Contents moved (and summed where several source bins meet) into a layout of {@code size} bins. */
    Storage remap(Remap r, int size) {
        Storage out = zeros(type, size);
        addRemapped(r, out);
        return out;
    }

    void addRemapped(Remap r, Storage into) {
        if (counts != null) r.addInto(counts, into.counts);
        if (values != null) r.addInto(values, into.values);
        if (variances != null) r.addInto(variances, into.variances);
    }

    double[] valuesAsDouble() {
        if (values != null) return values.clone();
        double[] out = new double[counts.length];
        for (int i = 0; i < out.length; i++) out[i] = counts[i];
        return out;
    }

    /** Σw² for weight storage; the values otherwise (Poisson: unweighted counts). */
    double[] variancesAsDouble() {
        return variances != null ? variances.clone() : valuesAsDouble();
    }

    /** Values times f, variances times f²; int and double storage become weight storage (Poisson variances). */
    Storage scaled(double f) {
        double[] v = valuesAsDouble();
        double[] v2 = variancesAsDouble();
        for (int i = 0; i < v.length; i++) { v[i] *= f; v2[i] *= f * f; }
        return ofWeight(v, v2);
    }

    Storage copy() {
        return new Storage(type, values == null ? null : values.clone(),
                variances == null ? null : variances.clone(), counts == null ? null : counts.clone());
    }

    boolean sameContents(Storage o) {
        return type == o.type && java.util.Arrays.equals(values, o.values)
                && java.util.Arrays.equals(variances, o.variances) && java.util.Arrays.equals(counts, o.counts);
    }

    int contentsHash() {
        return java.util.Objects.hash(type, java.util.Arrays.hashCode(values),
                java.util.Arrays.hashCode(variances), java.util.Arrays.hashCode(counts));
    }
}
