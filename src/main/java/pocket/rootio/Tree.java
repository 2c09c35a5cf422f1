package pocket.rootio;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A TTree as columns: its entries, its branches, and branch values over entry ranges. */
public interface Tree {
    String name();

    /** The file (path or URL) the tree was read from, for error messages. */
    String fileName();

    long entries();

    /** Branch names in file order (leaf-level names, e.g. {@code Jet_pt}, {@code nJet}). */
    List<String> branchNames();

    boolean hasBranch(String name);

    /** @throws RootIOException naming the branch, tree, file and the nearest existing branch names */
    BranchInfo branch(String name) throws RootIOException;

    /** One branch over entries {@code [start, stop)}; reads only the baskets that overlap. */
    ColumnArray read(String branch, long start, long stop) throws RootIOException;

    /** Throws, naming the tree ({@code kind}: "tree", "RNTuple"), unless {@code [start, stop)} lies within its entries. */
    static void checkRange(Tree t, String kind, long start, long stop) throws RootIOException {
        if (start < 0 || stop < start || stop > t.entries())
            throw new RootIOException("rootio: entry range [" + start + ", " + stop + ") is outside " + kind + " '" + t.name() + "' of "
                    + t.fileName() + ", which has " + t.entries() + " entries");
    }

    /** The error for a branch the tree does not have, with the nearest of {@code names}. */
    static MissingObjectException noSuchBranch(Tree t, String kind, String branch, Collection<String> names) {
        return new MissingObjectException("rootio: branch '" + branch + "' not in " + kind + " '" + t.name() + "' of " + t.fileName()
                + pocket.util.Names.nearestHint(branch, names));
    }

    /** Several branches over the same range; remote sources fetch all their baskets in one go. */
    default Map<String, ColumnArray> read(Collection<String> branches, long start, long stop) throws RootIOException {
        Map<String, ColumnArray> out = new LinkedHashMap<>();
        for (String b : branches) out.put(b, read(b, start, stop));
        return out;
    }
}
