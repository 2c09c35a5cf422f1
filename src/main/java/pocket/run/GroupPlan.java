package pocket.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import pocket.config.Dataset;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

/**
 * What one output group (all datasets, or one with {@code -ps}) will run: its chunks, each chunk's
 * leaf in the merge tree, and what an earlier run left to add to. A fresh run, a worker's or
 * caller's explicit chunks and a {@code --resubmit-failed} are three ways to build it; running it
 * is the same for all three.
 */
record GroupPlan(String name, List<Dataset> datasets, ChunkPlan chunks, List<Integer> leaves,
                 ExactMerge exact, Output extraBefore, Output earlierRaw, boolean resubmission, List<ChunkFate> restored) {

    /** Every chunk of the datasets, merged in a fresh tree. */
    static GroupPlan fresh(String name, List<Dataset> datasets, String tree, RunOptions opts, EntryCounter counter) {
        ChunkPlan plan = ChunkPlan.of(datasets, tree, opts, counter,
                opts.has("limit-chunks") ? 1 : Math.min(16, Math.max(opts.getInt("scaleout", 1), 4)));
        return inFreshTree(name, datasets, plan, opts);
    }

    /** Exactly the given chunks of these datasets, merged in a fresh tree; null when none of them belongs here. */
    static GroupPlan explicit(String name, List<Dataset> datasets, List<Chunk> given, RunOptions opts, EntryCounter counter) {
        ChunkPlan plan = Runner.explicitPlan(datasets, given, Map.of(), opts, counter);
        return plan.chunks().isEmpty() && plan.unopened().isEmpty() ? null : inFreshTree(name, datasets, plan, opts);
    }

    /**
     * The earlier run's failed chunks, at their leaves of its merge tree (rebuilt from its partials,
     * so the result equals a clean run bit for bit), and its skipped chunks (outside the tree, added
     * in chunk order), all added to its raw output; null when none failed or was skipped here.
     */
    static GroupPlan resubmit(String name, List<Dataset> datasets, RunFolder folder, RunFolder.Failures earlier,
                              boolean separately, RunOptions opts, EntryCounter counter) throws IOException {
        List<Chunk> again = new ArrayList<>();
        earlier.failed().forEach(f -> again.add(f.chunk()));
        earlier.skipped().forEach(f -> again.add(f.chunk()));
        ChunkPlan plan = Runner.explicitPlan(datasets, again, earlier.processedPerDataset(), opts, counter);
        if (plan.chunks().isEmpty() && plan.unopened().isEmpty()) return null;
        Output raw = folder.readRaw(name);
        if (raw == null)
            throw new IOException("cannot resubmit: " + folder.rawOutput(name) + " of the earlier run is missing"
                    + " (was it run " + (separately ? "without" : "with") + " -ps?)");
        List<Integer> leaves = leavesOf(plan.chunks(), earlier);
        RunFolder.Partials parts = folder.readPartials(name);
        ExactMerge exact = parts == null ? null : new ExactMerge(parts.tree(), plan.chunks(), leaves);
        return new GroupPlan(name, datasets, plan, leaves, exact, parts == null ? null : parts.extra(), raw, true, List.of());
    }

    private static GroupPlan inFreshTree(String name, List<Dataset> datasets, ChunkPlan plan, RunOptions opts) {
        int fanIn = opts.getInt("tree-reduction", 20);
        LeafLayout layout = LeafLayout.of(plan.chunks(), fanIn);
        return new GroupPlan(name, datasets, plan, layout.leafOfChunk(), ExactMerge.ofPlan(plan.chunks(), layout, fanIn), null, null, false, List.of());
    }

    /**
     * An interrupted run's plan from its checkpoint: the leaves it finished go into a fresh tree of
     * the same shape as they were, the rest run now, so the result is the uninterrupted run's bit for bit.
     */
    static GroupPlan resumed(Checkpoint.SavedPlan saved, List<Dataset> datasets, List<Checkpoint.Done> done) {
        List<Chunk> all = saved.chunks();
        LeafLayout layout = LeafLayout.of(all, saved.fanIn());
        TreeReducer<Output> tree = layout.newTree(saved.fanIn());
        Map<Integer, Integer> chunkAt = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) chunkAt.put(layout.leafOfChunk().get(i), i);
        boolean[] finished = new boolean[all.size()];
        List<ChunkFate> restored = new ArrayList<>();
        for (Checkpoint.Done d : done) {
            Integer i = chunkAt.get(d.leaf());
            if (i == null || finished[i]) continue;
            finished[i] = true;
            tree.offer(d.leaf(), d.output());
            ChunkFate f = d.fate();
            restored.add(new ChunkFate(all.get(i), f.status(), f.reason(), f.traceback(), f.attempts(), f.seconds(), f.kind()));
        }
        List<Chunk> rest = new ArrayList<>();
        List<Integer> leaves = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (!finished[i]) { rest.add(all.get(i)); leaves.add(layout.leafOfChunk().get(i)); }
        ChunkPlan plan = new ChunkPlan(rest, saved.unopened(), saved.events());
        return new GroupPlan(saved.group(), datasets, plan, leaves, new ExactMerge(tree, rest, leaves), null, null, false, restored);
    }

    /** What the checkpoint keeps of this plan: every chunk at its leaf. Only a run's own plan has one. */
    Checkpoint.SavedPlan saved(int fanIn) {
        return new Checkpoint.SavedPlan(name, chunks.chunks(), chunks.unopened(), chunks.eventsPerDataset(), fanIn);
    }

    /** Each chunk's leaf in the earlier run's tree: the failed chunk it is (same instance), else -1. */
    private static List<Integer> leavesOf(List<Chunk> chunks, RunFolder.Failures earlier) {
        Map<Chunk, Integer> leaf = new IdentityHashMap<>();
        for (int i = 0; i < earlier.failed().size(); i++) leaf.put(earlier.failed().get(i).chunk(), earlier.leaves().get(i));
        List<Integer> out = new ArrayList<>();
        for (Chunk c : chunks) out.add(leaf.getOrDefault(c, -1));
        return out;
    }

    boolean contains(String dataset) { return datasets.stream().anyMatch(d -> d.name().equals(dataset)); }
}
