package pocket.events;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The contents of one base collection over the whole chunk (every object, before any event or
 * object selection); collections index into it, so a field is read once and gathered by index.
 */
final class ObjectStore {
    final String name;
    final int size;
    // a field is double[] or, for a float branch, the float[] as read: widening every float
    // branch to a double[] copy per chunk was the largest allocation of a run; gathers widen
    // each value as they copy it, which gives the same doubles
    private final Function<String, Object> loader;
    private final Supplier<Set<String>> fieldNames;
    private final Map<String, Object> fields = new HashMap<>();

    ObjectStore(String name, int size, Function<String, Object> loader, Supplier<Set<String>> fieldNames) {
        this.name = name; this.size = size; this.loader = loader; this.fieldNames = fieldNames;
    }

    /** A store holding only the given contents (a collection a workflow builds itself). */
    static ObjectStore of(String name, int size, Map<String, double[]> contents) {
        ObjectStore s = new ObjectStore(name, size, f -> null, Set::of);
        contents.forEach(s::put);
        return s;
    }

    boolean has(String field) { return fields.containsKey(field) || fieldNames.get().contains(field); }

    Set<String> fieldNames() {
        Set<String> all = new LinkedHashSet<>(fieldNames.get());
        all.addAll(fields.keySet());
        return all;
    }

    /** A field's values: a double[] or a float[] (a float branch as read). */
    Object column(String field) {
        Object v = fields.get(field);
        if (v != null) return v;
        v = fieldNames.get().contains(field) ? loader.apply(field) : null;
        if (v == null) throw new ColumnNotFoundException(name + "." + field, "collection " + name,
                fieldNames().stream().map(f -> name + "." + f).toList());
        int n = v instanceof float[] f ? f.length : ((double[]) v).length;
        if (n != size)
            throw new IllegalStateException("events: field " + name + "." + field + " has " + n + " values, but the collection has " + size + " objects");
        fields.put(field, v);
        return v;
    }

    /** A field as doubles; a float field is widened into a new array (not for hot paths). */
    double[] field(String field) {
        Object v = column(field);
        if (v instanceof double[] d) return d;
        float[] f = (float[]) v;
        double[] d = new double[f.length];
        for (int k = 0; k < d.length; k++) d[k] = f[k];
        return d;
    }

    /** Writes values for the objects at the given store positions; others keep their value (NaN for a new field). */
    void scatter(String field, int[] idx, double[] values) {
        double[] target;
        if (has(field)) { target = field(field); if (target == fields.get(field)) target = target.clone(); }
        else { target = new double[size]; Arrays.fill(target, Double.NaN); }
        for (int k = 0; k < idx.length; k++) target[idx[k]] = values[k];
        fields.put(field, target);
    }

    /** A store of its own with the same contents (arrays shared: a change replaces an array, never writes into one). */
    ObjectStore copy() {
        ObjectStore s = new ObjectStore(name, size, loader, fieldNames);
        s.fields.putAll(fields);
        return s;
    }

    void put(String field, double[] values) {
        if (values.length != size) throw new IllegalArgumentException("events: field " + name + "." + field + " has " + values.length + " values for " + size + " objects");
        fields.put(field, values);
    }
}
