package pocket.rootio.write;

import pocket.rootio.LeafType;

/**
 * One branch to write: its name, leaf type, the counter branch of a jagged branch (null when
 * flat), and its title (NanoAOD puts the branch's documentation there).
 */
public record BranchSpec(String name, LeafType type, String counter, String title) {
    public BranchSpec {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("rootio: a branch needs a name");
        if (type == null) throw new IllegalArgumentException("rootio: branch '" + name + "' needs a leaf type");
        if (name.equals(counter)) throw new IllegalArgumentException("rootio: branch '" + name + "' cannot count itself");
        if (title == null) title = "";
    }

    public boolean jagged() { return counter != null; }

    /** The leaf's title as ROOT writes it: {@code Jet_pt[nJet]} or {@code nJet}. */
    String leafTitle() { return jagged() ? name + "[" + counter + "]" : name; }

    /** ROOT's leaf-list type letter: lower case for unsigned. */
    char typeCode() {
        return switch (type) {
            case BOOL -> 'O';
            case INT8 -> 'B';
            case UINT8 -> 'b';
            case INT16 -> 'S';
            case UINT16 -> 's';
            case INT32 -> 'I';
            case UINT32 -> 'i';
            case INT64 -> 'L';
            case UINT64 -> 'l';
            case FLOAT32 -> 'F';
            case FLOAT64 -> 'D';
        };
    }

    /** The branch title ROOT gives when none is set: the leaf list, e.g. {@code Jet_pt[nJet]/F}. */
    String branchTitle() { return title.isEmpty() ? leafTitle() + "/" + typeCode() : title; }

    boolean unsigned() {
        return type == LeafType.UINT8 || type == LeafType.UINT16 || type == LeafType.UINT32 || type == LeafType.UINT64;
    }
}
