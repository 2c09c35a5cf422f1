package pocket.rootio;

/**
 * What `pocket ls` shows of one branch: its leaf type, the counter branch of a jagged branch
 * (null when flat), a fixed array length per entry (1 when scalar), and its compression.
 */
public record BranchInfo(String name, LeafType type, String counter, int fixedLength,
                         String compression, long entries, int baskets, String title) {
    public boolean jagged() { return counter != null; }
}
