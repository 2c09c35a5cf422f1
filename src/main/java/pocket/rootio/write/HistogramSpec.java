package pocket.rootio.write;

import java.util.Arrays;
import java.util.List;

/**
 * One histogram to write as ROOT's TH1D (one axis) or TH2D (two axes), from primitive arrays.
 *
 * <p>Contents and sumw2 include the under- and overflow bins in ROOT's layout: index
 * {@code ix + (nx + 2) * iy}, with bin 0 the underflow and bin {@code n + 1} the overflow of each
 * axis. Immutable: the builder copies the arrays it is given and {@link #contents()} returns copies.
 * <pre>
 *   HistogramSpec h = HistogramSpec.builder("mll")
 *       .title("dimuon mass").directory("Z_peak")
 *       .x(HistogramSpec.Axis.regular(40, 70, 110).withTitle("m_{#mu#mu} [GeV]"))
 *       .contents(values).sumw2(variances).entries(1234).build();
 * </pre>
 * The statistics ROOT keeps next to the bins (fTsumw, fTsumw2, fTsumwx, fTsumwx2 and for two
 * axes fTsumwy, fTsumwy2, fTsumwxy) are computed from the in-range bins at their centres, as
 * ROOT's TH1::GetStats does for filled histograms, unless {@link Builder#stats} sets them.
 */
public final class HistogramSpec {
    private final String name;
    private final String title;
    private final String directory;
    private final Axis x;
    private final Axis y;
    private final double[] contents;
    private final double[] sumw2;
    private final double entries;
    private final double[] stats;

    private HistogramSpec(Builder b) {
        this.name = b.name;
        this.title = b.title;
        this.directory = b.directory;
        this.x = b.x;
        this.y = b.y;
        this.contents = b.contents;
        this.sumw2 = b.sumw2;
        this.entries = b.entries;
        this.stats = b.stats != null ? b.stats : computeStats();
    }

    public static Builder builder(String name) { return new Builder(name); }

    public String name() { return name; }
    public String title() { return title; }
    /** The folder inside the file, {@code ""} for the top directory, else e.g. {@code "ee/ttbar"}. */
    public String directory() { return directory; }
    /** The key path: {@code directory/name}, or the name in the top directory. */
    public String path() { return directory.isEmpty() ? name : directory + "/" + name; }
    public Axis x() { return x; }
    /** The second axis, or null for a TH1D. */
    public Axis y() { return y; }
    public int dimension() { return y == null ? 1 : 2; }
    /** TH1D or TH2D. */
    public String className() { return y == null ? "TH1D" : "TH2D"; }
    /** Number of cells with flow: (nx+2) or (nx+2)(ny+2). */
    public int cells() { return (x.nbins() + 2) * (y == null ? 1 : y.nbins() + 2); }
    public double[] contents() { return contents.clone(); }
    /** Sums of squared weights with flow, or null when the histogram has none (ROOT then takes errors from the contents). */
    public double[] sumw2() { return sumw2 == null ? null : sumw2.clone(); }
    public double entries() { return entries; }
    public double tsumw() { return stats[0]; }
    public double tsumw2() { return stats[1]; }
    public double tsumwx() { return stats[2]; }
    public double tsumwx2() { return stats[3]; }
    public double tsumwy() { return stats[4]; }
    public double tsumwy2() { return stats[5]; }
    public double tsumwxy() { return stats[6]; }

    // the streamer reads the arrays without copying them
    double[] contentsArray() { return contents; }
    double[] sumw2Array() { return sumw2; }

    private double[] computeStats() {
        double[] s = new double[7];
        int nx = x.nbins(), ny = y == null ? 1 : y.nbins();
        int first = y == null ? 0 : 1; // a TH1D's one "row" is index 0, a TH2D's rows are 1..ny
        for (int iy = first; iy < first + ny; iy++) {
            double cy = y == null ? 0 : y.center(iy);
            for (int ix = 1; ix <= nx; ix++) {
                int cell = ix + (nx + 2) * iy;
                double w = contents[cell];
                double cx = x.center(ix);
                s[0] += w;
                s[1] += sumw2 != null ? sumw2[cell] : Math.abs(w);
                s[2] += w * cx;
                s[3] += w * cx * cx;
                s[4] += w * cy;
                s[5] += w * cy * cy;
                s[6] += w * cx * cy;
            }
        }
        return s;
    }

    /** Collects the parts of a {@link HistogramSpec}; {@link #build} checks that they fit together. */
    public static final class Builder {
        private final String name;
        private String title = "";
        private String directory = "";
        private Axis x;
        private Axis y;
        private double[] contents;
        private double[] sumw2;
        private double entries = Double.NaN;
        private double[] stats;

        private Builder(String name) { this.name = name; }

        public Builder title(String t) { this.title = t == null ? "" : t; return this; }

        /** The folder for the key, {@code ""} or {@code "a"} or {@code "a/b"}; surrounding slashes are dropped. */
        public Builder directory(String d) {
            String s = d == null ? "" : d;
            while (s.startsWith("/")) s = s.substring(1);
            while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
            this.directory = s;
            return this;
        }

        public Builder x(Axis a) { this.x = a; return this; }
        public Builder y(Axis a) { this.y = a; return this; }
        /** Contents with flow bins, length {@code cells()}. */
        public Builder contents(double[] c) { this.contents = c == null ? null : c.clone(); return this; }
        /** Sums of squared weights with flow bins, length {@code cells()}; null for none. */
        public Builder sumw2(double[] s) { this.sumw2 = s == null ? null : s.clone(); return this; }
        /** ROOT's fEntries; by default the sum of all contents, flow included. */
        public Builder entries(double e) { this.entries = e; return this; }

        /** Sets ROOT's statistics instead of computing them: fTsumw, fTsumw2, fTsumwx, fTsumwx2 (TH1) then fTsumwy, fTsumwy2, fTsumwxy (TH2). */
        public Builder stats(double tsumw, double tsumw2, double tsumwx, double tsumwx2, double... yStats) {
            if (yStats.length != 0 && yStats.length != 3)
                throw new IllegalArgumentException("rootio: histogram '" + name + "': y statistics are fTsumwy, fTsumwy2, fTsumwxy (3 values), not " + yStats.length);
            double[] s = new double[7];
            s[0] = tsumw; s[1] = tsumw2; s[2] = tsumwx; s[3] = tsumwx2;
            if (yStats.length == 3) System.arraycopy(yStats, 0, s, 4, 3);
            this.stats = s;
            return this;
        }

        public HistogramSpec build() {
            if (name == null || name.isEmpty() || name.contains("/"))
                throw new IllegalArgumentException("rootio: histogram name '" + name + "' must be non-empty without '/'");
            for (String part : directory.isEmpty() ? new String[0] : directory.split("/", -1))
                if (part.isEmpty()) throw new IllegalArgumentException("rootio: histogram '" + name + "': directory '" + directory + "' has an empty part");
            if (x == null) throw new IllegalArgumentException("rootio: histogram '" + name + "' has no x axis");
            int cells = (x.nbins() + 2) * (y == null ? 1 : y.nbins() + 2);
            if (contents == null) contents = new double[cells];
            if (contents.length != cells)
                throw new IllegalArgumentException("rootio: histogram '" + name + "' has " + contents.length + " contents, its axes need "
                        + cells + " (bins plus under- and overflow" + (y == null ? ")" : " on each axis)"));
            if (sumw2 != null && sumw2.length != cells)
                throw new IllegalArgumentException("rootio: histogram '" + name + "' has " + sumw2.length + " sumw2 values, its axes need " + cells);
            if (Double.isNaN(entries)) entries = Arrays.stream(contents).sum();
            return new HistogramSpec(this);
        }
    }

    /**
     * One axis: regular (nbins from lo to hi) or variable (explicit edges), with a title and
     * optional per-bin labels (category axes; written as TAxis.fLabels).
     */
    public static final class Axis {
        private final int nbins;
        private final double lo;
        private final double hi;
        private final double[] edges;
        private final String title;
        private final List<String> labels;

        private Axis(int nbins, double lo, double hi, double[] edges, String title, List<String> labels) {
            this.nbins = nbins; this.lo = lo; this.hi = hi; this.edges = edges; this.title = title; this.labels = labels;
        }

        /** {@code nbins} equal bins from {@code lo} to {@code hi}. */
        public static Axis regular(int nbins, double lo, double hi) {
            if (nbins < 1) throw new IllegalArgumentException("rootio: an axis needs at least one bin, not " + nbins);
            if (!(lo < hi)) throw new IllegalArgumentException("rootio: axis from " + lo + " to " + hi + " is empty");
            return new Axis(nbins, lo, hi, null, "", null);
        }

        /** Bins between consecutive {@code edges}, which must increase strictly. */
        public static Axis variable(double... edges) {
            if (edges == null || edges.length < 2) throw new IllegalArgumentException("rootio: a variable axis needs at least two edges");
            for (int i = 1; i < edges.length; i++)
                if (!(edges[i] > edges[i - 1]))
                    throw new IllegalArgumentException("rootio: axis edges must increase: " + edges[i - 1] + " then " + edges[i]);
            return new Axis(edges.length - 1, edges[0], edges[edges.length - 1], edges.clone(), "", null);
        }

        /** One unit-wide bin per label from 0, as ROOT's category histograms. */
        public static Axis categories(List<String> labels) {
            return regular(labels.size(), 0, labels.size()).withLabels(labels);
        }

        public Axis withTitle(String t) { return new Axis(nbins, lo, hi, edges, t == null ? "" : t, labels); }

        /** One label per bin, in bin order. */
        public Axis withLabels(List<String> l) {
            if (l != null && l.size() != nbins)
                throw new IllegalArgumentException("rootio: " + l.size() + " labels for an axis of " + nbins + " bins");
            if (l != null) for (String s : l) if (s == null) throw new IllegalArgumentException("rootio: an axis label is null");
            return new Axis(nbins, lo, hi, edges, title, l == null ? null : List.copyOf(l));
        }

        public int nbins() { return nbins; }
        public double lo() { return lo; }
        public double hi() { return hi; }
        /** True when the bins have explicit edges (TAxis.fXbins is filled). */
        public boolean variable() { return edges != null; }
        /** The nbins+1 edges, computed for a regular axis as ROOT's TAxis::GetBinLowEdge does. */
        public double[] edges() {
            if (edges != null) return edges.clone();
            double[] e = new double[nbins + 1];
            for (int i = 0; i <= nbins; i++) e[i] = lowEdge(i + 1);
            return e;
        }
        public String title() { return title; }
        /** The labels, or null when the bins have none. */
        public List<String> labels() { return labels; }

        /** Low edge of bin {@code bin} (1-based). */
        double lowEdge(int bin) {
            if (edges != null) return edges[bin - 1];
            return lo + (bin - 1) * ((hi - lo) / nbins);
        }

        double center(int bin) {
            if (edges != null) return (edges[bin - 1] + edges[bin]) / 2;
            double w = (hi - lo) / nbins;
            return lo + (bin - 0.5) * w;
        }

        /** The edges to store in fXbins: empty for a regular axis, as ROOT stores it. */
        double[] storedEdges() { return edges == null ? new double[0] : edges; }
    }
}
