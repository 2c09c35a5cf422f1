package pocket.hist;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small checker written from scikit-hep/uhi's src/uhi/resources/histogram.schema.json and
 * docs/serialization.md (uhi_schema 1): required keys and their types for each axis and storage
 * type, "additionalProperties": false at every level, unique categories and edges, and data
 * arrays nested one level per axis with each axis's flow bins (boost-histogram's view(flow=True)).
 * Returns the list of problems; empty means the document follows the schema.
 */
public final class UhiSchemaCheck {
    private final List<String> problems = new ArrayList<>();

    public static List<String> check(JsonObject h) {
        UhiSchemaCheck c = new UhiSchemaCheck();
        c.histogram(h);
        return c.problems;
    }

    private void histogram(JsonObject h) {
        only(h, "", "uhi_schema", "writer_info", "metadata", "axes", "storage");
        if (!isInt(h.get("uhi_schema")) || h.get("uhi_schema").getAsInt() != 1) problems.add("uhi_schema must be the integer 1");
        if (h.has("writer_info")) writerInfo(h.get("writer_info"), "writer_info");
        if (h.has("metadata")) metadata(h.get("metadata"), "metadata");
        List<Integer> extents = new ArrayList<>();
        if (!h.has("axes") || !h.get("axes").isJsonArray()) problems.add("axes: required array");
        else {
            JsonArray axes = h.getAsJsonArray("axes");
            for (int i = 0; i < axes.size(); i++) extents.add(axis(axes.get(i), "axes[" + i + "]"));
        }
        if (!h.has("storage") || !h.get("storage").isJsonObject()) problems.add("storage: required object");
        else storage(h.getAsJsonObject("storage"), extents);
    }

    private int axis(JsonElement e, String at) {
        if (!e.isJsonObject()) { problems.add(at + ": must be an object"); return 0; }
        JsonObject a = e.getAsJsonObject();
        String type = isString(a.get("type")) ? a.get("type").getAsString() : "";
        if (a.has("metadata")) metadata(a.get("metadata"), at + ".metadata");
        if (a.has("writer_info")) writerInfo(a.get("writer_info"), at + ".writer_info");
        switch (type) {
            case "regular" -> {
                only(a, at, "type", "lower", "upper", "bins", "underflow", "overflow", "circular", "metadata", "writer_info");
                need(a, at, "lower", isNumber(a.get("lower")));
                need(a, at, "upper", isNumber(a.get("upper")));
                need(a, at, "bins", isInt(a.get("bins")) && a.get("bins").getAsInt() >= 0);
                flow(a, at);
                return isInt(a.get("bins")) ? a.get("bins").getAsInt() + flowBins(a) : 0;
            }
            case "variable" -> {
                only(a, at, "type", "edges", "underflow", "overflow", "circular", "metadata", "writer_info");
                JsonElement edges = a.get("edges");
                boolean ok = edges != null && edges.isJsonArray() && edges.getAsJsonArray().size() >= 2;
                Set<Double> seen = new HashSet<>();
                if (ok) for (JsonElement x : edges.getAsJsonArray()) ok &= isNumber(x) && seen.add(x.getAsDouble());
                need(a, at, "edges", ok);
                flow(a, at);
                return ok ? edges.getAsJsonArray().size() - 1 + flowBins(a) : 0;
            }
            case "category_str", "category_int" -> {
                only(a, at, "type", "categories", "flow", "metadata", "writer_info");
                JsonElement c = a.get("categories");
                boolean ok = c != null && c.isJsonArray();
                Set<String> seen = new HashSet<>();
                if (ok) for (JsonElement x : c.getAsJsonArray())
                    ok &= (type.equals("category_str") ? isString(x) : isInt(x)) && seen.add(x.toString());
                need(a, at, "categories", ok);
                need(a, at, "flow", isBool(a.get("flow")));
                return ok ? c.getAsJsonArray().size() + (isBool(a.get("flow")) && a.get("flow").getAsBoolean() ? 1 : 0) : 0;
            }
            case "boolean" -> {
                only(a, at, "type", "metadata", "writer_info");
                return 2;
            }
            default -> { problems.add(at + ".type: unknown axis type '" + type + "'"); return 0; }
        }
    }

    private void flow(JsonObject a, String at) {
        need(a, at, "underflow", isBool(a.get("underflow")));
        need(a, at, "overflow", isBool(a.get("overflow")));
        need(a, at, "circular", isBool(a.get("circular")));
    }

    private static int flowBins(JsonObject a) {
        return (isBool(a.get("underflow")) && a.get("underflow").getAsBoolean() ? 1 : 0)
                + (isBool(a.get("overflow")) && a.get("overflow").getAsBoolean() ? 1 : 0);
    }

    private void storage(JsonObject s, List<Integer> extents) {
        String type = isString(s.get("type")) ? s.get("type").getAsString() : "";
        List<String> arrays = switch (type) {
            case "int", "double" -> List.of("values");
            case "weighted" -> List.of("values", "variances");
            case "mean" -> List.of("counts", "values", "variances");
            default -> null;
        };
        if (arrays == null) { problems.add("storage.type: unknown '" + type + "'"); return; }
        List<String> allowed = new ArrayList<>(arrays);
        allowed.add("type");
        allowed.add("writer_info");
        only(s, "storage", allowed.toArray(new String[0]));
        for (String k : arrays) {
            if (!s.has(k)) { problems.add("storage." + k + ": required for " + type + " storage"); continue; }
            nested(s.get(k), extents, 0, "storage." + k, type.equals("int"));
        }
    }

    private void nested(JsonElement e, List<Integer> extents, int level, String at, boolean integers) {
        if (level == extents.size()) {
            if (integers ? !isInt(e) : !isNumber(e)) problems.add(at + ": leaf must be " + (integers ? "an integer" : "a number") + ", got " + e);
            return;
        }
        if (!e.isJsonArray() || e.getAsJsonArray().size() != extents.get(level)) {
            problems.add(at + ": level " + level + " must be an array of " + extents.get(level) + ", got " + e);
            return;
        }
        for (JsonElement x : e.getAsJsonArray()) nested(x, extents, level + 1, at, integers);
    }

    private void metadata(JsonElement m, String at) {
        if (!m.isJsonObject()) { problems.add(at + ": must be an object"); return; }
        for (Map.Entry<String, JsonElement> kv : m.getAsJsonObject().entrySet())
            if (!kv.getValue().isJsonPrimitive()) problems.add(at + "." + kv.getKey() + ": values are strings, numbers or booleans");
    }

    private void writerInfo(JsonElement w, String at) {
        if (!w.isJsonObject()) { problems.add(at + ": must be an object"); return; }
        for (Map.Entry<String, JsonElement> kv : w.getAsJsonObject().entrySet())
            if (!kv.getValue().isJsonObject()) problems.add(at + "." + kv.getKey() + ": must be an object");
    }

    private void only(JsonObject o, String at, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String k : o.keySet()) if (!ok.contains(k)) problems.add((at.isEmpty() ? "" : at + ".") + k + ": not allowed here");
    }

    private void need(JsonObject o, String at, String key, boolean ok) {
        if (!ok) problems.add(at + "." + key + ": missing or wrong type (" + o.get(key) + ")");
    }

    private static boolean isNumber(JsonElement e) { return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber(); }
    private static boolean isInt(JsonElement e) { return isNumber(e) && e.getAsDouble() == Math.rint(e.getAsDouble()) && !e.getAsString().contains("."); }
    private static boolean isBool(JsonElement e) { return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean(); }
    private static boolean isString(JsonElement e) { return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString(); }
}
