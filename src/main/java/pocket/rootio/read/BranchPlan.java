package pocket.rootio.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import pocket.rootio.BranchInfo;
import pocket.rootio.CorruptDataException;
import pocket.rootio.LeafType;
import pocket.rootio.compress.Blocks;
import pocket.rootio.model.TBasket;
import pocket.rootio.model.TBranch;
import pocket.rootio.model.TLeaf;

/**
 * How to read one leaf-level branch: its element type, counter, fixed length per entry, and
 * its baskets in entry order. {@code unsupported} says why a branch cannot be read (null when it can).
 */
public final class BranchPlan {
    public final String name;
    public final TBranch branch;
    public final TLeaf leaf;
    public final LeafType type;
    public final String counter;
    public final int fixedLength;
    public final String unsupported;
    private final String fileCompression;
    private List<BasketRef> baskets;

    BranchPlan(String name, TBranch branch, TLeaf leaf, LeafType type, String counter, int fixedLength,
               String unsupported, String fileCompression) {
        this.name = name; this.branch = branch; this.leaf = leaf; this.type = type; this.counter = counter;
        this.fixedLength = fixedLength; this.unsupported = unsupported; this.fileCompression = fileCompression;
    }

    public boolean jagged() { return counter != null; }

    /** Bytes of one value. */
    public int itemSize() { return type.bytes; }

    public String compression() { return branch.fCompress < 0 ? fileCompression : Blocks.settingName(branch.fCompress); }

    public BranchInfo info(String compression) {
        return new BranchInfo(name, type, counter, fixedLength, compression, branch.fEntries, branch.basketCount(), leaf == null ? branch.fTitle : leaf.fTitle);
    }

    /**
     * The baskets in entry order, checked to cover {@code [0, fEntries)} without gaps.
     *
     * @param where "rootio: file, branch" prefix for errors
     */
    public synchronized List<BasketRef> baskets(String where) throws CorruptDataException {
        if (baskets != null) return baskets;
        TBranch b = branch;
        List<BasketRef> out = new ArrayList<>();
        for (int i = 0; i < b.fWriteBasket && i < b.fBasketSeek.length; i++) {
            if (b.fBasketSeek[i] == 0 || b.fBasketBytes[i] == 0) continue;
            long stop = i + 1 < b.fBasketEntry.length ? b.fBasketEntry[i + 1] : b.fEntries;
            if (i + 1 == b.fWriteBasket && (i + 1 >= b.fBasketEntry.length || stop == 0)) stop = b.fEntries;
            out.add(new BasketRef(i, b.fBasketEntry[i], stop, b.fBasketSeek[i], b.fBasketBytes[i], null));
        }
        for (int j = 0; j < b.fBaskets.length; j++) {
            TBasket t = b.fBaskets[j];
            if (t == null || t.fNevBuf == 0) continue;
            long start = j < b.fBasketEntry.length ? b.fBasketEntry[j] : (out.isEmpty() ? 0 : out.get(out.size() - 1).entryStop());
            out.add(new BasketRef(j, start, start + t.fNevBuf, -1, t.key.fNbytes(), t));
        }
        out.sort(Comparator.comparingLong(BasketRef::entryStart));
        long next = 0;
        for (BasketRef r : out) {
            if (r.entryStart() != next || r.entryStop() < r.entryStart())
                throw new CorruptDataException(where + ": basket " + r.number() + " holds entries [" + r.entryStart() + ", "
                        + r.entryStop() + ") but the previous basket ended at entry " + next + " (fBasketEntry is inconsistent)");
            next = r.entryStop();
        }
        if (next != b.fEntries)
            throw new CorruptDataException(where + ": baskets hold " + next + " entries but the branch has fEntries " + b.fEntries);
        baskets = List.copyOf(out);
        return baskets;
    }
}
