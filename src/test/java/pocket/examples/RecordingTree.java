package pocket.examples;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pocket.rootio.BranchInfo;
import pocket.rootio.ColumnArray;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;

/** A real tree that notes which branches were read, to check lazy loading on real files. */
final class RecordingTree implements Tree {
    private final Tree tree;
    final Set<String> read = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    RecordingTree(Tree tree) { this.tree = tree; }

    @Override public String name() { return tree.name(); }
    @Override public String fileName() { return tree.fileName(); }
    @Override public long entries() { return tree.entries(); }
    @Override public List<String> branchNames() { return tree.branchNames(); }
    @Override public boolean hasBranch(String name) { return tree.hasBranch(name); }
    @Override public BranchInfo branch(String name) throws RootIOException { return tree.branch(name); }
    @Override public ColumnArray read(String branch, long start, long stop) throws RootIOException { read.add(branch); return tree.read(branch, start, stop); }
    @Override public Map<String, ColumnArray> read(Collection<String> branches, long start, long stop) throws RootIOException {
        read.addAll(branches);
        return tree.read(branches, start, stop);
    }
}
