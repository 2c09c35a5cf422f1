/**
 * Histograms as boost-histogram and hist shape them: axes apart from storage.
 *
 * <p>An {@link pocket.hist.HistAxis} maps a value to a bin and knows its edges or categories and its
 * flow bins: {@link pocket.hist.RegularAxis}, {@link pocket.hist.VariableAxis},
 * {@link pocket.hist.IntegerAxis}, {@link pocket.hist.StrCategoryAxis},
 * {@link pocket.hist.IntCategoryAxis} and {@link pocket.hist.BooleanAxis}. Storage is int, double
 * or weight (Σw, Σw²). A {@link pocket.hist.Hist} is axes + storage + one flat-index routine; it is
 * filled from primitive arrays, adds exactly (category axes are unioned, so chunk outputs whose
 * categories grew differently still merge), and reads and writes UHI JSON ({@code uhi_schema: 1}),
 * which Python's {@code hist} and {@code boost-histogram} load.
 *
 * <p>Flow follows ROOT: the lower edge of a bin is inclusive, {@code x >= upper} goes to the
 * overflow bin, {@code x < lower} to the underflow bin. NaN is never put in a bin: it is counted
 * apart ({@link pocket.hist.Hist#nanCount()}). Category axes made by the builder are growable and
 * have no flow bin (a value not yet seen adds a category); a category axis read from UHI with
 * {@code flow: true} is fixed and sends unknown values to its flow bin, as boost-histogram does.
 *
 * <p>This package knows nothing of files.
 *
 * <p>Of pocket, it may import {@code pocket.util}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.hist;
