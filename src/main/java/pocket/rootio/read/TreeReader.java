package pocket.rootio.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import pocket.rootio.BranchInfo;
import pocket.rootio.ColumnArray;
import pocket.rootio.MissingObjectException;
import pocket.rootio.RootFile;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.rootio.UnsupportedFormatException;
import pocket.rootio.model.TTree;
import pocket.util.Names;

/**
 * A TTree read as columns. One read is: plan the overlapping baskets of every requested branch,
 * fetch their bytes in one request, decompress each basket once (in parallel when there are
 * several and the reader is not {@link #serial()}), then trim and join per branch.
 * Immutable after construction, so reads may run on many threads at once.
 */
public final class TreeReader implements Tree {
    /** Below this many compressed bytes a read decompresses on the calling thread. */
    private static final long PARALLEL_MIN_BYTES = 256 * 1024;

    private final RootFile file;
    private final String name;
    private final TTree model;
    private final Map<String, BranchPlan> plans;
    private final boolean parallel;

    public TreeReader(RootFile file, String name, TTree model) {
        this(file, name, model, Plans.of(model, file.compression()), true);
    }

    private TreeReader(RootFile file, String name, TTree model, Map<String, BranchPlan> plans, boolean parallel) {
        this.file = file; this.name = name; this.model = model; this.plans = plans; this.parallel = parallel;
    }

    /** The same tree, decompressing on the calling thread only (for executors that already run one chunk per core). */
    public TreeReader serial() { return parallel ? new TreeReader(file, name, model, plans, false) : this; }

    public TTree model() { return model; }
    public RootFile file() { return file; }

    @Override public String name() { return name; }
    @Override public String fileName() { return file.name(); }
    @Override public long entries() { return model.fEntries(); }
    @Override public List<String> branchNames() { return List.copyOf(plans.keySet()); }
    @Override public boolean hasBranch(String branch) { return plans.containsKey(branch); }

    @Override public BranchInfo branch(String branch) throws RootIOException { return plan(branch).info(); }

    /** The read plan of a branch (baskets, type, counter). */
    public BranchPlan plan(String branch) throws MissingObjectException {
        BranchPlan p = plans.get(branch);
        if (p == null)
            throw new MissingObjectException("rootio: branch '" + branch + "' not in tree '" + name + "' of " + file.name()
                    + Names.nearestHint(branch, plans.keySet()));
        return p;
    }

    private String where(BranchPlan p) { return "rootio: " + file.name() + ", branch " + p.name + " of tree " + name; }

    @Override
    public ColumnArray read(String branch, long start, long stop) throws RootIOException {
        return read(List.of(branch), start, stop).get(branch);
    }

    @Override
    public Map<String, ColumnArray> read(Collection<String> branches, long start, long stop) throws RootIOException {
        if (start < 0 || stop < start || stop > entries())
            throw new RootIOException("rootio: entry range [" + start + ", " + stop + ") is outside tree '" + name + "' of "
                    + file.name() + ", which has " + entries() + " entries");
        List<BranchPlan> wanted = new ArrayList<>();
        for (String b : branches) {
            BranchPlan p = plan(b);
            if (p.unsupported != null)
                throw new UnsupportedFormatException(where(p) + ": cannot read it: " + p.unsupported);
            if (!wanted.contains(p)) wanted.add(p);
        }
        // which baskets of which branch overlap [start, stop)
        List<BranchPlan> owners = new ArrayList<>();
        List<BasketRef> refs = new ArrayList<>();
        for (BranchPlan p : wanted) {
            if (p.branch.fEntries < stop)
                throw new RootIOException(where(p) + ": branch has " + p.branch.fEntries + " entries, fewer than the " + stop + " asked for");
            for (BasketRef r : p.baskets(where(p)))
                if (r.entryStop() > start && r.entryStart() < stop) { owners.add(p); refs.add(r); }
        }
        BasketBytes[] decoded = decode(owners, refs);
        Map<String, ColumnArray> out = new LinkedHashMap<>();
        int k = 0;
        for (BranchPlan p : wanted) {
            List<BasketBytes> mine = new ArrayList<>();
            while (k < owners.size() && owners.get(k) == p) mine.add(decoded[k++]);
            int[] counts = null;
            long countsStart = 0;
            if (p.jagged() && !mine.isEmpty() && mine.stream().anyMatch(b -> b.entryOffsets() == null)) {
                countsStart = mine.get(0).ref().entryStart();
                counts = counterValues(p, countsStart, mine.get(mine.size() - 1).ref().entryStop());
            }
            out.put(p.name, Columns.assemble(p, mine, start, stop, counts, countsStart, where(p)));
            for (int i = 0; i < mine.size(); i++) decoded[k - mine.size() + i] = null; // let the basket bytes go
        }
        Map<String, ColumnArray> result = new LinkedHashMap<>();
        for (String b : branches) result.put(b, out.get(b));
        return result;
    }

    private int[] counterValues(BranchPlan p, long from, long to) throws RootIOException {
        if (!plans.containsKey(p.counter))
            throw new UnsupportedFormatException(where(p) + ": baskets have no entry offsets and the counter branch '" + p.counter + "' is not in the tree");
        ColumnArray c = serial().read(p.counter, from, to);
        double[] d = c.toDoubles();
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) out[i] = (int) d[i];
        return out;
    }

    /** Fetches all basket records in one request and decompresses each once. */
    private BasketBytes[] decode(List<BranchPlan> owners, List<BasketRef> refs) throws RootIOException {
        int n = refs.size();
        long[] offs = new long[n];
        int[] lens = new int[n];
        int disk = 0;
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            BasketRef r = refs.get(i);
            if (r.embedded() != null) continue;
            file.checkRange(r.seek(), r.bytes(), "branch " + owners.get(i).name + " of tree " + name + ", basket " + r.number());
            offs[disk] = r.seek(); lens[disk] = r.bytes(); disk++;
            bytes += r.bytes();
        }
        byte[][] records = new byte[n][];
        if (disk > 0) {
            java.nio.ByteBuffer[] bufs;
            try {
                bufs = file.source().readv(java.util.Arrays.copyOf(offs, disk), java.util.Arrays.copyOf(lens, disk));
            } catch (RootIOException e) {
                throw e;
            } catch (java.io.IOException e) {
                throw new RootIOException("rootio: " + file.name() + ", tree " + name + ": cannot read " + disk + " baskets: " + e.getMessage(), e);
            }
            int j = 0;
            for (int i = 0; i < n; i++) if (refs.get(i).embedded() == null) records[i] = array(bufs[j++]);
        }
        BasketBytes[] out = new BasketBytes[n];
        if (parallel && n > 1 && bytes >= PARALLEL_MIN_BYTES && ForkJoinPool.getCommonPoolParallelism() > 1) {
            RootIOException[] failure = new RootIOException[1];
            List<RecursiveAction> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int idx = i;
                tasks.add(new RecursiveAction() {
                    @Override protected void compute() {
                        try {
                            out[idx] = BasketDecoder.decode(refs.get(idx), records[idx], owners.get(idx).jagged(), where(owners.get(idx)));
                        } catch (RootIOException e) {
                            synchronized (failure) { if (failure[0] == null) failure[0] = e; }
                        }
                    }
                });
            }
            ForkJoinTask.invokeAll(tasks);
            if (failure[0] != null) throw failure[0];
        } else {
            for (int i = 0; i < n; i++) out[i] = BasketDecoder.decode(refs.get(i), records[i], owners.get(i).jagged(), where(owners.get(i)));
        }
        return out;
    }

    private static byte[] array(java.nio.ByteBuffer b) {
        if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.remaining() == b.array().length) return b.array();
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Override public String toString() { return "Tree(" + name + " in " + file.name() + ", " + entries() + " entries)"; }
}
