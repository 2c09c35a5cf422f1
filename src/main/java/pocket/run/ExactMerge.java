package pocket.run;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import pocket.workflow.Chunk;
import pocket.workflow.ChunkProcessor;
import pocket.workflow.Output;

/**
 * The run's own merge tree, fed by a wrapper around the processor, so the runner knows which
 * complete subtrees lie beside failed chunks whatever the executor does with its outputs. Works
 * for executors that call the processor in this JVM; for others {@link #finish} gives null and
 * the executor's merged output is used as it is.
 */
final class ExactMerge {
    private final Map<Chunk, Integer> leafOf = new IdentityHashMap<>();
    private final Map<Chunk, Output> extras = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
    private final List<Chunk> chunks;
    private final Set<Integer> delivered = ConcurrentHashMap.newKeySet();
    private final TreeReducer<Output> tree;

    /**
     * @param leaves each chunk's leaf index in {@code tree}; -1 for a chunk outside the tree (a file
     *               that could not be opened before, now chunked), whose output is kept apart
     */
    ExactMerge(TreeReducer<Output> tree, List<Chunk> chunks, List<Integer> leaves) {
        this.tree = tree;
        this.chunks = chunks;
        for (int i = 0; i < chunks.size(); i++) leafOf.put(chunks.get(i), leaves.get(i));
    }

    /** A run's own plan: the chunks at the leaves of their {@link LeafLayout}. */
    static ExactMerge ofPlan(List<Chunk> chunks, LeafLayout layout, int fanIn) {
        return new ExactMerge(layout.newTree(fanIn), chunks, layout.leafOfChunk());
    }

    /** The outputs of the chunks outside the tree, summed in chunk order (null: none). */
    Output extras() {
        Output sum = null;
        for (Chunk c : chunks) {
            Output o = extras.get(c);
            if (o != null) sum = sum == null ? o : sum.add(o);
        }
        return sum;
    }

    ChunkProcessor wrap(ChunkProcessor p) {
        return c -> {
            Output o = p.process(c);
            Integer i = leafOf.get(c);
            if (i == null || o == null) return o;
            if (i < 0) extras.put(c, o);
            else if (delivered.add(i)) tree.offer(i, o);
            return o;
        };
    }

    /** The tree once every leaf of this execution is accounted for by the fates, else null. */
    TreeReducer<Output> finish(List<ChunkFate> fates) {
        for (ChunkFate f : fates) {
            Integer i = leafOf.get(f.chunk());
            if (i == null) continue;
            if (i < 0) {
                if (f.status() == ChunkFate.Status.PROCESSED && !extras.containsKey(f.chunk())) return null;
                continue;
            }
            switch (f.status()) {
                case PROCESSED -> { if (!delivered.contains(i)) return null; }
                case SKIPPED -> { if (delivered.add(i)) tree.offer(i, null); }
                case FAILED -> { if (delivered.add(i)) tree.fail(i); }
            }
        }
        return tree.isDone() ? tree : null;
    }
}
