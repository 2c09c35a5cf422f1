package pocket.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import pocket.plot.Plot;
import pocket.plot.StackPlot;
import pocket.util.Names;

/**
 * PocketCoffea's make-plots for one output: every variable × category, linear and log, MC
 * stacked by sample with its systematic band, data points and ratio; a subset by variables,
 * categories and samples; drawn in parallel.
 */
public final class MakePlots {
    private final Histograms hists;
    private final List<String> variables, categories, samples;
    private final boolean onlyMc, linear, log;
    private final int threads;
    private final List<String> formats;
    private final PlotStyle style;

    private MakePlots(Builder b) {
        hists = b.lumi == null ? b.hists : b.hists.withLumi(b.lumi);
        variables = List.copyOf(b.variables); categories = List.copyOf(b.categories); samples = List.copyOf(b.samples);
        onlyMc = b.onlyMc; linear = b.linear; log = b.log; threads = b.threads; formats = b.formats; style = b.style;
    }

    public static Builder of(Histograms h) { return new Builder(h); }

    /** Settings; names not in the output are refused when {@link #plan} or {@link #writeTo} runs. */
    public static final class Builder {
        private final Histograms hists;
        private List<String> variables = List.of(), categories = List.of(), samples = List.of();
        private boolean onlyMc, linear = true, log = true;
        private Double lumi;
        private int threads = Runtime.getRuntime().availableProcessors();
        private List<String> formats = List.of("png");
        private PlotStyle style = PlotStyle.none();

        private Builder(Histograms h) { hists = h; }

        /** Only these variables (empty: all). */
        public Builder variables(List<String> v) { variables = v; return this; }
        /** Only these categories (empty: all). */
        public Builder categories(List<String> c) { categories = c; return this; }
        /** Only these samples, MC or data (empty: all). */
        public Builder samples(List<String> s) { samples = s; return this; }
        /** No data points and no ratio panel. */
        public Builder onlyMc(boolean b) { onlyMc = b; return this; }
        /** The luminosity label in fb⁻¹, instead of the config's. */
        public Builder lumi(double fbInv) { lumi = fbInv; return this; }
        /** Which y scales to draw (both by default). */
        public Builder scales(boolean linearY, boolean logY) {
            if (!linearY && !logY) throw new IllegalArgumentException("plot: at least one of the linear and log scales must be drawn");
            linear = linearY; log = logY; return this;
        }
        public Builder threads(int n) { threads = Math.max(1, n); return this; }
        /** A plotting-style YAML (colours, labels, groups, order, rebin, ...; the keys are {@link PlotStyle#KEYS}). */
        public Builder style(Path file) throws IOException { style = PlotStyle.read(file); return this; }
        public Builder style(PlotStyle s) { style = s; return this; }
        /** The file formats of each plot, of png, pdf, svg (default png). */
        public Builder formats(List<String> f) {
            if (f == null || f.isEmpty()) throw new IllegalArgumentException("plot: give at least one format of " + Plot.FORMATS);
            List<String> out = new ArrayList<>();
            for (String x : f) {
                String y = x.strip().toLowerCase(java.util.Locale.ROOT);
                if (!Plot.FORMATS.contains(y))
                    throw new IllegalArgumentException("plot: unknown format '" + x + "'; formats: " + Plot.FORMATS + Names.nearestHint(y, Plot.FORMATS));
                if (!out.contains(y)) out.add(y);
            }
            formats = List.copyOf(out);
            return this;
        }
        public MakePlots build() { return new MakePlots(this); }
    }

    /** One plot to draw: a variable in a category, on a linear or log y axis, and its file name (without extension). */
    public record Job(String variable, String category, boolean logY, String fileName) {}

    /** The plots {@link #writeTo} draws, in order; an unknown variable, category or sample is an error naming the known ones. */
    public List<Job> plan() {
        List<String> vars = pick("variable", "variables", variables, hists.names());
        Set<String> allSamples = new java.util.TreeSet<>(), allCats = new java.util.TreeSet<>();
        for (String v : vars) { allSamples.addAll(hists.samples(v)); allCats.addAll(hists.categories(v)); }
        pick("sample", "samples", samples, allSamples);
        List<String> cats = pick("category", "categories", categories, allCats);
        List<Job> jobs = new ArrayList<>();
        for (String v : vars) {
            int dims = hists.dimensions(v);
            if (dims > 2) continue;   // no picture of three variables: their projections are what to plot
            for (String c : cats) {
                if (!hists.categories(v).contains(c)) continue;
                String base = v + "_" + c;
                if (dims == 2) { jobs.add(new Job(v, c, false, base)); continue; }   // a colour map: one per category
                if (linear) jobs.add(new Job(v, c, false, base));
                if (log) jobs.add(new Job(v, c, true, base + "_log"));
            }
        }
        return jobs;
    }

    private static List<String> pick(String what, String plural, List<String> wanted, Collection<String> have) {
        if (wanted.isEmpty()) return new ArrayList<>(have);
        for (String w : wanted)
            if (!have.contains(w))
                throw new IllegalArgumentException("plot: no " + what + " '" + w + "' in the output; " + plural + ": " + have + Names.nearestHint(w, have));
        return new ArrayList<>(wanted);
    }

    /** The plot of one job. */
    public Plot draw(Job j) {
        StackPlot.Builder b = builder(j);
        return b == null ? hists.plot2d(j.variable(), j.category(), this::keep, style) : b.build();
    }

    /** The stack plot's builder of a job (null for a colour map), for a look at what it will draw. */
    public StackPlot.Builder builder(Job j) {
        if (hists.dimensions(j.variable()) == 2) return null;
        return hists.stack(j.variable(), j.category(), s -> keep(s), style).logY(j.logY());
    }

    private boolean keep(String sample) {
        if (onlyMc && hists.isData(sample)) return false;
        return samples.isEmpty() || samples.contains(sample) || samples.contains(sample.split("__")[0]);
    }

    /** The formats each plot is written in. */
    public List<String> formats() { return formats; }

    /**
     * Draws every planned plot in parallel and writes it in each format into {@code dir};
     * {@code progress} hears the number done after each. Returns the plots' last files, in plan order.
     */
    public List<Path> writeTo(Path dir, IntConsumer progress) throws IOException {
        List<Job> jobs = plan();
        Files.createDirectories(dir);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, jobs.size())), r -> {
            Thread t = new Thread(r, "pocket-plot");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Path>> files = new ArrayList<>();
            for (Job j : jobs)
                files.add(pool.submit(() -> {
                    Plot p = draw(j);
                    Path f = null;
                    for (String format : formats) f = p.save(dir.resolve(j.fileName() + "." + format));
                    progress.accept(done.incrementAndGet());
                    return f;
                }));
            List<Path> out = new ArrayList<>();
            for (Future<Path> f : files) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("plotting interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            throw new IOException(c.getMessage(), c);
        } finally {
            pool.shutdownNow();
        }
    }
}
