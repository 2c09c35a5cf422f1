package pocket.config;

import java.util.LinkedHashMap;
import java.util.Map;
import pocket.events.Events;

/**
 * One axis of a histogram definition, PocketCoffea's {@code Axis}: what to fill — a field of a
 * collection ({@code coll}, {@code field}; all objects, or only the {@code pos}-th), a per-event
 * value ({@code coll = "events"}: a branch such as {@code MET_pt}, a column the workflow added,
 * or {@code n<Coll>} for a collection's counts), or a custom column function — and its binning
 * (regular, variable edges or integer). Immutable; the setters return new axes.
 */
public final class Axis {
    public enum Type { REGULAR, VARIABLE, INTEGER }

    /** A per-event value computed from the events (a custom column). */
    @FunctionalInterface
    public interface Column {
        double[] compute(Events events);
    }

    private final String coll, field, name, label;
    private final Integer pos;
    private final Type type;
    private final int bins;
    private final double start, stop;
    private final double[] edges;
    private final Column column;

    private Axis(String coll, String field, String name, String label, Integer pos, Type type, int bins, double start, double stop, double[] edges, Column column) {
        this.coll = coll; this.field = field; this.name = name; this.label = label; this.pos = pos; this.type = type;
        this.bins = bins; this.start = start; this.stop = stop; this.edges = edges; this.column = column;
        if (type == Type.REGULAR && (bins <= 0 || !(stop > start)))
            throw new ConfigException("axis " + name() + ": need bins > 0 and stop > start, got " + bins + ", " + start + ", " + stop);
        if (type == Type.INTEGER && !(stop > start))
            throw new ConfigException("axis " + name() + ": need stop > start, got " + start + ", " + stop);
        if (type == Type.VARIABLE) {
            if (edges.length < 2) throw new ConfigException("axis " + name() + ": need at least two edges");
            for (int i = 1; i < edges.length; i++) if (!(edges[i] > edges[i - 1])) throw new ConfigException("axis " + name() + ": edges must increase");
        }
    }

    /** Regular binning of a collection field (all objects) or, with {@code coll = "events"}, a per-event value. */
    public static Axis of(String coll, String field, int bins, double start, double stop) {
        return new Axis(coll, field, null, null, null, Type.REGULAR, bins, start, stop, null, null);
    }

    /** A per-event value (branch, column or {@code n<Coll>}) with regular binning. */
    public static Axis of(String field, int bins, double start, double stop) { return of("events", field, bins, start, stop); }

    public static Axis variable(String coll, String field, double... edges) {
        return new Axis(coll, field, null, null, null, Type.VARIABLE, edges.length - 1, edges[0], edges[edges.length - 1], edges.clone(), null);
    }

    /** Integer bins {@code [start, stop)}, e.g. object counts. */
    public static Axis integer(String coll, String field, int start, int stop) {
        return new Axis(coll, field, null, null, null, Type.INTEGER, stop - start, start, stop, null, null);
    }

    /** A custom per-event column computed by a function, with regular binning. */
    public static Axis custom(String name, Column column, int bins, double start, double stop) {
        return new Axis("events", name, name, null, null, Type.REGULAR, bins, start, stop, null, column);
    }

    /** Only the pos-th object of the collection (0 = leading). */
    public Axis pos(int p) {
        if (p < 0) throw new ConfigException("axis " + name() + ": pos must be >= 0, got " + p);
        if (coll.equals("events")) throw new ConfigException("axis " + name() + ": pos applies to a collection, not to per-event values");
        return new Axis(coll, field, name, label, p, type, bins, start, stop, edges, column);
    }

    public Axis label(String l) { return new Axis(coll, field, name, l, pos, type, bins, start, stop, edges, column); }

    public Axis name(String n) { return new Axis(coll, field, n, label, pos, type, bins, start, stop, edges, column); }

    public String coll() { return coll; }
    public String field() { return field; }
    public Integer pos() { return pos; }
    public Type type() { return type; }
    public int bins() { return bins; }
    public double start() { return start; }
    public double stop() { return stop; }
    public double[] edges() { return edges == null ? null : edges.clone(); }
    public Column column() { return column; }

    /** The histogram axis name: given, or {@code <coll>.<field>} (PocketCoffea's default). */
    public String name() { return name != null ? name : coll + "." + field; }

    public String label() { return label != null ? label : name(); }

    /** True if the axis fills one entry per object (a collection field without pos). */
    public boolean perObject() { return column == null && !coll.equals("events") && pos == null; }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name()); m.put("label", label()); m.put("coll", coll); m.put("field", field);
        if (pos != null) m.put("pos", pos);
        m.put("type", type.name().toLowerCase());
        if (type == Type.VARIABLE) m.put("edges", edges); else { m.put("bins", bins); m.put("start", start); m.put("stop", stop); }
        if (column != null) m.put("custom", true);
        return m;
    }
}
