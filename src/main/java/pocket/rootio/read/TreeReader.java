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
import pocket.rootio.FileBytes;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.rootio.UnsupportedFormatException;
import pocket.rootio.model.TTree;

/**
 * A TTree read as columns. One read is: plan the overlapping baskets of every requested branch,
 * fetch their bytes in one request, decompress each basket once (in parallel when there are
 * several and the reader is not {@link #serial()}), then trim and join per branch.
 * Immutable after construction, so reads may run on many threads at once.
 */
public final class TreeReader implements Tree {
    private static final java.util.Set<pocket.rootio.LeafType> INTEGER_COUNTERS = java.util.EnumSet.of(pocket.rootio.LeafType.INT8,
            pocket.rootio.LeafType.UINT8, pocket.rootio.LeafType.INT16, pocket.rootio.LeafType.UINT16, pocket.rootio.LeafType.INT32,
            pocket.rootio.LeafType.UINT32, pocket.rootio.LeafType.INT64, pocket.rootio.LeafType.UINT64);

    /** Below this many compressed bytes a read decompresses on the calling thread. */
    private static final long PARALLEL_MIN_BYTES = 256 * 1024;

    private final FileBytes file;
    private final String name;
    private final TTree model;
    private final Map<String, BranchPlan> plans;
    private final boolean parallel;

    public TreeReader(FileBytes file, String name, TTree model) {
        this(file, name, model, BranchPlans.of(model, file.compression()), true);
    }

    private TreeReader(FileBytes file, String name, TTree model, Map<String, BranchPlan> plans, boolean parallel) {
        this.file = file; this.name = name; this.model = model; this.plans = plans; this.parallel = parallel;
    }

    /** The same tree, decompressing on the calling thread only (for executors that already run one chunk per core). */
    public TreeReader serial() { return parallel ? new TreeReader(file, name, model, plans, false) : this; }

    public TTree model() { return model; }
    public FileBytes file() { return file; }

    @Override public String name() { return name; }
    @Override public String fileName() { return file.name(); }
    @Override public long entries() { return model.fEntries(); }
    @Override public List<String> branchNames() { return List.copyOf(plans.keySet()); }
    @Override public boolean hasBranch(String branch) { return plans.containsKey(branch); }

    @Override public BranchInfo branch(String branch) throws RootIOException {
        BranchPlan p = plan(branch);
        return p.info(compressions().getOrDefault(p.name, p.compression()));
    }

    private volatile Map<String, String> compressions;

    /**
     * What each branch's baskets are really compressed with: uproot writes fCompress 0 and
     * still compresses, so the first basket's block header is read (all branches in one request).
     */
    private Map<String, String> compressions() throws RootIOException {
        Map<String, String> c = compressions;
        if (c != null) return c;
        List<BranchPlan> withDisk = new ArrayList<>();
        List<BasketRef> firsts = new ArrayList<>();
        for (BranchPlan p : plans.values()) {
            for (BasketRef r : p.baskets(where(p)))
                if (r.embedded() == null) { withDisk.add(p); firsts.add(r); break; }
        }
        long[] offs = new long[firsts.size()];
        int[] lens = new int[firsts.size()];
        for (int i = 0; i < offs.length; i++) {
            offs[i] = firsts.get(i).seek();
            lens[i] = (int) Math.min(firsts.get(i).bytes(), Math.min(512, file.size() - offs[i]));
        }
        java.nio.ByteBuffer[] heads;
        try {
            heads = file.readv(offs, lens);
        } catch (java.io.IOException e) {
            throw new RootIOException("rootio: " + file.name() + ", tree " + name + ": cannot read basket headers: " + e.getMessage(), e);
        }
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < heads.length; i++) {
            BranchPlan p = withDisk.get(i);
            out.put(p.name, BasketDecoder.compressionOf(array(heads[i]), firsts.get(i).bytes(), p.compression(), file.compression()));
        }
        compressions = out;
        return out;
    }

    /** The read plan of a branch (baskets, type, counter). */
    public BranchPlan plan(String branch) throws MissingObjectException {
        BranchPlan p = plans.get(branch);
        if (p == null)
            throw Tree.noSuchBranch(this, "tree", branch, plans.keySet());
        return p;
    }

    private String where(BranchPlan p) { return "rootio: " + file.name() + ", branch " + p.name + " of tree " + name; }

    @Override
    public ColumnArray read(String branch, long start, long stop) throws RootIOException {
        return read(List.of(branch), start, stop).get(branch);
    }

    @Override
    public Map<String, ColumnArray> read(Collection<String> branches, long start, long stop) throws RootIOException {
        Tree.checkRange(this, "tree", start, stop);
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
        java.nio.ByteBuffer[] records = fetch(owners, refs);
        // one fill per branch; baskets in entry order
        List<BranchFill> fills = new ArrayList<>();
        Map<String, ColumnArray> out = new LinkedHashMap<>();
        int k = 0;
        for (BranchPlan p : wanted) {
            List<BasketDecoder.Layout> layouts = new ArrayList<>();
            while (k < owners.size() && owners.get(k) == p) {
                java.nio.ByteBuffer rec = records[k];
                layouts.add(BasketDecoder.layout(refs.get(k), rec, rec == null ? 0 : rec.position(), where(p)));
                records[k++] = null;
            }
            BranchFill f = new BranchFill(p, layouts, start, stop, where(p));
            if (f.selfDescribing()) {
                f.prepare();
                fills.add(f);
            } else {
                out.put(p.name, slowJagged(p, layouts, start, stop));
            }
        }
        // a jagged branch read with its counter (Jet_pt with nJet) takes its offsets from the
        // counter's values, as ROOT does, instead of parsing an entry-offset table per basket
        Map<String, BranchFill> counters = new java.util.HashMap<>();
        for (BranchFill f : fills)
            if (!f.plan.jagged() && f.plan.fixedLength == 1 && INTEGER_COUNTERS.contains(f.plan.type)) counters.put(f.plan.name, f);
        for (BranchFill f : fills)
            if (f.plan.jagged() && counters.containsKey(f.plan.counter)) f.useCounter();
        run(fills);
        Map<String, int[]> prefixes = new java.util.HashMap<>();
        for (BranchFill f : fills)
            if (f.usesCounter()) {
                BranchFill c = counters.get(f.plan.counter);
                int[] prefix = prefixes.get(c.plan.name);
                if (prefix == null) prefixes.put(c.plan.name, prefix = runningSum(c.result(), where(c.plan), start));
                f.offsetsFrom(prefix);
            }
        for (BranchFill f : fills) out.put(f.plan.name, f.result());
        Map<String, ColumnArray> result = new LinkedHashMap<>();
        for (String b : branches) result.put(b, out.get(b));
        return result;
    }

    /** 0, c0, c0+c1, ...: the offsets a counter's values give; a negative count or an overflowing total is a corrupt counter. */
    private static int[] runningSum(ColumnArray counter, String where, long start) throws RootIOException {
        int n = (int) counter.entries;
        long[] counts = new long[n];
        switch (counter.type) {
            case INT8 -> { byte[] a = counter.bytes(); for (int i = 0; i < n; i++) counts[i] = a[i]; }
            case UINT8 -> { byte[] a = counter.bytes(); for (int i = 0; i < n; i++) counts[i] = a[i] & 0xff; }
            case INT16 -> { short[] a = counter.shorts(); for (int i = 0; i < n; i++) counts[i] = a[i]; }
            case UINT16 -> { short[] a = counter.shorts(); for (int i = 0; i < n; i++) counts[i] = a[i] & 0xffff; }
            case INT32 -> { int[] a = counter.ints(); for (int i = 0; i < n; i++) counts[i] = a[i]; }
            case UINT32 -> { int[] a = counter.ints(); for (int i = 0; i < n; i++) counts[i] = a[i] & 0xffffffffL; }
            default -> System.arraycopy(counter.longs(), 0, counts, 0, n);   // INT64, UINT64 (a huge one shows as negative)
        }
        int[] out = new int[n + 1];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            long c = counts[i];
            if (c < 0 || (sum += c) > Integer.MAX_VALUE - 16)
                throw new pocket.rootio.CorruptDataException(where + ": counter value " + c + " at entry " + (start + i)
                        + (c < 0 ? " is negative" : " makes more values than one Java array holds; read a smaller range"));
            out[i + 1] = (int) sum;
        }
        return out;
    }

    /** A jagged branch whose baskets carry no entry-offset table: offsets come from the counter branch. */
    private ColumnArray slowJagged(BranchPlan p, List<BasketDecoder.Layout> layouts, long start, long stop) throws RootIOException {
        List<BasketBytes> mine = new ArrayList<>();
        for (int i = 0; i < layouts.size(); i++) mine.add(BasketDecoder.decode(layouts.get(i), true));
        long countsStart = mine.get(0).ref().entryStart();
        int[] counts = counterValues(p, countsStart, mine.get(mine.size() - 1).ref().entryStop());
        return Columns.assemble(p, mine, start, stop, counts, countsStart, where(p));
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

    /** The stored records of the disk baskets, fetched in one request (null for embedded baskets), each from its buffer's position. */
    private java.nio.ByteBuffer[] fetch(List<BranchPlan> owners, List<BasketRef> refs) throws RootIOException {
        int n = refs.size();
        long[] offs = new long[n];
        int[] lens = new int[n];
        int disk = 0;
        for (int i = 0; i < n; i++) {
            BasketRef r = refs.get(i);
            if (r.embedded() != null) continue;
            BranchPlan owner = owners.get(i);
            file.checkRange(r.seek(), r.bytes(), () -> "branch " + owner.name + " of tree " + name + ", basket " + r.number());
            offs[disk] = r.seek(); lens[disk] = r.bytes(); disk++;
        }
        java.nio.ByteBuffer[] records = new java.nio.ByteBuffer[n];
        if (disk == 0) return records;
        java.nio.ByteBuffer[] bufs;
        try {
            bufs = file.readv(java.util.Arrays.copyOf(offs, disk), java.util.Arrays.copyOf(lens, disk));
        } catch (RootIOException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new RootIOException("rootio: " + file.name() + ", tree " + name + ": cannot read " + disk + " baskets: " + e.getMessage(), e);
        }
        int j = 0;
        for (int i = 0; i < n; i++)
            if (refs.get(i).embedded() == null) records[i] = bufs[j++];
        return records;
    }

    /**
     * Fills every basket of every branch: in parallel only on the fork-join pool the caller runs in
     * (the futures executor's, of scaleout threads), so that a run uses the cores it was given and
     * no more; a caller outside such a pool (iterative, a batch job's single core) decompresses
     * on its own thread.
     */
    private void run(List<BranchFill> fills) throws RootIOException {
        int jobs = 0;
        long bytes = 0;
        for (BranchFill f : fills) {
            jobs += f.layouts.size();
            for (BasketDecoder.Layout l : f.layouts) bytes += l.objlen();
        }
        ForkJoinPool pool = ForkJoinTask.getPool();
        if (!parallel || jobs < 2 || bytes < PARALLEL_MIN_BYTES || pool == null || pool.getParallelism() < 2) {
            for (BranchFill f : fills) for (int k = 0; k < f.layouts.size(); k++) f.fill(k);
            return;
        }
        RootIOException[] failure = new RootIOException[1];
        List<RecursiveAction> tasks = new ArrayList<>(jobs);
        for (BranchFill f : fills)
            for (int k = 0; k < f.layouts.size(); k++) {
                int idx = k;
                tasks.add(new RecursiveAction() {
                    @Override protected void compute() {
                        try {
                            f.fill(idx);
                        } catch (RootIOException e) {
                            synchronized (failure) { if (failure[0] == null) failure[0] = e; }
                        }
                    }
                });
            }
        ForkJoinTask.invokeAll(tasks);
        if (failure[0] != null) throw failure[0];
    }

    private static byte[] array(java.nio.ByteBuffer b) {
        if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.remaining() == b.array().length) return b.array();
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Override public String toString() { return "Tree(" + name + " in " + file.name() + ", " + entries() + " entries)"; }
}
