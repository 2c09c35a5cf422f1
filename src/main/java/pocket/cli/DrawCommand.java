package pocket.cli;

import com.google.gson.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pocket.hist.Hist;
import pocket.hist.RegularAxis;
import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;
import pocket.rootio.file.RootFile;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.util.Names;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pocket draw}: the histogram of one branch, as ROOT's {@code TTree::Draw} with a fixed binning. */
@Command(name = "draw", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Histogram one branch of a tree, like TTree::Draw (every element of a jagged branch).",
                "Printed as a table of bins with underflow, overflow and NaN counts, or as UHI JSON."},
        footer = {"", "Example: pocket draw nano_dy.root Muon_pt --bins 50 --range 0 200",
                "Exit codes: 0 drawn, 1 the file, tree or branch could not be read, 2 bad arguments."})
final class DrawCommand implements Callable<Integer> {
    /** Entries read per step, so a large tree does not need one array for the whole branch. */
    long step = 1_000_000;

    @Parameters(index = "0", paramLabel = "FILE", description = "ROOT file: a path or a root:// / https:// URL")
    String file;

    @Parameters(index = "1", paramLabel = "BRANCH", description = "Branch to histogram, e.g. Muon_pt")
    String branch;

    @Option(names = "--bins", required = true, paramLabel = "N", description = "Number of bins")
    int bins;

    @Option(names = "--range", required = true, arity = "2", paramLabel = "LO HI",
            description = "Lower (inclusive) and upper (exclusive) edge of the binned range")
    double[] range;

    @Option(names = {"-t", "--tree"}, defaultValue = "Events", paramLabel = "T", description = "Tree name (default: ${DEFAULT-VALUE})")
    String tree;

    @Option(names = "--json", description = "Print the histogram as UHI JSON (uhi_schema 1) instead of a table")
    boolean json;

    PrintStream out = System.out, err = System.err;

    @Override
    public Integer call() {
        if (bins <= 0) return usage("--bins must be a positive number of bins, got " + bins);
        if (range.length != 2 || !Double.isFinite(range[0]) || !Double.isFinite(range[1]) || !(range[0] < range[1]))
            return usage("--range LO HI needs finite LO < HI, got " + range[0] + " " + range[1]);
        if (!file.contains("://") && !Files.isRegularFile(Path.of(file)))
            return fail("file " + file + " not found");
        try (RootFile f = RootFile.open(file)) {
            Tree t = f.tree(tree);
            if (!t.hasBranch(branch))
                return fail("branch '" + branch + "' not in tree '" + tree + "' of " + file + Names.nearestHint(branch, t.branchNames()));
            Drawn d = draw(t);
            if (json) out.println(uhi(d.hist));
            else printTable(d);
            return 0;
        } catch (RootIOException e) {
            return fail(e.getMessage());
        } catch (java.io.IOException | RuntimeException e) {
            return fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The histogram and the moments of the in-range values (ROOT's stats box uses those too). */
    private record Drawn(Hist hist, long entries, long values, double sumX, double sumX2) {}

    private Drawn draw(Tree t) throws RootIOException {
        Hist h = Hist.builder().axis(new RegularAxis(bins, range[0], range[1], branch, branch)).intStorage();
        long entries = t.entries(), values = 0;
        double sx = 0, sx2 = 0;
        for (long start = 0; start < entries; start += step) {
            ColumnArray c = t.read(branch, start, Math.min(entries, start + step));
            Object data = fillable(c);
            h.fill(new Object[]{data}, null);
            int n = c.size();
            values += n;
            double lo = range[0], hi = range[1];
            if (data instanceof float[] ff) {
                for (int i = 0; i < n; i++) { double v = ff[i]; if (v >= lo && v < hi) { sx += v; sx2 += v * v; } }
            } else {
                double[] dd = (double[]) data;
                for (int i = 0; i < n; i++) { double v = dd[i]; if (v >= lo && v < hi) { sx += v; sx2 += v * v; } }
            }
        }
        return new Drawn(h, entries, values, sx, sx2);
    }

    /** The array to fill from: floats and doubles as they are, other types widened (unsigned read as unsigned). */
    private static Object fillable(ColumnArray c) {
        if (c.type == LeafType.FLOAT32 || c.type == LeafType.FLOAT64) return c.data;
        return c.toDoubles();
    }

    private String uhi(Hist h) {
        JsonObject doc = h.toUhi();
        JsonObject meta = new JsonObject();
        meta.addProperty("name", branch);
        meta.addProperty("file", file);
        meta.addProperty("tree", tree);
        doc.add("metadata", meta);
        return doc.toString();
    }

    private void printTable(Drawn d) {
        Hist h = d.hist;
        double[] edges = h.axes().get(0).edges();
        double[] v = h.values(false);
        long inRange = 0;
        for (double x : v) inRange += (long) x;
        out.printf("%s in tree '%s' of %s: %d bins on [%s, %s)%n", branch, tree, file, bins, fmt(range[0]), fmt(range[1]));
        int w = Math.max(10, Math.max(fmt(edges[0]).length(), fmt(edges[edges.length - 1]).length()) + 2);
        out.printf("%5s  %" + w + "s  %" + w + "s  %12s%n", "bin", "low", "high", "count");
        for (int i = 0; i < v.length; i++)
            out.printf("%5d  %" + w + "s  %" + w + "s  %12d%n", i, fmt(edges[i]), fmt(edges[i + 1]), (long) v[i]);
        out.printf("underflow (x < %s): %d%n", fmt(range[0]), (long) h.value(-1));
        out.printf("overflow (x >= %s): %d%n", fmt(range[1]), (long) h.value(bins));
        out.printf("NaN: %d%n", h.nanCount());
        double mean = inRange > 0 ? d.sumX / inRange : Double.NaN;
        double sd = inRange > 0 ? Math.sqrt(Math.max(0, d.sumX2 / inRange - mean * mean)) : Double.NaN;
        out.printf("entries: %d, values: %d, in range: %d, mean: %.6g, std dev: %.6g%n", d.entries, d.values, inRange, mean, sd);
    }

    private static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        return String.format("%.6g", x);
    }

    private int usage(String msg) {
        err.println("pocket draw: " + msg);
        return 2;
    }

    private int fail(String msg) {
        err.println("pocket draw: " + msg);
        return 1;
    }
}
