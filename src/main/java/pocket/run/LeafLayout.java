package pocket.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

/**
 * Where each chunk of a group sits in its merge tree. Each dataset's chunks start at a leaf that
 * is a multiple of fanIn^d, d being the depth of the tree the dataset would have alone, so its
 * sums are associated exactly as in a run of that dataset alone: outputs of runs over disjoint
 * datasets, added, equal one run over all of them bit for bit (chunk outputs of different
 * datasets have disjoint keys, so adding them copies and never rounds).
 */
record LeafLayout(List<Integer> leafOfChunk, int leaves) {
    LeafLayout {
        leafOfChunk = List.copyOf(leafOfChunk);
    }

    static LeafLayout of(List<Chunk> chunks, int fanIn) {
        Map<String, List<Integer>> byDataset = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) byDataset.computeIfAbsent(chunks.get(i).dataset(), k -> new ArrayList<>()).add(i);
        Integer[] leaf = new Integer[chunks.size()];
        long next = 0;
        for (List<Integer> members : byDataset.values()) {
            long block = 1;
            while (block < members.size()) block *= fanIn;
            long start = (next + block - 1) / block * block;
            for (int j = 0; j < members.size(); j++) leaf[members.get(j)] = Math.toIntExact(start + j);
            next = start + members.size();
        }
        List<Integer> out = new ArrayList<>(chunks.size());
        Collections.addAll(out, leaf);
        return new LeafLayout(out, Math.toIntExact(next));
    }

    /** A tree of this layout's size, the leaves no chunk sits at already delivered empty. */
    TreeReducer<Output> newTree(int fanIn) {
        TreeReducer<Output> tree = new TreeReducer<>(leaves, fanIn, Output::add);
        boolean[] used = new boolean[leaves];
        for (int l : leafOfChunk) used[l] = true;
        for (int l = 0; l < leaves; l++) if (!used[l]) tree.offer(l, null);
        return tree;
    }
}
