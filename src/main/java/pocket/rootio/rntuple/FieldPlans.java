package pocket.rootio.rntuple;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides which top-level fields become branches and how: leaf fields of a
 * primitive type are flat branches; a collection (e.g. RVec&lt;float&gt;, possibly projected from
 * RNTupleImporter's {@code _collectionN._0.Jet_pt}) whose item is a primitive leaf is a jagged
 * branch; an RNTupleCardinality field is the counter of the collection it projects. Other fields
 * (the {@code _collectionN} records themselves, nested or streamer fields) are not branches.
 */
final class FieldPlans {
    private FieldPlans() {}

    static Map<String, FieldPlan> of(Schema s, String where) {
        Map<Integer, String> counters = new HashMap<>();
        for (FieldDesc f : s.fields)
            if (f.topLevel() && f.projected() && f.type().startsWith("ROOT::RNTupleCardinality<"))
                counters.putIfAbsent(physical(s, f.source()), f.name());
        Map<String, FieldPlan> out = new LinkedHashMap<>();
        for (FieldDesc f : s.fields) {
            if (!f.topLevel() || f.repetitive()) continue;
            FieldPlan p = plan(s, f, counters);
            if (p != null) out.putIfAbsent(p.name(), p);
        }
        return out;
    }

    private static FieldPlan plan(Schema s, FieldDesc f, Map<Integer, String> counters) {
        if (f.type().startsWith("ROOT::RNTupleCardinality<")) {
            var t = Values.leafType(f.type().substring("ROOT::RNTupleCardinality<".length(), f.type().length() - 1));
            int idx = physical(s, f.source());
            if (t == null || s.fields.get(idx).role() != FieldDesc.COLLECTION) return null;
            return new FieldPlan(f.name(), FieldPlan.Kind.COUNT, t, f.type(), -1, idx, null);
        }
        if (f.role() == FieldDesc.LEAF) {
            var t = Values.leafType(f.type());
            return t == null ? null : new FieldPlan(f.name(), FieldPlan.Kind.SCALAR, t, f.type(), physical(s, f.id()), -1, null);
        }
        if (f.role() == FieldDesc.COLLECTION) {
            List<FieldDesc> kids = s.children(f.id());
            if (kids.size() != 1 || kids.get(0).role() != FieldDesc.LEAF || kids.get(0).repetitive()) return null;
            var t = Values.leafType(kids.get(0).type());
            if (t == null) return null;
            int idx = physical(s, f.id());
            return new FieldPlan(f.name(), FieldPlan.Kind.JAGGED, t, f.type(), physical(s, kids.get(0).id()), idx,
                    counters.getOrDefault(idx, s.fields.get(idx).name()));
        }
        return null;
    }

    /** The non-projected field behind a (possibly projected) field. */
    private static int physical(Schema s, int id) {
        FieldDesc f = s.fields.get(id);
        for (int hops = 0; f.projected() && hops < 8; hops++) f = s.fields.get(f.source());
        return f.id();
    }
}
