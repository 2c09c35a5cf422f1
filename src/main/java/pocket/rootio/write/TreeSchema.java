package pocket.rootio.write;

import pocket.rootio.LeafType;
import pocket.util.Names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The branches of a TTree to write, in file order, declared fluently:
 * <pre>
 *   TreeSchema.builder()
 *       .branch("run", LeafType.UINT32)
 *       .branch("genWeight", LeafType.FLOAT32, "generator weight")
 *       .jagged("Jet_pt", LeafType.FLOAT32, "nJet", "pt")   // declares nJet (UInt_t) if absent
 *       .build();
 * </pre>
 * A counter branch always comes before the jagged branches it counts, as in NanoAOD.
 */
public final class TreeSchema {
    private final List<BranchSpec> branches;
    private final Map<String, BranchSpec> byName;

    private TreeSchema(List<BranchSpec> branches) {
        this.branches = List.copyOf(branches);
        Map<String, BranchSpec> m = new LinkedHashMap<>();
        for (BranchSpec b : branches) m.put(b.name(), b);
        this.byName = Collections.unmodifiableMap(m);
    }

    public static Builder builder() { return new Builder(); }

    public List<BranchSpec> branches() { return branches; }

    public List<String> names() { return List.copyOf(byName.keySet()); }

    public BranchSpec branch(String name) {
        BranchSpec b = byName.get(name);
        if (b == null) throw new IllegalArgumentException("rootio: no branch '" + name + "' in the schema" + Names.nearestHint(name, byName.keySet()));
        return b;
    }

    public boolean has(String name) { return byName.containsKey(name); }

    /** True when some jagged branch names this branch as its counter. */
    public boolean isCounter(String name) {
        for (BranchSpec b : branches) if (name.equals(b.counter())) return true;
        return false;
    }

    /** Collects branch declarations; each method returns this builder. */
    public static final class Builder {
        private final List<BranchSpec> list = new ArrayList<>();

        private Builder() {}

        public Builder branch(String name, LeafType type) { return branch(name, type, ""); }

        public Builder branch(String name, LeafType type, String title) {
            return add(new BranchSpec(name, type, null, title));
        }

        /** A counter branch of the given integer type (NanoAOD's are UInt_t: {@link LeafType#UINT32}). */
        public Builder counter(String name, LeafType type, String title) {
            if (type != LeafType.INT32 && type != LeafType.UINT32)
                throw new IllegalArgumentException("rootio: counter branch '" + name + "' must be INT32 or UINT32, not " + type);
            return add(new BranchSpec(name, type, null, title));
        }

        public Builder jagged(String name, LeafType type, String counter) { return jagged(name, type, counter, ""); }

        public Builder jagged(String name, LeafType type, String counter, String title) {
            if (counter == null || counter.isEmpty()) throw new IllegalArgumentException("rootio: jagged branch '" + name + "' needs a counter branch name");
            BranchSpec existing = find(counter);
            if (existing == null) add(new BranchSpec(counter, LeafType.UINT32, null, ""));
            else if (existing.jagged() || (existing.type() != LeafType.INT32 && existing.type() != LeafType.UINT32))
                throw new IllegalArgumentException("rootio: branch '" + counter + "' cannot count '" + name + "': a counter is a flat INT32 or UINT32 branch");
            return add(new BranchSpec(name, type, counter, title));
        }

        public Builder add(BranchSpec b) {
            if (find(b.name()) != null) throw new IllegalArgumentException("rootio: branch '" + b.name() + "' is declared twice");
            list.add(b);
            return this;
        }

        private BranchSpec find(String name) {
            for (BranchSpec b : list) if (b.name().equals(name)) return b;
            return null;
        }

        public TreeSchema build() {
            for (BranchSpec b : list) {
                if (b.jagged()) {
                    BranchSpec c = find(b.counter());
                    if (c == null) throw new IllegalArgumentException("rootio: counter '" + b.counter() + "' of '" + b.name() + "' is not declared");
                    if (list.indexOf(c) > list.indexOf(b))
                        throw new IllegalArgumentException("rootio: counter '" + c.name() + "' must be declared before '" + b.name() + "'");
                }
            }
            return new TreeSchema(list);
        }
    }
}
