package pocket.cli;

/** The ASCII banner printed at the start of a run (not in --help, which is for reading). */
final class Banner {
    private Banner() {}

    public static final String L1 = "                           __           __";
    public static final String L2 = "    ____   ____   _____   / /__  ___   / /_";
    public static final String L3 = "   / __ \\ / __ \\ / ___/  / //_/ / _ \\ / __/";
    public static final String L4 = "  / /_/ // /_/ // /__   / ,<   /  __// /_";
    public static final String L5 = " / .___/ \\____/ \\___/  /_/|_|  \\___/ \\__/";
    public static final String L6 = "/_/       PocketCoffea's runner, in Java";

    public static String text() { return String.join(System.lineSeparator(), L1, L2, L3, L4, L5, L6, ""); }
}
