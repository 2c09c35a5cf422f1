package pocket.rootio.rntuple;

import java.util.ArrayList;
import java.util.List;
import pocket.rootio.CorruptDataException;
import pocket.rootio.KeyInfo;
import pocket.rootio.FileBytes;
import pocket.rootio.RootIOException;
import pocket.rootio.UnsupportedFormatException;

/** Everything an RNTuple says about itself: anchor, schema (header + extension), clusters and their page lists. */
final class Descriptor {
    final Anchor anchor;
    final String name, library;
    final Schema schema = new Schema();
    final List<Cluster> clusters = new ArrayList<>();

    Descriptor(FileBytes file, KeyInfo key) throws RootIOException {
        String where = "rootio: " + file.name() + ", RNTuple " + key.path();
        anchor = Anchor.read(file.objectBytes(key), where);
        LeBuffer h = Envelopes.read(file, anchor.seekHeader(), anchor.nbytesHeader(), anchor.lenHeader(), Envelopes.HEADER, key.path() + " header");
        checkFlags(h.featureFlags(), where);
        name = h.string();
        h.string();
        library = h.string();
        schema.read(h);
        long headerSum = h.trailer();

        LeBuffer f = Envelopes.read(file, anchor.seekFooter(), anchor.nbytesFooter(), anchor.lenFooter(), Envelopes.FOOTER, key.path() + " footer");
        checkFlags(f.featureFlags(), where);
        if (f.i64() != headerSum) throw new CorruptDataException(where + ": footer names a header checksum that is not the header's");
        int ext = f.record();
        if (ext > f.pos()) schema.read(f);
        f.seek(ext);
        int[] groups = f.list();
        for (int g = 0; g < groups[1]; g++) {
            int end = f.record();
            f.i64(); f.i64();
            int n = f.i32();
            long len = f.i64();
            Locator loc = Locator.read(f);
            f.seek(end);
            readPageList(file, loc, len, n, headerSum, key.path(), where);
        }
    }

    private void readPageList(FileBytes file, Locator loc, long len, int n, long headerSum, String path, String where) throws RootIOException {
        LeBuffer p = Envelopes.read(file, loc.offset(), loc.size(), len, Envelopes.PAGE_LIST, path + " page list");
        if (p.i64() != headerSum) throw new CorruptDataException(where + ": page list at byte " + loc.offset() + " belongs to another header");
        int[] sums = p.list();
        if (sums[1] != n) throw new CorruptDataException(where + ": page list at byte " + loc.offset() + " has " + sums[1] + " clusters; its group says " + n);
        long[][] ranges = new long[n][];
        for (int i = 0; i < n; i++) {
            int end = p.record();
            long first = p.i64(), word = p.i64();
            if ((word >>> 56 & 0x01) != 0) throw new UnsupportedFormatException(where + ": cluster " + i + " is sharded, which format 1.0 readers cannot read");
            ranges[i] = new long[]{first, word & 0x00ffffffffffffffL};
            p.seek(end);
        }
        p.seek(sums[0]);
        int[] top = p.list();
        if (top[1] != n) throw new CorruptDataException(where + ": page list has page locations for " + top[1] + " clusters, summaries for " + n);
        for (int i = 0; i < n; i++) {
            int[] cols = p.list();
            Cluster.ColumnPages[] cp = new Cluster.ColumnPages[cols[1]];
            for (int c = 0; c < cols[1]; c++) {
                int[] pages = p.list();
                int np = pages[1];
                int[] el = new int[np];
                long[] off = new long[np], size = new long[np];
                boolean[] ck = new boolean[np];
                for (int k = 0; k < np; k++) {
                    int e = p.i32();
                    ck[k] = e < 0;
                    el[k] = e < 0 ? -e : e;
                    Locator l = Locator.read(p);
                    off[k] = l.offset(); size[k] = l.size();
                }
                long elementOffset = p.i64();
                int compression = elementOffset >= 0 ? p.i32() : 0;
                cp[c] = new Cluster.ColumnPages(elementOffset < 0 ? -1 : elementOffset, compression, el, off, size, ck);
                p.seek(pages[0]);
            }
            p.seek(cols[0]);
            clusters.add(new Cluster(ranges[i][0], ranges[i][1], cp));
        }
    }

    private static void checkFlags(long flags, String where) throws UnsupportedFormatException {
        if (flags != 0)
            throw new UnsupportedFormatException(where + ": feature flags 0x" + Long.toHexString(flags) + " are set; format 1.0 defines none, so this RNTuple needs a newer reader");
    }

    long entries() {
        long n = 0;
        for (Cluster c : clusters) n = Math.max(n, c.firstEntry() + c.entries());
        return n;
    }
}
