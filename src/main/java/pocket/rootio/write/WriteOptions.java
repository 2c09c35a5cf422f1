package pocket.rootio.write;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * How a ROOT file is written: compression, basket size, whether every record uses the large
 * (64-bit seek) format, and the timestamp and UUID stamped into it (fix both to get the same
 * bytes from the same input). Immutable; each {@code withX} returns a changed copy.
 */
public final class WriteOptions {
    /** ROOT's default basket size in bytes (TTree::Branch's bufsize). */
    public static final int DEFAULT_BASKET_SIZE = 32000;

    private final Compression compression;
    private final int basketSize;
    private final int entriesPerBasket;
    private final boolean largeFormat;
    private final LocalDateTime timestamp;
    private final UUID uuid;

    private WriteOptions(Compression compression, int basketSize, int entriesPerBasket, boolean largeFormat,
                         LocalDateTime timestamp, UUID uuid) {
        this.compression = compression;
        this.basketSize = basketSize;
        this.entriesPerBasket = entriesPerBasket;
        this.largeFormat = largeFormat;
        this.timestamp = timestamp;
        this.uuid = uuid;
    }

    /** ROOT's defaults: ZLIB level 1, 32000-byte baskets, small records until the file passes 2 GB. */
    public static WriteOptions defaults() {
        return new WriteOptions(Compression.rootDefault(), DEFAULT_BASKET_SIZE, 0, false, null, null);
    }

    public Compression compression() { return compression; }
    public int basketSize() { return basketSize; }
    /** 0 when baskets close by size only; otherwise a basket also closes after this many entries. */
    public int entriesPerBasket() { return entriesPerBasket; }
    public boolean largeFormat() { return largeFormat; }
    /** null means the time of writing. */
    public LocalDateTime timestamp() { return timestamp; }
    /** null means a random UUID. */
    public UUID uuid() { return uuid; }

    public WriteOptions withCompression(Compression c) {
        if (c == null) throw new IllegalArgumentException("rootio: compression is null");
        return new WriteOptions(c, basketSize, entriesPerBasket, largeFormat, timestamp, uuid);
    }

    /** Basket size in bytes; ROOT's default is 32000. Must be at least 100 and at most 1 GiB. */
    public WriteOptions withBasketSize(int bytes) {
        if (bytes < 100 || bytes > (1 << 30))
            throw new IllegalArgumentException("rootio: basket size " + bytes + " is out of range 100..1073741824 bytes");
        return new WriteOptions(compression, bytes, entriesPerBasket, largeFormat, timestamp, uuid);
    }

    /** Also close a basket after this many entries (0: by size only). */
    public WriteOptions withEntriesPerBasket(int n) {
        if (n < 0) throw new IllegalArgumentException("rootio: entries per basket " + n + " is negative");
        return new WriteOptions(compression, basketSize, n, largeFormat, timestamp, uuid);
    }

    /**
     * Writes every header, key, directory and free-segment record in ROOT's large format
     * (fVersion > 1000000, 64-bit seeks) as ROOT does for files beyond 2 GB.
     */
    public WriteOptions withLargeFormat(boolean large) {
        return new WriteOptions(compression, basketSize, entriesPerBasket, large, timestamp, uuid);
    }

    public WriteOptions withTimestamp(LocalDateTime t) {
        return new WriteOptions(compression, basketSize, entriesPerBasket, largeFormat, t, uuid);
    }

    public WriteOptions withUuid(UUID u) {
        return new WriteOptions(compression, basketSize, entriesPerBasket, largeFormat, timestamp, u);
    }
}
