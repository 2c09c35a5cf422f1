package pocket.workflow;

import pocket.config.ColumnRange;
import pocket.config.ColumnSum;
import pocket.config.ConfigException;
import pocket.events.ColumnNotFoundException;
import pocket.events.Events;
import pocket.events.Jagged;

/**
 * The values of a column named in a {@link ColumnSum} or {@link ColumnRange}, summed or ranged
 * over the events a mask keeps: one per event, or every object of the kept events for a
 * collection's field.
 */
final class ColumnValues {
    private final double[] values;
    /** Per-event object offsets into values; null for one value per event. */
    private final int[] offsets;

    private ColumnValues(double[] values, int[] offsets) { this.values = values; this.offsets = offsets; }

    /**
     * {@code name} or {@code events.name}: a per-event column or branch; {@code Coll.field}: the field
     * of a collection (one the workflow put, or a NanoAOD one with its {@code nColl} counter), else
     * the per-event branch {@code Coll_field} (NanoAOD's PV_npvs, MET_pt).
     */
    static ColumnValues of(String column, Events ev, String what) {
        try {
            int dot = column.indexOf('.');
            if (dot < 0) return new ColumnValues(ev.get(column), null);
            String coll = column.substring(0, dot), field = column.substring(dot + 1);
            if (coll.equals("events")) return new ColumnValues(ev.get(field), null);
            if (ev.collectionNames().contains(coll)) {
                Jagged j = ev.collection(coll).get(field);
                return new ColumnValues(j.values, j.offsets);
            }
            return new ColumnValues(ev.get(coll + "_" + field), null);
        } catch (ColumnNotFoundException e) {
            throw new ConfigException(what + ": " + e.getMessage(), e);
        }
    }

    /** Σ x (or Σ w·x with the event weights w) over the kept events' values, in event order. */
    Output.Sum sum(ColumnSum s, boolean[] keep, double[] w) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            double wi = w == null ? 1.0 : w[i];
            if (offsets == null) { sum += wi * values[i]; n++; continue; }
            for (int o = offsets[i]; o < offsets[i + 1]; o++) sum += wi * values[o];
            n += offsets[i + 1] - offsets[i];
        }
        return new Output.Sum(s.column(), s.isWeighted(), sum, n);
    }

    /** Min and max of the kept events' values; NaN is counted but never the min or max (Math.min keeps -0.0 below 0.0 in any order). */
    Output.Range range(ColumnRange r, boolean[] keep) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long n = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            int from = offsets == null ? i : offsets[i], to = offsets == null ? i + 1 : offsets[i + 1];
            for (int o = from; o < to; o++) {
                double x = values[o];
                if (x == x) { min = Math.min(min, x); max = Math.max(max, x); }
            }
            n += to - from;
        }
        return new Output.Range(r.column(), min, max, n);
    }
}
