package pocket.rootio;

/**
 * One key of a ROOT directory as `rootls` lists it: path inside the file ("dir/sub/name"), class,
 * cycle, title, and where its record lies (seekKey, nbytes stored, objlen uncompressed).
 */
public record KeyInfo(String path, String name, String className, int cycle, String title,
                      long seekKey, int nbytes, int objlen) {

    public boolean isDirectory() { return className.equals("TDirectory") || className.equals("TDirectoryFile"); }

    public boolean isTree() { return className.equals("TTree") || className.equals("TNtuple") || className.equals("TNtupleD"); }

    public boolean isRNTuple() { return className.equals("ROOT::RNTuple") || className.equals("ROOT::Experimental::RNTuple"); }
}
