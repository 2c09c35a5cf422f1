package pocket.hist;

import java.util.List;

/** One histogram axis: maps a value to a bin and knows its bins, edges or categories, and flow bins. */
public sealed interface HistAxis
        permits RegularAxis, VariableAxis, IntegerAxis, StrCategoryAxis, IntCategoryAxis, BooleanAxis {

    /** The axis name, unique within a histogram (hist's {@code name=}). */
    String name();

    /** The axis label for plots (hist's {@code label=}); may contain LaTeX. */
    String label();

    /** Number of bins, flow bins excluded. */
    int size();

    /** True when values below the axis land in an underflow bin (otherwise they are dropped). */
    boolean underflow();

    /** True when values above the axis (or unknown categories) land in an overflow bin. */
    boolean overflow();

    /** Number of bins including flow bins: the length of this axis in {@code values(true)}. */
    default int extent() { return size() + (underflow() ? 1 : 0) + (overflow() ? 1 : 0); }

    /** True for an integer axis (hist's {@code Integer}): unit bins of whole numbers, counts such as nJet. */
    default boolean isInteger() { return false; }

    /** True for string, int and boolean category axes. */
    default boolean isCategory() { return false; }

    /** The {@code size()+1} bin edges of a continuous axis. */
    default double[] edges() {
        throw new UnsupportedOperationException("hist: axis '" + name() + "' is a category axis and has no edges");
    }

    /** Bin names, one per bin without flow: "[0, 4)" for continuous axes, the category for category axes. */
    List<String> binLabels();
}
