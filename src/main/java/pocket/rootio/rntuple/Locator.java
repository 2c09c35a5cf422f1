package pocket.rootio.rntuple;

/** Where a page or an envelope lies in the file: offset and stored (compressed) size. */
record Locator(long offset, long size) {
    static Locator read(LeBuffer b) throws pocket.rootio.RootIOException {
        int at = b.pos();
        int s = b.i32();
        if (s >= 0) return new Locator(b.i64(), s);
        int type = (s >>> 24) & 0x7f, own = s & 0xffff;
        if (type == 0x01) {
            long size = b.i64(), off = b.i64();
            b.seek(at + own);
            return new Locator(off, size);
        }
        throw new pocket.rootio.UnsupportedFormatException(b.where() + ": locator at byte " + at + " has type " + type
                + ", not an in-file locator (only simple and large locators are read)");
    }
}
