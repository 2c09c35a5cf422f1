/**
 * RNTuple (format 1.0, ROOT 6.34+) read as a {@link pocket.rootio.Tree}:
 * {@link pocket.rootio.rntuple.Anchor} (the ROOT::RNTuple key) → {@link pocket.rootio.rntuple.Envelopes}
 * (header, footer, page lists: ROOT-block compressed, XXH3-checked) → {@link pocket.rootio.rntuple.Schema}
 * (fields, columns, alias columns) and {@link pocket.rootio.rntuple.Cluster}s (pages per column) →
 * {@link pocket.rootio.rntuple.PageDecoder} (split, zigzag, delta, bits) →
 * {@link pocket.rootio.rntuple.RNTupleTree}, which offers NanoAOD's TTree branch names
 * ({@code nJet}, {@code Jet_pt}) as decided in {@link pocket.rootio.rntuple.FieldPlans}.
 *
 * <p>Envelope: u64 (type in the low 16 bits, length in the high 48), payload, XXH3-64 of both.
 * Frames: i64 size (negative for a list frame, followed by a u32 item count). All little-endian
 * except the anchor, which is a classic big-endian TFile object.
 *
 * <p>Of pocket, it may import {@code pocket.rootio} and {@code pocket.rootio.compress}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.rootio.rntuple;
