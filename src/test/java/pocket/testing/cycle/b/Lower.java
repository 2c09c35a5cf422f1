package pocket.testing.cycle.b;

/** The other half of the deliberate cycle: a lower package that imports the one above it. */
public final class Lower {
    public static int depth() { return 0; }

    public static String above() { return pocket.testing.cycle.a.Upper.class.getSimpleName(); }
}
