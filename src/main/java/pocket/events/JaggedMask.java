package pocket.events;

/** A per-object selection, aligned with a {@link Jagged} or {@link Collection}: the object mask of coffea. */
public final class JaggedMask {
    public final int[] offsets;
    public final boolean[] values;

    public JaggedMask(int[] offsets, boolean[] values) {
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != values.length)
            throw new IllegalArgumentException("jagged mask: offsets must start at 0 and end at values.length (" + values.length + ")");
        this.offsets = offsets;
        this.values = values;
    }

    public int size() { return offsets.length - 1; }

    public JaggedMask and(JaggedMask o) { same(o); boolean[] m = new boolean[values.length]; for (int k = 0; k < m.length; k++) m[k] = values[k] && o.values[k]; return new JaggedMask(offsets, m); }
    public JaggedMask or(JaggedMask o) { same(o); boolean[] m = new boolean[values.length]; for (int k = 0; k < m.length; k++) m[k] = values[k] || o.values[k]; return new JaggedMask(offsets, m); }
    public JaggedMask not() { boolean[] m = new boolean[values.length]; for (int k = 0; k < m.length; k++) m[k] = !values[k]; return new JaggedMask(offsets, m); }

    /** Selected objects per event. */
    public int[] count() {
        int[] c = new int[size()];
        for (int i = 0; i < c.length; i++) for (int k = offsets[i]; k < offsets[i + 1]; k++) if (values[k]) c[i]++;
        return c;
    }

    public boolean[] any() {
        boolean[] out = new boolean[size()];
        for (int i = 0; i < out.length; i++) for (int k = offsets[i]; k < offsets[i + 1]; k++) if (values[k]) { out[i] = true; break; }
        return out;
    }

    public boolean[] all() {
        boolean[] out = new boolean[size()];
        for (int i = 0; i < out.length; i++) {
            boolean a = true;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) if (!values[k]) { a = false; break; }
            out[i] = a;
        }
        return out;
    }

    private void same(JaggedMask o) {
        if (o.values.length != values.length || o.offsets.length != offsets.length)
            throw new IllegalArgumentException("jagged mask: masks of different structure");
    }
}
