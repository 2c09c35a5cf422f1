package pocket.rootio.write;

import java.util.Locale;

/**
 * A ROOT compression setting: an algorithm and a level, stored in files as
 * {@code fCompress = algorithm * 100 + level} (e.g. 505 for ZSTD level 5; level 0 means none).
 */
public record Compression(Algorithm algorithm, int level) {

    /** ROOT's algorithms with their codes in fCompress and the magic bytes of their blocks. */
    public enum Algorithm {
        NONE(0, "", 0), ZLIB(1, "ZL", 1), LZMA(2, "XZ", 7), LZ4(4, "L4", 4), ZSTD(5, "ZS", 5);

        public final int code;
        public final String magic;
        /** The level ROOT uses when only the algorithm is named (ROOT's kDefaultZLIB = 101, etc.). */
        public final int defaultLevel;

        Algorithm(int code, String magic, int defaultLevel) {
            this.code = code; this.magic = magic; this.defaultLevel = defaultLevel;
        }
    }

    public Compression {
        if (algorithm == null) throw new IllegalArgumentException("rootio: compression algorithm is null");
        if (algorithm == Algorithm.NONE) level = 0;
        else if (level < 1 || level > maxLevel(algorithm))
            throw new IllegalArgumentException("rootio: " + algorithm + " level " + level + " is out of range 1.." + maxLevel(algorithm));
    }

    public static Compression none() { return new Compression(Algorithm.NONE, 0); }
    public static Compression zlib(int level) { return new Compression(Algorithm.ZLIB, level); }
    public static Compression lzma(int level) { return new Compression(Algorithm.LZMA, level); }
    public static Compression lz4(int level) { return new Compression(Algorithm.LZ4, level); }
    public static Compression zstd(int level) { return new Compression(Algorithm.ZSTD, level); }

    /** ROOT's default for new files: ZLIB level 1 (fCompress 101). */
    public static Compression rootDefault() { return zlib(1); }

    /** Parses {@code zlib|lzma|lz4|zstd|none[:LEVEL]}, e.g. "zstd:5" or "lzma". */
    public static Compression parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("rootio: empty compression; expected zlib|lzma|lz4|zstd|none[:LEVEL]");
        String[] parts = text.trim().split(":", 2);
        Algorithm a;
        try {
            a = Algorithm.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rootio: unknown compression '" + parts[0] + "'; expected zlib, lzma, lz4, zstd or none (optionally :LEVEL)");
        }
        if (parts.length == 1) return new Compression(a, a.defaultLevel);
        int level;
        try {
            level = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rootio: compression level '" + parts[1] + "' in '" + text + "' is not a number");
        }
        return level == 0 ? none() : new Compression(a, level);
    }

    /** ROOT's fCompress value: algorithm * 100 + level. */
    public int fCompress() { return algorithm.code * 100 + level; }

    public boolean isNone() { return algorithm == Algorithm.NONE; }

    private static int maxLevel(Algorithm a) {
        return a == Algorithm.ZSTD ? 22 : (a == Algorithm.LZ4 ? 12 : 9);
    }

    @Override public String toString() {
        return isNone() ? "none" : algorithm.name().toLowerCase(Locale.ROOT) + ":" + level;
    }
}
