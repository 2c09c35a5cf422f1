package pocket.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Merges n values, delivered in any order from any thread, by a fixed tree of fan-in k over
 * their indices: each group of k siblings is summed left to right as soon as it is complete.
 * The result depends only on the values, never on arrival order, so every executor merges a
 * run's chunk outputs identically. Missing values (null) are left out.
 *
 * <p>A leaf can also be marked failed: every node above it is then failed too, and its complete
 * sibling subtrees are kept as {@link #partials()}. Delivering those partials again (with
 * {@link #offerNode}) plus the failed leaves' values later rebuilds exactly the tree of a run
 * where nothing failed; this is how --resubmit-failed gives the clean result bit for bit.
 */
public final class TreeReducer<T> {
    private static final Object FAILED = new Object() { @Override public String toString() { return "FAILED"; } };

    private final int fanIn, n;
    private final BinaryOperator<T> add;
    private final Node[][] levels;
    private final List<Partial<T>> partials = new ArrayList<>();
    private volatile Object root;
    private volatile boolean done;

    /** A complete subtree: node {@code index} at {@code level} (0: the leaves), and its sum (null: empty). */
    public record Partial<T>(int level, int index, T value) {}

    private static final class Node {
        final Object[] children;
        int arrived;
        Node(int n) { children = new Object[n]; }
    }

    public TreeReducer(int n, int fanIn, BinaryOperator<T> add) {
        if (fanIn < 2) throw new IllegalArgumentException("tree-reduction fan-in must be at least 2, got " + fanIn);
        this.fanIn = fanIn;
        this.add = add;
        this.n = n;
        List<Node[]> ls = new ArrayList<>();
        int size = n;
        while (size > 1) {
            int parents = (size + fanIn - 1) / fanIn;
            Node[] level = new Node[parents];
            for (int i = 0; i < parents; i++) level[i] = new Node(Math.min(fanIn, size - i * fanIn));
            ls.add(level);
            size = parents;
        }
        levels = ls.toArray(new Node[0][]);
        if (n == 0) done = true;
    }

    public int leaves() { return n; }
    public int fanIn() { return fanIn; }

    /** Delivers leaf {@code index} (null: nothing to add, e.g. a skipped chunk). */
    public void offer(int index, T value) {
        if (index < 0 || index >= n) throw new IndexOutOfBoundsException("leaf " + index + " of " + n);
        deliver(0, index, value);
    }

    /** Marks leaf {@code index} failed. */
    public void fail(int index) {
        if (index < 0 || index >= n) throw new IndexOutOfBoundsException("leaf " + index + " of " + n);
        deliver(0, index, FAILED);
    }

    /** Delivers a complete subtree (a partial of an earlier run) in place of all the leaves below it. */
    public void offerNode(int level, int index, T value) {
        if (level < 0 || level > levels.length) throw new IndexOutOfBoundsException("level " + level + " of " + levels.length);
        deliver(level, index, value);
    }

    @SuppressWarnings("unchecked")
    private void deliver(int level, int index, Object value) {
        while (true) {
            if (level == levels.length) { root = value; done = true; return; }
            Node parent = levels[level][index / fanIn];
            boolean complete;
            synchronized (parent) {
                parent.children[index % fanIn] = value;
                complete = ++parent.arrived == parent.children.length;
            }
            if (!complete) return;
            int first = (index / fanIn) * fanIn;
            boolean failed = false;
            for (Object c : parent.children) failed |= c == FAILED;
            Object sum = null;
            if (failed) {
                synchronized (partials) {
                    for (int j = 0; j < parent.children.length; j++)
                        if (parent.children[j] != FAILED) partials.add(new Partial<>(level, first + j, (T) parent.children[j]));
                }
                sum = FAILED;
            } else {
                for (Object c : parent.children) {
                    if (c == null) continue;
                    sum = sum == null ? c : add.apply((T) sum, (T) c);
                }
            }
            Arrays.fill(parent.children, null);
            value = sum;
            index = index / fanIn;
            level++;
        }
    }

    public boolean isDone() { return done; }

    /** True when some leaf failed (then {@link #result} is the sum of the partials only). */
    public boolean failed() {
        requireDone();
        return root == FAILED;
    }

    /** The merged value once every leaf arrived (null when none had a value); with failures, the partials summed. */
    @SuppressWarnings("unchecked")
    public T result() {
        requireDone();
        if (root != FAILED) return (T) root;
        T sum = null;
        for (Partial<T> p : partials()) {
            if (p.value() == null) continue;
            sum = sum == null ? p.value() : add.apply(sum, p.value());
        }
        return sum;
    }

    /** The complete subtrees beside failed leaves, in (level, index) order; empty without failures. */
    public List<Partial<T>> partials() {
        requireDone();
        List<Partial<T>> out;
        synchronized (partials) { out = new ArrayList<>(partials); }
        out.sort((a, b) -> a.level() != b.level() ? Integer.compare(a.level(), b.level()) : Integer.compare(a.index(), b.index()));
        return out;
    }

    private void requireDone() {
        if (!done) throw new IllegalStateException("tree reduction not finished: leaves are still missing");
    }
}
