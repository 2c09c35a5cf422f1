package pocket.hist;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;

/**
 * UHI serialisation ({@code uhi_schema: 1}, scikit-hep/uhi's histogram.schema.json), JSON form:
 * axes "regular", "variable", "category_str", "category_int", "boolean"; storage "int", "double",
 * "weighted" with arrays nested one level per axis, flow bins included (boost-histogram's
 * {@code view(flow=True)}). HistAxis name and label go in the axis metadata as hist does; pocket's own
 * extras (NaN count, integer axes) go in {@code writer_info.pocket}, which other readers ignore.
 */
final class Uhi {
    private Uhi() {}

    static final String WRITER = "pocket";
    static final String VERSION = "0.1.0";

    // ------------------------------------------------------------------ write

    static JsonObject write(Hist h) {
        JsonObject o = new JsonObject();
        o.addProperty("uhi_schema", 1);
        JsonObject info = new JsonObject();
        info.addProperty("version", VERSION);
        info.addProperty("nan_count", h.nanCount());
        JsonObject wi = new JsonObject();
        wi.add(WRITER, info);
        o.add("writer_info", wi);
        JsonArray axes = new JsonArray();
        for (HistAxis a : h.axes()) axes.add(axis(a));
        o.add("axes", axes);
        o.add("storage", storage(h));
        return o;
    }

    private static JsonObject axis(HistAxis a) {
        JsonObject o = new JsonObject();
        if (a instanceof RegularAxis r) {
            o.addProperty("type", "regular");
            o.addProperty("lower", r.lower());
            o.addProperty("upper", r.upper());
            o.addProperty("bins", r.size());
            flow(o, a);
        } else if (a instanceof IntegerAxis i) {
            // UHI has no integer axis: boost-histogram writes its Integer axis as regular, so do we
            o.addProperty("type", "regular");
            o.addProperty("lower", i.lower());
            o.addProperty("upper", i.upper());
            o.addProperty("bins", i.size());
            flow(o, a);
            JsonObject wi = new JsonObject(), mine = new JsonObject();
            mine.addProperty("orig_type", "integer");
            wi.add(WRITER, mine);
            o.add("writer_info", wi);
        } else if (a instanceof VariableAxis v) {
            o.addProperty("type", "variable");
            JsonArray e = new JsonArray();
            for (double x : v.edges()) e.add(x);
            o.add("edges", e);
            flow(o, a);
        } else if (a instanceof StrCategoryAxis s) {
            o.addProperty("type", "category_str");
            JsonArray c = new JsonArray();
            for (String x : s.categories()) c.add(x);
            o.add("categories", c);
            o.addProperty("flow", s.overflow());
        } else if (a instanceof IntCategoryAxis ic) {
            o.addProperty("type", "category_int");
            JsonArray c = new JsonArray();
            for (int x : ic.categoryValues()) c.add(x);
            o.add("categories", c);
            o.addProperty("flow", ic.overflow());
        } else {
            o.addProperty("type", "boolean");
        }
        JsonObject meta = new JsonObject();
        meta.addProperty("name", a.name());
        meta.addProperty("label", a.label());
        o.add("metadata", meta);
        return o;
    }

    private static void flow(JsonObject o, HistAxis a) {
        o.addProperty("underflow", a.underflow());
        o.addProperty("overflow", a.overflow());
        o.addProperty("circular", false);
    }

    private static JsonObject storage(Hist h) {
        Storage s = h.storage();
        int[] ext = new int[h.rank()];
        for (int i = 0; i < ext.length; i++) ext[i] = h.axes().get(i).extent();
        JsonObject o = new JsonObject();
        o.addProperty("type", s.type.uhiName());
        switch (s.type) {
            case INT -> o.add("values", nest(ext, 0, new int[]{0}, i -> new JsonPrimitive(s.counts[i])));
            case DOUBLE -> o.add("values", nest(ext, 0, new int[]{0}, i -> new JsonPrimitive(s.values[i])));
            case WEIGHT -> {
                o.add("values", nest(ext, 0, new int[]{0}, i -> new JsonPrimitive(s.values[i])));
                o.add("variances", nest(ext, 0, new int[]{0}, i -> new JsonPrimitive(s.variances[i])));
            }
        }
        return o;
    }

    /** Row-major flat data as nested arrays, one level per axis; a scalar for a histogram without axes. */
    private static JsonElement nest(int[] ext, int level, int[] next, java.util.function.IntFunction<JsonElement> at) {
        if (level == ext.length) return at.apply(next[0]++);
        JsonArray a = new JsonArray(ext[level]);
        for (int i = 0; i < ext[level]; i++) a.add(nest(ext, level + 1, next, at));
        return a;
    }

    // ------------------------------------------------------------------ read

    static Hist read(JsonObject o) {
        if (o == null) throw bad("", "a UHI histogram object, got null");
        if (!o.has("uhi_schema"))
            throw bad("", "a UHI histogram: no \"uhi_schema\" key (keys: " + o.keySet() + ")");
        int schema = integer(o, "uhi_schema", "");
        if (schema != 1) throw bad("uhi_schema", "schema 1 (pocket reads uhi_schema 1), got " + schema);
        long nan = 0;
        JsonObject mine = pocketInfo(o);
        if (mine != null && mine.has("nan_count")) nan = mine.get("nan_count").getAsLong();
        JsonArray axesJson = array(o, "axes", "");
        List<HistAxis> axes = new ArrayList<>();
        for (int i = 0; i < axesJson.size(); i++) {
            JsonElement e = axesJson.get(i);
            if (!e.isJsonObject()) throw bad("axes[" + i + "]", "an axis object");
            axes.add(readAxis(e.getAsJsonObject(), i));
        }
        JsonObject st = object(o, "storage", "");
        String type = string(st, "type", "storage");
        int[] ext = new int[axes.size()];
        for (int i = 0; i < ext.length; i++) ext[i] = axes.get(i).extent();
        int size = Remap.total(ext);
        Storage storage = switch (type) {
            case "int" -> Storage.ofInt(readLongs(st, "values", ext, size));
            case "double" -> Storage.ofDouble(readDoubles(st, "values", ext, size));
            case "weighted" -> Storage.ofWeight(readDoubles(st, "values", ext, size), readDoubles(st, "variances", ext, size));
            case "mean", "weighted_mean" -> throw bad("storage.type", "int, double or weighted; pocket does not read \"" + type + "\" (profile) storage");
            default -> throw bad("storage.type", "one of int, double, weighted, mean, weighted_mean; got \"" + type + "\"");
        };
        return Hist.raw(axes, storage, nan);
    }

    private static JsonObject pocketInfo(JsonObject o) {
        if (!o.has("writer_info") || !o.get("writer_info").isJsonObject()) return null;
        JsonElement m = o.getAsJsonObject("writer_info").get(WRITER);
        return m != null && m.isJsonObject() ? m.getAsJsonObject() : null;
    }

    private static HistAxis readAxis(JsonObject o, int i) {
        String at = "axes[" + i + "]";
        String type = string(o, "type", at);
        String name = "axis" + i, label = null;
        if (o.has("metadata") && o.get("metadata").isJsonObject()) {
            JsonObject m = o.getAsJsonObject("metadata");
            if (m.has("name") && m.get("name").isJsonPrimitive() && !m.get("name").getAsString().isEmpty()) name = m.get("name").getAsString();
            if (m.has("label") && m.get("label").isJsonPrimitive()) label = m.get("label").getAsString();
        }
        switch (type) {
            case "regular", "variable" -> {
                boolean under = bool(o, "underflow", at), over = bool(o, "overflow", at);
                if (o.has("circular") && bool(o, "circular", at))
                    throw bad(at + ".circular", "false; pocket has no circular axes");
                if (type.equals("variable")) {
                    JsonElement e = o.get("edges");
                    if (e == null || !e.isJsonArray())
                        throw bad(at + ".edges", "an inline array of edges (out-of-band edge data is not read from JSON)");
                    JsonArray ea = e.getAsJsonArray();
                    double[] edges = new double[ea.size()];
                    for (int k = 0; k < edges.length; k++) edges[k] = number(ea.get(k), at + ".edges[" + k + "]");
                    return new VariableAxis(edges, name, label, under, over);
                }
                double lo = number(o.get("lower"), at + ".lower"), hi = number(o.get("upper"), at + ".upper");
                int bins = integer(o, "bins", at);
                JsonObject mine = pocketInfo(o);
                boolean integerAxis = mine != null && mine.has("orig_type") && "integer".equals(mine.get("orig_type").getAsString());
                if (!integerAxis && o.has("writer_info") && o.get("writer_info").isJsonObject()) {
                    JsonElement bh = o.getAsJsonObject("writer_info").get("boost-histogram");
                    integerAxis = bh != null && bh.isJsonObject() && bh.getAsJsonObject().has("orig_type")
                            && "Integer".equals(bh.getAsJsonObject().get("orig_type").getAsString());
                }
                if (integerAxis && lo == Math.rint(lo) && hi == Math.rint(hi) && hi - lo == bins)
                    return new IntegerAxis((int) lo, (int) hi, name, label, under, over);
                return new RegularAxis(bins, lo, hi, name, label, under, over);
            }
            case "category_str" -> {
                JsonArray c = array(o, "categories", at);
                List<String> cats = new ArrayList<>();
                for (int k = 0; k < c.size(); k++) {
                    JsonElement e = c.get(k);
                    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw bad(at + ".categories[" + k + "]", "a string");
                    cats.add(e.getAsString());
                }
                return new StrCategoryAxis(name, label, cats, !bool(o, "flow", at));
            }
            case "category_int" -> {
                JsonArray c = array(o, "categories", at);
                int[] cats = new int[c.size()];
                for (int k = 0; k < cats.length; k++) {
                    double v = number(c.get(k), at + ".categories[" + k + "]");
                    if (v != (int) v) throw bad(at + ".categories[" + k + "]", "an integer, got " + v);
                    cats[k] = (int) v;
                }
                return new IntCategoryAxis(name, label, cats, !bool(o, "flow", at));
            }
            case "boolean" -> { return new BooleanAxis(name, label); }
            default -> throw bad(at + ".type", "one of regular, variable, category_str, category_int, boolean; got \"" + type + "\"");
        }
    }

    private static double[] readDoubles(JsonObject st, String key, int[] ext, int size) {
        double[] out = new double[size];
        JsonElement e = st.get(key);
        if (e == null) {
            if (hasAnyData(st)) throw bad("storage." + key, "an array (the storage has other data arrays)");
            return out; // empty (metadata-only) storage: zeros
        }
        if (st.has("index")) { sparse(st, key, ext, (f, v) -> out[f] = number(v, "storage." + key)); return out; }
        int[] next = {0};
        unnest(e, ext, 0, "storage." + key, next, (f, v) -> out[f] = number(v, "storage." + key));
        return out;
    }

    private static long[] readLongs(JsonObject st, String key, int[] ext, int size) {
        long[] out = new long[size];
        JsonElement e = st.get(key);
        if (e == null) return out;
        Visitor put = (f, v) -> {
            double d = number(v, "storage." + key);
            if (d != Math.rint(d)) throw bad("storage." + key, "integers for int storage, got " + d);
            out[f] = v.getAsLong();
        };
        if (st.has("index")) { sparse(st, key, ext, put); return out; }
        unnest(e, ext, 0, "storage." + key, new int[]{0}, put);
        return out;
    }

    private static boolean hasAnyData(JsonObject st) {
        return st.has("values") || st.has("variances") || st.has("counts");
    }

    private interface Visitor { void at(int flat, JsonElement value); }

    private static void unnest(JsonElement e, int[] ext, int level, String at, int[] next, Visitor v) {
        if (level == ext.length) {
            if (!e.isJsonPrimitive()) throw bad(at, "a number at depth " + level + " (one array level per axis)");
            v.at(next[0]++, e);
            return;
        }
        if (!e.isJsonArray() || e.getAsJsonArray().size() != ext[level])
            throw bad(at, "an array of " + ext[level] + " at depth " + level + " (axis " + level
                    + " has " + ext[level] + " bins with flow), got " + describe(e));
        for (JsonElement x : e.getAsJsonArray()) unnest(x, ext, level + 1, at, next, v);
    }

    /** Sparse storage: "index" is [axis][filled bin] of slots counted from the underflow bin. */
    private static void sparse(JsonObject st, String key, int[] ext, Visitor v) {
        JsonArray index = array(st, "index", "storage");
        JsonArray data = array(st, key, "storage");
        if (index.size() != ext.length) throw bad("storage.index", ext.length + " rows (one per axis), got " + index.size());
        int[] stride = Remap.strides(ext);
        for (int k = 0; k < data.size(); k++) {
            int f = 0;
            for (int a = 0; a < ext.length; a++) {
                int s = index.get(a).getAsJsonArray().get(k).getAsInt();
                if (s < 0 || s >= ext[a]) throw bad("storage.index[" + a + "][" + k + "]", "a slot in 0.." + (ext[a] - 1) + ", got " + s);
                f += s * stride[a];
            }
            v.at(f, data.get(k));
        }
    }

    private static String describe(JsonElement e) {
        return e.isJsonArray() ? "an array of " + e.getAsJsonArray().size() : e.toString();
    }

    private static IllegalArgumentException bad(String at, String expected) {
        return new IllegalArgumentException("hist: UHI " + (at.isEmpty() ? "document" : "key '" + at + "'") + ": expected " + expected);
    }

    private static JsonElement need(JsonObject o, String key, String at) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw bad(join(at, key), "a value (required by the UHI schema)");
        return e;
    }

    private static String join(String at, String key) { return at.isEmpty() ? key : at + "." + key; }

    private static JsonObject object(JsonObject o, String key, String at) {
        JsonElement e = need(o, key, at);
        if (!e.isJsonObject()) throw bad(join(at, key), "an object, got " + e);
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String key, String at) {
        JsonElement e = need(o, key, at);
        if (!e.isJsonArray()) throw bad(join(at, key), "an array, got " + e);
        return e.getAsJsonArray();
    }

    private static String string(JsonObject o, String key, String at) {
        JsonElement e = need(o, key, at);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw bad(join(at, key), "a string, got " + e);
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String key, String at) {
        JsonElement e = need(o, key, at);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw bad(join(at, key), "true or false, got " + e);
        return e.getAsBoolean();
    }

    private static int integer(JsonObject o, String key, String at) {
        double d = number(need(o, key, at), join(at, key));
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw bad(join(at, key), "an integer, got " + d);
        return (int) d;
    }

    private static double number(JsonElement e, String at) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw bad(at, "a number, got " + e);
        return e.getAsDouble();
    }
}
