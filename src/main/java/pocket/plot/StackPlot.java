package pocket.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import pocket.hist.HistAxis;
import pocket.hist.Hist;

/**
 * The CMS data/MC plot of one variable: MC stacked by sample with its uncertainty as a grey band
 * (statistical, √Σw² of the stack, and, when systematic variations are given, each one's shift of
 * the total added in quadrature, up and down apart), data as points with Poisson error bars, a
 * data/MC ratio panel below (with the band around 1), the CMS and luminosity labels above; drawn
 * with XChart.
 * <pre>
 * Plot p = StackPlot.builder().mc("DYJetsToLL", dy).mc("TTTo2L2Nu", tt).data(data)
 *     .lumi(59.7).energy(13).logY(true).build();
 * </pre>
 */
public final class StackPlot {
    private StackPlot() {}

    public static Builder builder() { return new Builder(); }

    /**
     * The uncertainty of the MC total per bin, {above, below}: the statistical variance plus, for
     * each systematic (its {up, down} totals), the larger upward and the larger downward shift
     * from nominal, squared; a systematic moving both ways one side counts once, on that side.
     */
    static double[][] uncertainty(double[] nominal, double[] statVariance, List<double[][]> variationTotals) {
        int n = nominal.length;
        double[] above = statVariance.clone(), below = statVariance.clone();
        for (double[][] t : variationTotals)
            for (int k = 0; k < n; k++) {
                double du = t[0][k] - nominal[k], dd = t[1][k] - nominal[k];
                double plus = Math.max(0, Math.max(du, dd)), minus = Math.max(0, Math.max(-du, -dd));
                above[k] += plus * plus;
                below[k] += minus * minus;
            }
        for (int k = 0; k < n; k++) { above[k] = Math.sqrt(above[k]); below[k] = Math.sqrt(below[k]); }
        return new double[][]{above, below};
    }

    /** Fluent, defaulted settings; {@link #build} draws. Each setter returns this builder. */
    public static final class Builder {
        private final Map<String, Hist> mc = new LinkedHashMap<>();
        /** sample → systematic → {up, down}. */
        private final Map<String, Map<String, Hist[]>> variations = new LinkedHashMap<>();
        private Hist data;
        private String dataLabel = "Data";
        private String name, title, xLabel, yLabel;
        private String cmsExtra = "Preliminary";
        private double lumi = -1, energy = 13;
        private boolean logY;
        private Boolean ratio;
        private double ratioLo = 0.5, ratioHi = 1.5;
        private int width = 800, height = -1;
        private List<Color> colors;
        private final Map<String, Color> sampleColors = new LinkedHashMap<>();
        private double[] rebin;
        private int rebinFactor = 1;
        private String rebinOf;
        private Consumer<XYChart> customizer = c -> {};

        /** Adds an MC sample to the stack; the first added sits at the bottom. Adding a sample again adds the histograms. */
        public Builder mc(String sample, Hist h) {
            check(h, "MC sample '" + sample + "'");
            mc.merge(sample, h, Hist::add);
            return this;
        }

        /**
         * A systematic variation of one MC sample (e.g. "JES_Total" from its JES_TotalUp and
         * JES_TotalDown histograms): the band then shows, per bin, the shift of the MC total
         * with all samples' up (down) histograms of that systematic — nominal for samples without
         * it — added in quadrature with the other systematics and the statistical uncertainty.
         */
        public Builder variation(String sample, String name, Hist up, Hist down) {
            check(up, "variation '" + name + "' (up) of MC sample '" + sample + "'");
            check(down, "variation '" + name + "' (down) of MC sample '" + sample + "'");
            variations.computeIfAbsent(sample, k -> new LinkedHashMap<>())
                    .merge(name, new Hist[]{up, down}, (a, x) -> new Hist[]{a[0].add(x[0]), a[1].add(x[1])});
            return this;
        }

        /** The systematics in the band so far, in the order given. */
        public java.util.Set<String> systematics() {
            java.util.Set<String> out = new java.util.LinkedHashSet<>();
            variations.values().forEach(m -> out.addAll(m.keySet()));
            return out;
        }

        public Builder data(Hist h) { return data("Data", h); }

        public Builder data(String label, Hist h) {
            check(h, "data");
            data = data == null ? h : data.add(h);
            dataLabel = label;
            return this;
        }

        public Builder name(String n) { name = n; return this; }
        /** Text in the plot's corner, e.g. the category. */
        public Builder title(String t) { title = t; return this; }
        public Builder xLabel(String l) { xLabel = l; return this; }
        /** The y axis title; by default "Events / 2 GeV" for regular bins (the unit from the x label's brackets), "Events / bin" otherwise. */
        public Builder yLabel(String l) { yLabel = l; return this; }
        /** Integrated luminosity in fb⁻¹ (≤ 0: no luminosity, the energy only). */
        public Builder lumi(double fbInv) { lumi = fbInv; return this; }
        /** Centre-of-mass energy in TeV (default 13). */
        public Builder energy(double tev) {
            if (!(tev > 0)) throw new IllegalArgumentException("plot: energy must be positive (TeV), got " + tev);
            energy = tev;
            return this;
        }
        /** The text after "CMS" ("Preliminary", "Simulation", "Work in progress"; "" for none). */
        public Builder cmsLabel(String extra) { cmsExtra = extra == null ? "" : extra; return this; }
        public Builder logY(boolean b) { logY = b; return this; }
        /** The data/MC panel (default: on when there are data and MC). */
        public Builder ratio(boolean b) { ratio = b; return this; }
        public Builder ratioRange(double lo, double hi) {
            if (!(lo < hi)) throw new IllegalArgumentException("plot: ratio range needs lo < hi, got " + lo + ", " + hi);
            ratioLo = lo; ratioHi = hi;
            return this;
        }
        public Builder size(int w, int h) {
            if (w < 200 || h < 200) throw new IllegalArgumentException("plot: size must be at least 200x200 pixels, got " + w + "x" + h);
            width = w; height = h;
            return this;
        }
        public Builder colors(List<Color> c) {
            if (c == null || c.isEmpty()) throw new IllegalArgumentException("plot: colors needs at least one colour");
            colors = List.copyOf(c);
            return this;
        }
        /** The fill colour of one MC sample (the others keep the palette's). */
        public Builder color(String sample, Color c) {
            if (c == null) throw new IllegalArgumentException("plot: colour of sample '" + sample + "' is null");
            sampleColors.put(sample, c);
            return this;
        }
        /** Draws the histograms in coarser bins; the new edges must be edges of the histograms. */
        public Builder rebin(double[] newEdges) { rebin = newEdges.clone(); rebinFactor = 1; return this; }
        /** Draws every {@code factor} bins merged into one. */
        public Builder rebinBy(int factor) { rebinFactor = factor; rebin = null; return this; }
        /** The variable's name as the user wrote it, for rebin errors. */
        public Builder rebinOf(String variable) { rebinOf = variable; return this; }
        /** Last touches on the main XYChart before drawing (fonts, markers, ...). */
        public Builder customize(Consumer<XYChart> c) { customizer = c; return this; }

        private void check(Hist h, String what) {
            if (h == null) throw new IllegalArgumentException("plot: " + what + " histogram is null");
            if (h.rank() != 1 || h.axes().get(0).isCategory()) {
                List<String> names = h.axes().stream().map(HistAxis::name).toList();
                throw new IllegalArgumentException("plot: " + what + " must be a 1-d histogram over a continuous axis; it has axes "
                        + names + " (select the categories first, e.g. h.select(\"cat\", \"baseline\"), or project)");
            }
            if (!mc.isEmpty() || data != null) {
                Hist ref = !mc.isEmpty() ? mc.values().iterator().next() : data;
                if (!java.util.Arrays.equals(ref.axes().get(0).edges(), h.axes().get(0).edges()))
                    throw new IllegalArgumentException("plot: " + what + " has other bin edges than the histograms added before (axis '"
                            + h.axes().get(0).name() + "')");
            }
        }

        public Plot build() { return renderer().draw(); }

        /** What {@link #build} draws, as XChart models and texts: to check a plot element by element. */
        public Drawn drawn() {
            Renderer r = renderer();
            return new Drawn(r.mainChart(width, 500), r.withRatio ? r.ratioChart(width, 200) : null,
                    Labels.lumi(lumi, energy), title == null ? null : Labels.plain(title), r.xShift);
        }

        /** The settings checked and laid out once, for {@link #build} and {@link #drawn} alike. */
        private Renderer renderer() {
            if (mc.isEmpty() && data == null) throw new IllegalArgumentException("plot: nothing to draw: add .mc(sample, hist) or .data(hist)");
            for (String sample : variations.keySet())
                if (!mc.containsKey(sample))
                    throw new IllegalArgumentException("plot: variations given for MC sample '" + sample + "', which has no .mc(sample, hist); samples: " + mc.keySet());
            boolean withRatio = ratio != null ? ratio : (data != null && !mc.isEmpty());
            if (withRatio && (data == null || mc.isEmpty()))
                throw new IllegalArgumentException("plot: the ratio panel needs both data and MC");
            return new Renderer(this, withRatio, height > 0 ? height : (withRatio ? 800 : 600));
        }
    }

    /** The parts of a plot as drawn: the main and ratio charts, the luminosity text, the corner text, and the x shift of integer bins. */
    public record Drawn(XYChart main, XYChart ratio, String lumiText, String titleText, double xShift) {}

    /** Draws one plot from the builder's settings. */
    private static final class Renderer {
        private static final int HEADER = 34;
        private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        private static final Font TITLES = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        private static final Color FRAME = Color.BLACK;
        static final Color STAT_FILL = new Color(60, 60, 60, 90);

        private final Builder b;
        final boolean withRatio;
        private final int height;
        private final Hist ref;
        /** The bin edges as drawn: an integer axis's bins are shifted by -0.5 so the ticks at integers sit at their centres. */
        private final double[] edges;
        final double xShift;
        private final boolean integerBins;
        /** For each of the histograms' bins, the drawn bin it is summed into (null: drawn as filled). */
        private final int[] groups;

        private double[] vals(Hist h) { return Rebin.sum(h.values(false), groups); }
        private double[] vars(Hist h) { return Rebin.sum(h.variances(false), groups); }

        Renderer(Builder b, boolean withRatio, int height) {
            this.b = b;
            this.withRatio = withRatio;
            this.height = height;
            this.ref = !b.mc.isEmpty() ? b.mc.values().iterator().next() : b.data;
            double[] own = ref.axes().get(0).edges();
            String var = b.rebinOf != null ? b.rebinOf : ref.axes().get(0).name();
            double[] wanted = b.rebin != null ? b.rebin : b.rebinFactor != 1 ? Rebin.merge(own, b.rebinFactor, var) : null;
            this.groups = wanted == null ? null : Rebin.groups(own, wanted, var);
            double[] e = wanted == null ? own : wanted;
            // an integer axis merged into wider bins is no longer one value per bin
            boolean ints = ref.axes().get(0).isInteger() && wanted == null;
            this.integerBins = ints;
            this.xShift = ints ? -0.5 : 0;
            this.edges = e.clone();
            for (int k = 0; k < edges.length; k++) edges[k] += xShift;
        }

        /** "Events / 2 GeV" for regular bins, "Events / bin" for variable or integer bins. */
        private String yTitle() {
            if (b.yLabel != null) return b.yLabel;
            if (integerBins) return "Events / bin";
            double w = edges[1] - edges[0];
            for (int k = 2; k < edges.length; k++)
                if (Math.abs((edges[k] - edges[k - 1]) - w) > 1e-9 * Math.max(1, Math.abs(w))) return "Events / bin";
            String unit = Labels.unit(ref.axes().get(0).label());
            String width = Labels.significant(w, 3);
            if (unit == null) return w == 1 ? "Events / bin" : "Events / " + width;
            return "Events / " + (w == 1 ? "" : width + " ") + unit;
        }

        Plot draw() {
            int w = b.width;
            int body = height - HEADER;
            int mainH = withRatio ? (int) Math.round(body * 0.72) : body;
            int ratioH = body - mainH;
            XYChart main = mainChart(w, mainH);
            XYChart ratioChart = withRatio ? ratioChart(w, ratioH) : null;
            // The two panels must share the x scale: narrow the one whose y axis is thinner so the frames line up
            // (found on bitmaps, where XChart's layout can be measured; the painter then draws on any canvas).
            int mainX = 0, ratioX = 0, mainW = w, ratioW = w, plotLeft;
            int lm = frameLeft(BitmapEncoder.getBufferedImage(main));
            if (ratioChart == null) plotLeft = lm;
            else {
                int lr = frameLeft(BitmapEncoder.getBufferedImage(ratioChart));
                if (lr < lm) { ratioW = w - (lm - lr); ratioChart = ratioChart(ratioW, ratioH); ratioX = lm - lr; plotLeft = lm; }
                else { mainW = w - (lr - lm); main = mainChart(mainW, mainH); mainX = lr - lm; plotLeft = lr; }
            }
            XYChart m = main, r = ratioChart;
            int mx = mainX, rx = ratioX, mw = mainW, rw = ratioW, left = plotLeft;
            String name = b.name != null ? b.name : ref.axes().get(0).name() + (b.title != null ? "_" + b.title : "");
            return new Plot(name, w, height, g -> {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, height);
                paintAt(g, m, mx, HEADER, mw, mainH);
                if (r != null) paintAt(g, r, rx, HEADER + mainH, rw, ratioH);
                header(g, w, left);
            });
        }

        private static void paintAt(Graphics2D g, XYChart c, int x, int y, int w, int h) {
            Graphics2D sub = (Graphics2D) g.create();
            sub.translate(x, y);
            sub.setClip(0, 0, w, h);
            c.paint(sub, w, h);
            sub.dispose();
        }

        private void header(Graphics2D g, int w, int plotLeft) {
            g.setColor(Color.BLACK);
            Font cms = new Font(Font.SANS_SERIF, Font.BOLD, 22);
            g.setFont(cms);
            int base = HEADER - 8;
            int x = Math.max(8, plotLeft);
            g.drawString("CMS", x, base);
            x += g.getFontMetrics().stringWidth("CMS ");
            if (!b.cmsExtra.isBlank()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 17));
                g.drawString(b.cmsExtra, x, base);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            String lumi = Labels.lumi(b.lumi, b.energy);
            g.drawString(lumi, w - 12 - g.getFontMetrics().stringWidth(lumi), base);
            if (b.title != null && !b.title.isBlank()) {
                // the category, inside the frame's top-left corner as in CMS plots
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
                g.drawString(Labels.plain(b.title), plotLeft + 14, HEADER + 34);
            }
        }

        /** The x of the plot frame's left line: the first column with a long run of frame pixels. */
        private static int frameLeft(BufferedImage img) {
            int h = img.getHeight();
            for (int x = 0; x < img.getWidth() / 2; x++) {
                int run = 0, best = 0;
                for (int y = 0; y < h; y++) {
                    Color c = new Color(img.getRGB(x, y));
                    if (c.getRed() < 40 && c.getGreen() < 40 && c.getBlue() < 40) { run++; best = Math.max(best, run); }
                    else run = 0;
                }
                if (best > h / 3) return x;
            }
            return 0;
        }

        private XYChart base(int w, int h) {
            XYChart c = new XYChartBuilder().width(w).height(h).build();
            var s = c.getStyler();
            s.setChartBackgroundColor(Color.WHITE);
            s.setPlotBackgroundColor(Color.WHITE);
            s.setPlotBorderVisible(true);
            s.setPlotBorderColor(FRAME);
            s.setPlotGridLinesVisible(false);
            s.setAxisTickLabelsFont(TICKS);
            s.setAxisTitleFont(TITLES);
            s.setAxisTickMarksColor(FRAME);
            s.setChartTitleVisible(false);
            s.setPlotMargin(0);
            s.setPlotContentSize(1.0);
            s.setChartPadding(10);
            s.setXAxisMin(edges[0]);
            s.setXAxisMax(edges[edges.length - 1]);
            s.setxAxisTickLabelsFormattingFunction(integerBins ? this::integerTick : Renderer::tick);
            s.setLegendVisible(false);
            return c;
        }

        XYChart mainChart(int w, int h) {
            XYChart c = base(w, h);
            var s = c.getStyler();
            String x = b.xLabel != null ? b.xLabel : Labels.axisTitle(ref.axes().get(0));
            c.setXAxisTitle(withRatio ? " " : x);
            c.setYAxisTitle(yTitle());
            if (withRatio) s.setXAxisTicksVisible(false);
            s.setYAxisLogarithmic(b.logY);
            if (b.logY) {
                // XChart's log axis labels its decades only without a formatting function (with one it steps linearly
                // over the whole range); a grouped plain pattern reads "1,000,000", not "1E6"
                s.setyAxisTickLabelsFormattingFunction(null);
                s.setYAxisDecimalPattern("#,##0.####");
            }
            s.setLegendVisible(true);
            s.setLegendPosition(Styler.LegendPosition.InsideNE);
            s.setLegendBorderColor(Color.WHITE);
            s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            s.setMarkerSize(7);
            s.setErrorBarsColor(Color.BLACK);

            int n = edges.length - 1;
            double max = 0, minPositive = Double.MAX_VALUE, minData = Double.MAX_VALUE;
            List<String> samples = new ArrayList<>(b.mc.keySet());
            double[][] cumulative = new double[samples.size()][];
            double[] sum = new double[n];
            for (int i = 0; i < samples.size(); i++) {
                double[] v = vals(b.mc.get(samples.get(i)));
                for (int k = 0; k < n; k++) {
                    sum[k] += v[k];
                    if (v[k] > 0) minPositive = Math.min(minPositive, v[k]);
                }
                cumulative[i] = sum.clone();
            }
            double[][] err = mcError();
            for (int k = 0; k < n; k++) max = Math.max(max, sum[k] + err[0][k]);
            double[] dv = null, de = null;
            if (b.data != null) {
                dv = vals(b.data);
                double[] var = vars(b.data);
                de = new double[n];
                for (int k = 0; k < n; k++) {
                    de[k] = Math.sqrt(Math.max(0, var[k]));
                    max = Math.max(max, dv[k] + de[k]);
                    if (dv[k] > 0) minData = Math.min(minData, dv[k]);
                }
            }
            if (max <= 0) max = 1;
            double floor;
            if (b.logY) {
                if (minPositive == Double.MAX_VALUE) minPositive = max;
                // MC tails may go 6 decades down; a data point, 1 event say, is always shown, error bar included
                floor = Math.max(minPositive * 0.5, max * 1e-6);
                if (minData < Double.MAX_VALUE) floor = Math.min(floor, minData * 0.5);
                floor = Math.pow(10, Math.floor(Math.log10(floor)));  // a whole decade, so the axis starts at a labelled tick
                s.setYAxisMin(floor);
                s.setYAxisMax(max * Math.pow(max / floor, 0.45));  // headroom for the legend on a log scale
            } else {
                floor = 0;
                s.setYAxisMin(0.0);
                s.setYAxisMax(max * 1.35);
            }
            // Each sample is the band between its stack neighbours, a closed polygon: XChart's area
            // fill goes down to y=1 on a log axis, which would paint below the axis floor.
            for (int i = samples.size() - 1; i >= 0; i--) {
                double[] top = cumulative[i];
                double[] bottom = i > 0 ? cumulative[i - 1] : new double[n];
                double[][] band = band(top, bottom, floor);
                XYSeries series = c.addSeries(samples.get(i), band[0], band[1]);
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                Color col = b.sampleColors.containsKey(samples.get(i)) ? b.sampleColors.get(samples.get(i))
                        : b.colors != null ? b.colors.get(i % b.colors.size()) : Palette.forSample(i, samples.size());
                series.setFillColor(col);
                series.setLineColor(col.darker());
                series.setLineStyle(new BasicStroke(1f));
                series.setMarker(SeriesMarkers.NONE);
            }
            if (!samples.isEmpty()) {
                double[] up = new double[n], down = new double[n];
                for (int k = 0; k < n; k++) { up[k] = sum[k] + err[0][k]; down[k] = sum[k] - err[1][k]; }
                statBand(c, bandLabel(), band(up, down, floor));
            }
            if (dv != null) {
                List<Double> xs = new ArrayList<>(), ys = new ArrayList<>(), es = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    if (dv[k] <= 0) continue;  // no event, no point: a marker at 0 would read as a measured zero
                    xs.add(0.5 * (edges[k] + edges[k + 1]));
                    ys.add(dv[k]);
                    // on a log axis a bar may not reach zero
                    es.add(b.logY ? Math.min(de[k], dv[k] - floor * 0.999) : de[k]);
                }
                if (!xs.isEmpty()) {
                    XYSeries series = c.addSeries(b.dataLabel, xs, ys, es);
                    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    series.setMarker(SeriesMarkers.CIRCLE);
                    series.setMarkerColor(Color.BLACK);
                }
            }
            b.customizer.accept(c);
            return c;
        }

        XYChart ratioChart(int w, int h) {
            XYChart c = base(w, h);
            var s = c.getStyler();
            c.setXAxisTitle(b.xLabel != null ? b.xLabel : Labels.axisTitle(ref.axes().get(0)));
            c.setYAxisTitle("Data/MC");
            s.setYAxisMin(b.ratioLo);
            s.setYAxisMax(b.ratioHi);
            s.setYAxisTickMarkSpacingHint(40);
            s.setErrorBarsColor(Color.BLACK);
            s.setMarkerSize(7);
            int n = edges.length - 1;
            double[] mcSum = new double[n];
            for (Hist hm : b.mc.values()) {
                double[] v = vals(hm);
                for (int k = 0; k < n; k++) mcSum[k] += v[k];
            }
            // XChart derives ticks from the data it sees: the unity line and an invisible ramp over the
            // panel give it every edge and the whole range, whether or not ratio points fall inside.
            double[] ones = new double[n + 1], ramp = new double[n + 1];
            for (int k = 0; k <= n; k++) { ones[k] = 1; ramp[k] = b.ratioLo + (b.ratioHi - b.ratioLo) * k / n; }
            XYSeries one = c.addSeries("unity", edges, ones);
            one.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            one.setLineColor(Color.GRAY);
            one.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            one.setMarker(SeriesMarkers.NONE);
            XYSeries span = c.addSeries("range", edges, ramp);
            span.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            span.setLineColor(new Color(0, 0, 0, 0));
            span.setMarker(SeriesMarkers.NONE);
            double[][] err = mcError();
            double[] up = new double[n], down = new double[n];
            for (int k = 0; k < n; k++) {
                up[k] = Math.min(1 + (mcSum[k] > 0 ? err[0][k] / mcSum[k] : 0), b.ratioHi);
                down[k] = Math.max(1 - (mcSum[k] > 0 ? err[1][k] / mcSum[k] : 0), b.ratioLo);
            }
            statBand(c, bandLabel(), band(up, down, b.ratioLo));
            double[] dv = vals(b.data), var = vars(b.data);
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>(), es = new ArrayList<>();
            List<Double> highX = new ArrayList<>(), highY = new ArrayList<>(), lowX = new ArrayList<>(), lowY = new ArrayList<>();
            double inset = 0.04 * (b.ratioHi - b.ratioLo);
            for (int k = 0; k < n; k++) {
                if (mcSum[k] <= 0 || dv[k] <= 0) continue;
                double r = dv[k] / mcSum[k];
                double x = 0.5 * (edges[k] + edges[k + 1]);
                // off the panel: a triangle at its edge says which way, as ROOT's and mplhep's ratio plots do
                if (r > b.ratioHi) { highX.add(x); highY.add(b.ratioHi - inset); continue; }
                if (r < b.ratioLo) { lowX.add(x); lowY.add(b.ratioLo + inset); continue; }
                xs.add(x);
                ys.add(r);
                es.add(Math.sqrt(Math.max(0, var[k])) / mcSum[k]);
            }
            offScale(c, "above the panel", highX, highY, SeriesMarkers.TRIANGLE_UP);
            offScale(c, "below the panel", lowX, lowY, SeriesMarkers.TRIANGLE_DOWN);
            if (!xs.isEmpty()) {
                XYSeries pts = c.addSeries("ratio", xs, ys, es);
                pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                pts.setMarker(SeriesMarkers.CIRCLE);
                pts.setMarkerColor(Color.BLACK);
            }
            return c;
        }

        private static void offScale(XYChart c, String name, List<Double> xs, List<Double> ys, org.knowm.xchart.style.markers.Marker marker) {
            if (xs.isEmpty()) return;
            XYSeries s = c.addSeries(name, xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(marker);
            s.setMarkerColor(Color.BLACK);
        }

        private String bandLabel() { return b.variations.isEmpty() ? "MC stat. unc." : "Stat. ⊕ syst. unc."; }

        /** The MC total's uncertainty per bin, {above, below} the nominal total. */
        private double[][] mcError() {
            int n = edges.length - 1;
            double[] nominal = new double[n], statVar = new double[n];
            for (Hist hm : b.mc.values()) {
                double[] v = vals(hm), var = vars(hm);
                for (int k = 0; k < n; k++) { nominal[k] += v[k]; statVar[k] += Math.max(0, var[k]); }
            }
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            b.variations.values().forEach(m -> names.addAll(m.keySet()));
            List<double[][]> totals = new ArrayList<>();
            for (String name : names) {
                double[] up = new double[n], down = new double[n];
                for (var e : b.mc.entrySet()) {
                    Hist[] ud = b.variations.getOrDefault(e.getKey(), Map.of()).get(name);
                    double[] u = vals(ud != null ? ud[0] : e.getValue()), d = vals(ud != null ? ud[1] : e.getValue());
                    for (int k = 0; k < n; k++) { up[k] += u[k]; down[k] += d[k]; }
                }
                totals.add(new double[][]{up, down});
            }
            return uncertainty(nominal, statVar, totals);
        }

        /** A translucent grey band (XChart has no hatching), drawn over the stack. */
        private static void statBand(XYChart c, String name, double[][] outline) {
            XYSeries s = c.addSeries(name, outline[0], outline[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(STAT_FILL);
            s.setLineColor(new Color(0, 0, 0, 0));
            s.setMarker(SeriesMarkers.NONE);
        }

        /** The outline of a stacked band: along the top steps left to right, back along the bottom steps. */
        private double[][] band(double[] top, double[] bottom, double floor) {
            int n = top.length;
            double[] x = new double[4 * n], y = new double[4 * n];
            int j = 0;
            for (int k = 0; k < n; k++) {
                x[j] = edges[k]; y[j++] = Math.max(top[k], floor);
                x[j] = edges[k + 1]; y[j++] = Math.max(top[k], floor);
            }
            for (int k = n - 1; k >= 0; k--) {
                x[j] = edges[k + 1]; y[j++] = Math.max(bottom[k], floor);
                x[j] = edges[k]; y[j++] = Math.max(bottom[k], floor);
            }
            return new double[][]{x, y};
        }

        /** Integer bins: a label at each integer (their centres), every 2nd, 5th, ... one when there are many. */
        private String integerTick(Double v) {
            // XChart sizes its ticks from the labels of the axis ends (half-integers here) and draws none when those
            // two are equal: distinct invisible labels keep it going
            if (Math.abs(v - Math.rint(v)) > 1e-9) return v < 0.5 * (edges[0] + edges[edges.length - 1]) ? "\u2009" : "\u2009\u2009";
            int n = edges.length - 1;
            long every = n <= 20 ? 1 : n <= 40 ? 2 : n <= 100 ? 5 : 10;
            return Math.round(v) % every == 0 ? Long.toString(Math.round(v)) : "";
        }

        private static String tick(Double v) {
            double a = Math.abs(v);
            if (a == 0) return "0";
            if (a >= 1e5 || a < 1e-3) {
                String s = String.format(Locale.ROOT, "%.0e", v);
                return s.replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
            }
            if (v == Math.rint(v)) return Long.toString(Math.round(v));
            String s = String.format(Locale.ROOT, "%.3f", v);
            return s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
    }
}
