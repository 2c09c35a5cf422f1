package pocket.hist;

/** The kinds of bin content: integer counts, double sums, or weights with their variances (Σw, Σw²). */
enum StorageType {
    /** Integer counts (boost-histogram Int64); fills take no weights. */
    INT("int"),
    /** Double sums of weights (boost-histogram Double). */
    DOUBLE("double"),
    /** Σw and Σw² per bin (boost-histogram Weight), what PocketCoffea's histograms use. */
    WEIGHT("weighted");

    private final String uhiName;

    StorageType(String uhiName) { this.uhiName = uhiName; }

    /** The storage "type" in UHI serialisation. */
    public String uhiName() { return uhiName; }
}
