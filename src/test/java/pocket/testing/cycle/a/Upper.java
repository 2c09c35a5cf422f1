package pocket.testing.cycle.a;

/** Half of a deliberate package cycle (with {@code pocket.testing.cycle.b}) that ArchitectureTest must catch. */
public final class Upper {
    public static int depth() { return pocket.testing.cycle.b.Lower.depth() + 1; }
}
