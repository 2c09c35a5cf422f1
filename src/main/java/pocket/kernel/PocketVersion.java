package pocket.kernel;

/** pocket's version as the jar's manifest says, or "dev" when run from classes. */
final class PocketVersion {
    private PocketVersion() {}

    static String get() {
        String v = PocketVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
