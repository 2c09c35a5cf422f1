package pocket.run;

import pocket.rootio.file.RootFile;

/** How many entries a tree has in a file; the plan asks this once per file. */
@FunctionalInterface
public interface EntryCounter {
    long entries(String file, String tree) throws Exception;

    /** Opens the file with pocket's reader. */
    EntryCounter ROOT = (file, tree) -> {
        try (RootFile f = RootFile.open(file)) {
            return f.tree(tree).entries();
        }
    };
}
