package pocket.hist;

/** Slot arithmetic shared by the axes and the fill loop: a slot is a bin index counted with flow bins. */
final class Slots {
    private Slots() {}

    /** The value falls outside an axis that has no flow bin there: not counted anywhere. */
    static final int DROP = -1;
    /** The value is NaN: counted in nanCount, not in a bin. */
    static final int NAN = -2;

    /** Folds one axis's slot into the partial flat index of one entry. */
    static int combine(int flat, int slot, int stride) {
        if (flat == NAN || slot == NAN) return NAN;
        if (flat == DROP || slot == DROP) return DROP;
        return flat + slot * stride;
    }

    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        return Double.toString(x);
    }
}
