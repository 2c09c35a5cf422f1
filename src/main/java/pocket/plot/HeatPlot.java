package pocket.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import pocket.hist.Hist;
import pocket.hist.HistAxis;

/**
 * A 2-d histogram as a colour map (viridis, empty bins white) with a colour bar, the axes'
 * labels and the CMS header, as mplhep's hist2dplot draws it.
 * <pre>
 * Plot p = HeatPlot.builder(h2).lumi(59.7).title("baseline").build();
 * </pre>
 */
public final class HeatPlot {
    private HeatPlot() {}

    public static Builder builder(Hist h) { return new Builder(h); }

    /** Fluent, defaulted settings; {@link #build} draws. */
    public static final class Builder {
        private final Hist h;
        private String name, title, cmsExtra = "Preliminary";
        private double lumi = -1, energy = 13;
        private boolean logZ;
        private int width = 800, height = 650;

        private Builder(Hist h) {
            if (h == null) throw new IllegalArgumentException("plot: the 2-d histogram is null");
            if (h.rank() != 2 || h.axes().get(0).isCategory() || h.axes().get(1).isCategory()) {
                List<String> names = h.axes().stream().map(HistAxis::name).toList();
                throw new IllegalArgumentException("plot: a colour map needs a histogram of two continuous axes; it has axes " + names
                        + " (select the categories first, e.g. h.select(\"cat\", \"baseline\"))");
            }
            this.h = h;
        }

        public Builder name(String n) { name = n; return this; }
        public Builder title(String t) { title = t; return this; }
        public Builder lumi(double fbInv) { lumi = fbInv; return this; }
        public Builder energy(double tev) { energy = tev; return this; }
        public Builder cmsLabel(String extra) { cmsExtra = extra == null ? "" : extra; return this; }
        /** A logarithmic colour scale (bins of 0 stay white). */
        public Builder logZ(boolean b) { logZ = b; return this; }
        public Builder size(int w, int hgt) {
            if (w < 300 || hgt < 300) throw new IllegalArgumentException("plot: size must be at least 300x300 pixels, got " + w + "x" + hgt);
            width = w; height = hgt;
            return this;
        }

        public Plot build() { return new Plot(name != null ? name : h.axes().get(0).name() + "_vs_" + h.axes().get(1).name(), width, height, this::paint); }

        /** The frame of the map in pixels {left, top, right, bottom}: where a bin lands, for tests. */
        int[] frame() { return new int[]{LEFT, TOP, width - RIGHT, height - BOTTOM}; }

        private static final int LEFT = 90, TOP = 44, RIGHT = 130, BOTTOM = 70;

        private void paint(Graphics2D g) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);   // bins edge to edge, no seams
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            HistAxis ax = h.axes().get(0), ay = h.axes().get(1);
            double[] ex = ax.edges(), ey = ay.edges();
            double[] v = h.values(false);   // x-major: v[ix * ny + iy]
            int nx = ex.length - 1, ny = ey.length - 1;
            double max = 0, minPositive = Double.MAX_VALUE;
            for (double x : v) { max = Math.max(max, x); if (x > 0) minPositive = Math.min(minPositive, x); }
            double lo = logZ ? (minPositive == Double.MAX_VALUE ? 1 : minPositive) : 0, hi = max > lo ? max : lo + 1;
            int[] f = frame();
            int fw = f[2] - f[0], fh = f[3] - f[1];
            for (int ix = 0; ix < nx; ix++)
                for (int iy = 0; iy < ny; iy++) {
                    double c = v[ix * ny + iy];
                    if (!(c > 0)) continue;   // empty: the white of the paper, as a zero should look
                    int x0 = f[0] + (int) Math.round(fw * (ex[ix] - ex[0]) / (ex[nx] - ex[0]));
                    int x1 = f[0] + (int) Math.round(fw * (ex[ix + 1] - ex[0]) / (ex[nx] - ex[0]));
                    int y1 = f[3] - (int) Math.round(fh * (ey[iy] - ey[0]) / (ey[ny] - ey[0]));
                    int y0 = f[3] - (int) Math.round(fh * (ey[iy + 1] - ey[0]) / (ey[ny] - ey[0]));
                    g.setColor(Viridis.at(fraction(c, lo, hi)));
                    g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
                }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.2f));
            g.drawRect(f[0], f[1], fw, fh);
            Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 13), titles = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
            g.setFont(ticks);
            FontMetrics fm = g.getFontMetrics();
            for (double t : Ticks.nice(ex[0], ex[nx], 8)) {
                int x = f[0] + (int) Math.round(fw * (t - ex[0]) / (ex[nx] - ex[0]));
                g.drawLine(x, f[3], x, f[3] - 6);
                String s = Ticks.label(t);
                g.drawString(s, x - fm.stringWidth(s) / 2, f[3] + fm.getAscent() + 4);
            }
            for (double t : Ticks.nice(ey[0], ey[ny], 8)) {
                int y = f[3] - (int) Math.round(fh * (t - ey[0]) / (ey[ny] - ey[0]));
                g.drawLine(f[0], y, f[0] + 6, y);
                String s = Ticks.label(t);
                g.drawString(s, f[0] - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
            }
            g.setFont(titles);
            fm = g.getFontMetrics();
            String xt = Labels.axisTitle(ax), yt = Labels.axisTitle(ay);
            g.drawString(xt, f[2] - fm.stringWidth(xt), f[3] + 48);
            AffineTransform keep = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yt, -(f[1] + fm.stringWidth(yt)), f[0] - 56);
            g.setTransform(keep);
            colourBar(g, f, lo, hi, ticks);
            header(g, f);
        }

        private double fraction(double c, double lo, double hi) {
            if (logZ) return Math.max(0, Math.min(1, Math.log(c / lo) / Math.log(hi / lo)));
            return Math.max(0, Math.min(1, (c - lo) / (hi - lo)));
        }

        private void colourBar(Graphics2D g, int[] f, double lo, double hi, Font ticks) {
            int x0 = f[2] + 18, w = 20, fh = f[3] - f[1];
            for (int y = 0; y < fh; y++) {
                g.setColor(Viridis.at(1 - (double) y / (fh - 1)));
                g.fillRect(x0, f[1] + y, w, 1);
            }
            g.setColor(Color.BLACK);
            g.drawRect(x0, f[1], w, fh);
            g.setFont(ticks);
            FontMetrics fm = g.getFontMetrics();
            List<Double> ts = logZ ? Ticks.decades(lo, hi) : Ticks.nice(lo, hi, 6);
            for (double t : ts) {
                double fr = fraction(t, lo, hi);
                int y = f[3] - (int) Math.round(fh * fr);
                g.drawLine(x0 + w - 5, y, x0 + w, y);
                g.drawString(Ticks.label(t), x0 + w + 4, y + fm.getAscent() / 2 - 1);
            }
        }

        private void header(Graphics2D g, int[] f) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            int base = f[1] - 10;
            g.drawString("CMS", f[0], base);
            int x = f[0] + g.getFontMetrics().stringWidth("CMS ");
            if (!cmsExtra.isBlank()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 17));
                g.drawString(cmsExtra, x, base);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            String l = Labels.lumi(lumi, energy);
            g.drawString(l, f[2] - g.getFontMetrics().stringWidth(l), base);
            if (title != null && !title.isBlank()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
                g.drawString(Labels.plain(title), f[0] + 12, f[1] + 24);
            }
        }
    }

    /** Round tick values for a hand-drawn axis. */
    static final class Ticks {
        private Ticks() {}

        /** About {@code target} ticks at 1, 2 or 5 times a power of ten inside [lo, hi]. */
        static List<Double> nice(double lo, double hi, int target) {
            List<Double> out = new ArrayList<>();
            if (!(hi > lo)) { out.add(lo); return out; }
            double raw = (hi - lo) / target, p = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
            for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) out.add(k * step);
            return out;
        }

        static List<Double> decades(double lo, double hi) {
            List<Double> out = new ArrayList<>();
            for (int e = (int) Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.add(Math.pow(10, e));
            return out;
        }

        static String label(double t) {
            if (Math.abs(t) < 1e-12) return "0";
            return Labels.significant(t, 3);
        }
    }

    /** Matplotlib's viridis, sampled at nine points and interpolated. */
    static final class Viridis {
        private Viridis() {}

        private static final int[][] STOPS = {{68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
                {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};

        static Color at(double t) {
            double x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
            double u = x - i;
            int[] a = STOPS[i], b = STOPS[i + 1];
            return new Color((int) Math.round(a[0] + u * (b[0] - a[0])), (int) Math.round(a[1] + u * (b[1] - a[1])),
                    (int) Math.round(a[2] + u * (b[2] - a[2])));
        }
    }
}
