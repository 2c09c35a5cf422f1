package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pocket.workflow.Chunk;

class LeafLayoutTest {
    static List<Chunk> chunks(Object... datasetAndCount) {
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < datasetAndCount.length; i += 2)
            for (int j = 0; j < (int) datasetAndCount[i + 1]; j++)
                out.add(new Chunk((String) datasetAndCount[i], "f.root", "Events", j * 10L, j * 10L + 10, Map.of()));
        return out;
    }

    @Test void eachDatasetStartsAtAMultipleOfItsOwnTreeSize() {
        // fan-in 2: A (3 chunks, a tree of 4 leaves) at 0; B (5, tree of 8) at 8; C (1) right after B
        LeafLayout l = LeafLayout.of(chunks("A", 3, "B", 5, "C", 1), 2);
        assertEquals(List.of(0, 1, 2, 8, 9, 10, 11, 12, 13), l.leafOfChunk());
        assertEquals(14, l.leaves());
        // one dataset: leaves 0..n-1 as before
        assertEquals(List.of(0, 1, 2, 3, 4), LeafLayout.of(chunks("A", 5), 20).leafOfChunk());
        // fan-in 20: 15 then 5 chunks: the second dataset's tree (5 leaves) fits in one node, starting at 20
        assertEquals(20, LeafLayout.of(chunks("A", 15, "B", 5), 20).leafOfChunk().get(15));
    }

    @Test void aDatasetSumsAsItWouldAlone() {
        // strings show the association: B's sum is the same alone and after A
        LeafLayout both = LeafLayout.of(chunks("A", 3, "B", 5), 2);
        TreeReducer<String> t = new TreeReducer<>(both.leaves(), 2, (x, y) -> "(" + x + "+" + y + ")");
        boolean[] used = new boolean[both.leaves()];
        for (int i = 0; i < 8; i++) { used[both.leafOfChunk().get(i)] = true; t.offer(both.leafOfChunk().get(i), (i < 3 ? "a" : "b") + (i < 3 ? i : i - 3)); }
        for (int i = 0; i < used.length; i++) if (!used[i]) t.offer(i, null);
        TreeReducer<String> alone = new TreeReducer<>(5, 2, (x, y) -> "(" + x + "+" + y + ")");
        for (int i = 0; i < 5; i++) alone.offer(i, "b" + i);
        assertTrue(t.result().endsWith("+" + alone.result() + ")"), t.result() + " vs " + alone.result());
    }
}
