package pocket.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pocket.rootio.BranchInfo;
import pocket.rootio.KeyInfo;
import pocket.rootio.file.RootFile;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.rootio.rntuple.RNTupleTree;

/** `pocket ls FILE [TREE]`: what `rootls -t` shows — keys, trees and entries, and a tree's branches. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = {"List the keys of a ROOT file (trees with their entries), like rootls -t.",
                "With TREE: each branch with its type, counter (jagged branches) and compression."})
final class LsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "ROOT file: a path, or a root:// or https:// URL")
    String file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TREE", description = "a tree to list branch by branch, e.g. Events")
    String tree;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RootFile f = RootFile.open(file)) {
            if (tree == null) listKeys(f, out);
            else listBranches(f, f.tree(tree), out);
            out.flush();
            return 0;
        } catch (RootIOException e) {
            out.flush();
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("rootio: " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private static void listKeys(RootFile f, PrintWriter out) throws RootIOException {
        int v = f.header().rootVersion();
        out.printf("%s  (%d bytes, ROOT %d.%02d/%02d, %s format, compression %s)%n", f.name(), f.size(),
                v / 10000, v / 100 % 100, v % 100, f.header().large() ? "large" : "small", f.compression());
        List<String[]> rows = new ArrayList<>();
        collect(f, "", rows);
        table(rows, out, "  ");
    }

    private static void collect(RootFile f, String dir, List<String[]> rows) throws RootIOException {
        for (KeyInfo k : f.keys(dir)) {
            String what = "";
            if (k.isTree() || k.isRNTuple()) {
                try {
                    Tree t = f.tree(k.path() + ";" + k.cycle());
                    what = t.entries() + " entries, " + t.branchNames().size() + " branches"
                            + (t instanceof RNTupleTree r ? " (RNTuple " + r.formatVersion() + ", " + r.clusterCount() + " clusters)" : "");
                } catch (RootIOException e) {
                    what = "unreadable: " + e.getMessage();
                }
            }
            rows.add(new String[]{k.className(), k.path() + ";" + k.cycle(), quote(k.title()), what});
            if (k.isDirectory()) collect(f, k.path(), rows);
        }
    }

    private static void listBranches(RootFile f, Tree t, PrintWriter out) throws RootIOException {
        out.printf("%s  %s  %d entries, %d branches%n", f.name(), t.name(), t.entries(), t.branchNames().size());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"branch", "type", "counter", "compression", t instanceof RNTupleTree ? "pages" : "baskets"});
        for (String b : t.branchNames()) {
            BranchInfo i = t.branch(b);
            String type = i.type() == null ? "unsupported" : i.type().name().toLowerCase()
                    + (i.fixedLength() > 1 ? "[" + i.fixedLength() + "]" : "");
            rows.add(new String[]{b, type, i.counter() == null ? "-" : i.counter(), i.compression(), String.valueOf(i.baskets())});
        }
        table(rows, out, "  ");
    }

    private static String quote(String s) { return "\"" + s + "\""; }

    private static void table(List<String[]> rows, PrintWriter out, String indent) {
        if (rows.isEmpty()) return;
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], r[c].length());
        for (String[] r : rows) {
            StringBuilder s = new StringBuilder(indent);
            for (int c = 0; c < cols; c++) {
                s.append(r[c]);
                if (c < cols - 1) s.append(" ".repeat(w[c] - r[c].length() + 2));
            }
            out.println(s.toString().stripTrailing());
        }
    }
}
