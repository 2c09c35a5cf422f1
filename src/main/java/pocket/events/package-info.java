/**
 * One chunk of events as columns, the Java counterpart of coffea's NanoEvents: branches are
 * read lazily from a {@link pocket.rootio.Tree} (only those a config touches), NanoAOD
 * collections ({@code Muon}, {@code Jet}, ...) are built from the {@code <Coll>_<field>} and
 * {@code n<Coll>} naming, object masks give derived collections ({@code JetGood}), and
 * {@link pocket.events.Kinematics} computes invariant masses, ΔR and Δφ. Everything is
 * primitive arrays: a jagged field is offsets plus contents, never an object per event.
 *
 * <p>Of pocket, it may import {@code pocket.rootio} and {@code pocket.util}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.events;
