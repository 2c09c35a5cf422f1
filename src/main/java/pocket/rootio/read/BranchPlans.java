package pocket.rootio.read;

import java.util.LinkedHashMap;
import java.util.Map;
import pocket.rootio.LeafType;
import pocket.rootio.model.TBranch;
import pocket.rootio.model.TLeaf;
import pocket.rootio.model.TTree;

/** The one place that decides how each branch of a TTree is read (its interpretation). */
final class BranchPlans {
    private BranchPlans() {}

    static Map<String, BranchPlan> of(TTree tree, String fileCompression) {
        Map<String, BranchPlan> out = new LinkedHashMap<>();
        for (TBranch b : tree.fBranches()) add(b, out, fileCompression);
        return out;
    }

    private static void add(TBranch b, Map<String, BranchPlan> out, String fileCompression) {
        if (!b.fLeaves.isEmpty() && !out.containsKey(b.fName)) out.put(b.fName, plan(b, fileCompression));
        for (TBranch sub : b.fBranches) add(sub, out, fileCompression);
    }

    private static BranchPlan plan(TBranch b, String fileCompression) {
        TLeaf leaf = b.fLeaves.get(0);
        if (b.fLeaves.size() > 1)
            return new BranchPlan(b.fName, b, leaf, null, null, 1, "it has " + b.fLeaves.size() + " leaves (a leaf list); pocket reads one leaf per branch", fileCompression);
        LeafType type = type(leaf);
        String counter = leaf.fLeafCount == null ? null : leaf.fLeafCount.fName;
        int fixed = Math.max(1, leaf.fLen);
        String why = null;
        if (type == null) why = "its leaf is a " + leaf.className + (leaf.fType >= 0 ? " of streamer type " + leaf.fType : "")
                + "; pocket reads TLeafO/B/S/I/L/F/D (bool and signed/unsigned 8- to 64-bit integers, float, double)";
        else if (b.fStreamerType >= 0 && b.fType != 0 && counter == null)
            why = "it is a TBranchElement of fType " + b.fType + " (an object or STL container), which pocket does not read";
        return new BranchPlan(b.fName, b, leaf, type, counter, fixed, why, fileCompression);
    }

    static LeafType type(TLeaf leaf) {
        boolean u = leaf.fIsUnsigned;
        return switch (leaf.className) {
            case "TLeafO" -> LeafType.BOOL;
            case "TLeafB" -> u ? LeafType.UINT8 : LeafType.INT8;
            case "TLeafS" -> u ? LeafType.UINT16 : LeafType.INT16;
            case "TLeafI" -> u ? LeafType.UINT32 : LeafType.INT32;
            case "TLeafL" -> u ? LeafType.UINT64 : LeafType.INT64;
            case "TLeafF" -> LeafType.FLOAT32;
            case "TLeafD" -> LeafType.FLOAT64;
            case "TLeafElement" -> switch (leaf.fType) {
                case 1 -> LeafType.INT8;
                case 2 -> LeafType.INT16;
                case 3, 6 -> LeafType.INT32;
                case 4, 16 -> LeafType.INT64;
                case 5 -> LeafType.FLOAT32;
                case 8 -> LeafType.FLOAT64;
                case 11 -> LeafType.UINT8;
                case 12 -> LeafType.UINT16;
                case 13 -> LeafType.UINT32;
                case 14, 17 -> LeafType.UINT64;
                case 18 -> LeafType.BOOL;
                default -> null;
            };
            default -> null;
        };
    }
}
