package pocket.run;

import java.util.function.BinaryOperator;

/**
 * Merges n values, delivered in any order from any thread, by a fixed tree of fan-in k over
 * their indices: each group of k siblings is summed left to right as soon as it is complete.
 * The result depends only on the values, never on arrival order, so every executor merges a
 * run's chunk outputs identically. Missing values (null) are left out.
 */
public final class TreeReducer<T> {
    private final int fanIn;
    private final BinaryOperator<T> add;
    private final Node[][] levels;
    private final int n;
    private volatile T result;
    private volatile boolean done;

    private static final class Node {
        final Object[] children;
        int arrived;
        Node(int n) { children = new Object[n]; }
    }

    public TreeReducer(int n, int fanIn, BinaryOperator<T> add) {
        if (fanIn < 2) throw new IllegalArgumentException("tree-reduction fan-in must be at least 2, got " + fanIn);
        this.fanIn = fanIn;
        this.add = add;
        java.util.List<Node[]> ls = new java.util.ArrayList<>();
        int size = n;
        while (size > 1) {
            int parents = (size + fanIn - 1) / fanIn;
            Node[] level = new Node[parents];
            for (int i = 0; i < parents; i++) level[i] = new Node(Math.min(fanIn, size - i * fanIn));
            ls.add(level);
            size = parents;
        }
        levels = ls.toArray(new Node[0][]);
        this.n = n;
        if (n == 0) done = true;
    }

    /** Delivers leaf {@code index} (null: nothing to add, e.g. a failed chunk). */
    public void offer(int index, T value) {
        if (index < 0 || index >= n) throw new IndexOutOfBoundsException("leaf " + index + " of " + n);
        deliver(0, index, value);
    }

    @SuppressWarnings("unchecked")
    private void deliver(int level, int index, T value) {
        while (true) {
            if (level == levels.length) { result = value; done = true; return; }
            Node parent = levels[level][index / fanIn];
            boolean complete;
            synchronized (parent) {
                parent.children[index % fanIn] = value;
                complete = ++parent.arrived == parent.children.length;
            }
            if (!complete) return;
            T sum = null;
            for (Object c : parent.children) {
                if (c == null) continue;
                sum = sum == null ? (T) c : add.apply(sum, (T) c);
            }
            java.util.Arrays.fill(parent.children, null);
            value = sum;
            index = index / fanIn;
            level++;
        }
    }

    public boolean isDone() { return done; }

    /** The merged value once every leaf arrived (null when none had a value). */
    public T result() {
        if (!done) throw new IllegalStateException("tree reduction not finished: leaves are still missing");
        return result;
    }
}
