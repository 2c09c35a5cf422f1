package pocket.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pocket.events.Events;
import pocket.events.Masks;

/**
 * The common cuts of PocketCoffea's {@code cut_functions} library, with its names:
 * {@code passthrough}, {@code get_nObj_min/eq/less}, {@code get_HLTsel}, {@code get_nPVgood}.
 */
public final class Cuts {
    private Cuts() {}

    /** Keeps every event (a category with no selection, e.g. "baseline"). */
    public static final Cut passthrough = Cut.of("passthrough", (ev, ctx) -> Masks.all(ev.size()));

    /** At least n objects in the collection, optionally above a pt threshold (PocketCoffea's get_nObj_min). */
    public static Cut get_nObj_min(int n, Double minPt, String coll) {
        String name = "n" + coll + "_min" + n + (minPt == null ? "" : "_pt" + fmt(minPt));
        return nObj(name, coll, n, minPt, 1);
    }

    public static Cut get_nObj_min(int n, String coll) { return get_nObj_min(n, null, coll); }

    /** Exactly n objects (PocketCoffea's get_nObj_eq). */
    public static Cut get_nObj_eq(int n, Double minPt, String coll) {
        return nObj("n" + coll + "_eq" + n + (minPt == null ? "" : "_pt" + fmt(minPt)), coll, n, minPt, 0);
    }

    public static Cut get_nObj_eq(int n, String coll) { return get_nObj_eq(n, null, coll); }

    /** Fewer than n objects (PocketCoffea's get_nObj_less). */
    public static Cut get_nObj_less(int n, Double minPt, String coll) {
        return nObj("n" + coll + "_less" + n + (minPt == null ? "" : "_pt" + fmt(minPt)), coll, n, minPt, -1);
    }

    public static Cut get_nObj_less(int n, String coll) { return get_nObj_less(n, null, coll); }

    private static Cut nObj(String name, String coll, int n, Double minPt, int sense) {
        return Cut.of(name, params(coll, n, minPt), (ev, ctx) -> {
            int[] counts = minPt == null ? ev.collection(coll).counts() : ev.collection(coll).get("pt").gt(minPt).count();
            boolean[] m = new boolean[counts.length];
            for (int i = 0; i < m.length; i++) m[i] = sense > 0 ? counts[i] >= n : sense == 0 ? counts[i] == n : counts[i] < n;
            return m;
        });
    }

    private static Map<String, Object> params(String coll, int n, Double minPt) {
        return minPt == null ? Map.of("coll", coll, "N", n) : Map.of("coll", coll, "N", n, "minpt", minPt);
    }

    /** At least n good primary vertices ({@code PV_npvsGood}). */
    public static Cut get_nPVgood(int n) {
        return Cut.of("nPVgood_" + n, Map.of("N", n), (ev, ctx) -> Masks.ge(ev.get("PV_npvsGood"), n));
    }

    /** Any of the listed HLT paths fired (branches {@code HLT_<path>}; the "HLT_" prefix is optional). */
    public static Cut hlt(String... paths) {
        List<String> branches = new ArrayList<>();
        for (String p : paths) branches.add(p.startsWith("HLT_") ? p : "HLT_" + p);
        return Cut.of("HLT_" + String.join("_OR_", branches).replace("HLT_", ""), Map.of("triggers", branches), (ev, ctx) -> any(ev, branches));
    }

    /**
     * PocketCoffea's get_HLTsel: the OR of the triggers listed in the parameters under
     * {@code HLT_triggers.<year>.<primaryDataset>} for the given primary datasets (all of the
     * year's when none is given).
     */
    public static Cut get_HLTsel(String... primaryDatasets) {
        String name = "HLT_trigger" + (primaryDatasets.length == 0 ? "" : "_" + String.join("_", primaryDatasets));
        return Cut.of(name, Map.of("primaryDatasets", List.of(primaryDatasets)), (ev, ctx) -> {
            String base = "HLT_triggers." + ctx.year();
            List<String> pds = new ArrayList<>(List.of(primaryDatasets));
            if (pds.isEmpty()) {
                Object node = ctx.parameters().get(base);
                if (node instanceof Map<?, ?> m) for (Object k : m.keySet()) pds.add(String.valueOf(k));
            }
            List<String> branches = new ArrayList<>();
            for (String pd : pds)
                for (String t : ctx.parameters().getStringList(base + "." + pd)) branches.add(t.startsWith("HLT_") ? t : "HLT_" + t);
            return any(ev, branches);
        });
    }

    private static boolean[] any(Events ev, List<String> branches) {
        boolean[] m = new boolean[ev.size()];
        for (String b : branches) m = Masks.or(m, ev.mask(b));
        return m;
    }

    private static String fmt(double x) { return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x); }
}
