package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TreeReducerTest {
    static String merge(String a, String b) { return "(" + a + "+" + b + ")"; }

    @Test
    void treeShapeIsFixedByIndices() {
        TreeReducer<String> r = new TreeReducer<>(5, 2, TreeReducerTest::merge);
        for (int i = 4; i >= 0; i--) r.offer(i, String.valueOf(i));
        assertEquals("(((0+1)+(2+3))+4)", r.result());
        TreeReducer<String> r3 = new TreeReducer<>(7, 3, TreeReducerTest::merge);
        for (int i = 0; i < 7; i++) r3.offer(i, String.valueOf(i));
        assertEquals("((((0+1)+2)+((3+4)+5))+6)", r3.result());
    }

    @Test
    void arrivalOrderAndThreadsDoNotMatter() throws Exception {
        int n = 203;
        TreeReducer<String> ref = new TreeReducer<>(n, 4, TreeReducerTest::merge);
        for (int i = 0; i < n; i++) ref.offer(i, i % 17 == 0 ? null : String.valueOf(i));
        String expected = ref.result();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        for (int trial = 0; trial < 5; trial++) {
            Collections.shuffle(order, new Random(trial));
            TreeReducer<String> r = new TreeReducer<>(n, 4, TreeReducerTest::merge);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i : order) pool.submit(() -> r.offer(i, i % 17 == 0 ? null : String.valueOf(i)));
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertTrue(r.isDone());
            assertEquals(expected, r.result());
        }
        assertFalse(expected.contains("(17+") || expected.contains("+17)"));
    }

    @Test
    void edgeCases() {
        assertNull(new TreeReducer<String>(0, 2, TreeReducerTest::merge).result());
        TreeReducer<String> one = new TreeReducer<>(1, 2, TreeReducerTest::merge);
        one.offer(0, "x");
        assertEquals("x", one.result());
        TreeReducer<String> allNull = new TreeReducer<>(3, 2, TreeReducerTest::merge);
        for (int i = 0; i < 3; i++) allNull.offer(i, null);
        assertNull(allNull.result());
        TreeReducer<String> partial = new TreeReducer<>(3, 2, TreeReducerTest::merge);
        partial.offer(0, "a");
        assertThrows(IllegalStateException.class, partial::result);
        assertThrows(IllegalArgumentException.class, () -> new TreeReducer<String>(3, 1, TreeReducerTest::merge));
    }

    @Test
    void partialsBesideFailedLeavesRebuildTheCleanTreeExactly() {
        int n = 23, k = 3;
        TreeReducer<String> clean = new TreeReducer<>(n, k, TreeReducerTest::merge);
        for (int i = 0; i < n; i++) clean.offer(i, i == 5 ? null : String.valueOf(i));
        java.util.Set<Integer> failing = java.util.Set.of(1, 7, 8, 22);
        TreeReducer<String> broken = new TreeReducer<>(n, k, TreeReducerTest::merge);
        for (int i = n - 1; i >= 0; i--) {
            if (failing.contains(i)) broken.fail(i);
            else broken.offer(i, i == 5 ? null : String.valueOf(i));
        }
        assertTrue(broken.failed());
        assertFalse(java.util.List.of(broken.result().split("[()+]")).contains("7"));
        // a second attempt: leaf 8 fails again
        TreeReducer<String> second = new TreeReducer<>(n, k, TreeReducerTest::merge);
        for (var p : broken.partials()) second.offerNode(p.level(), p.index(), p.value());
        for (int i : failing) { if (i == 8) second.fail(i); else second.offer(i, String.valueOf(i)); }
        assertTrue(second.failed());
        TreeReducer<String> third = new TreeReducer<>(n, k, TreeReducerTest::merge);
        for (var p : second.partials()) third.offerNode(p.level(), p.index(), p.value());
        third.offer(8, "8");
        assertFalse(third.failed());
        assertEquals(clean.result(), third.result());
    }
}
