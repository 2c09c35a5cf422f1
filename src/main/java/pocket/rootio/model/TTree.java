package pocket.rootio.model;

import java.util.List;

/** The part of a TTree record pocket reads: its name, entry count and top-level branches. */
public record TTree(String fName, String fTitle, int classVersion, long fEntries, long fTotBytes, long fZipBytes,
                    List<TBranch> fBranches) {}
