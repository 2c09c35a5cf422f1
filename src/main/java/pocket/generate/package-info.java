/**
 * Synthetic NanoAOD samples (Z→μμ, top-pair-like, SingleMuon-like data) with NanoAOD's branch
 * names and types, deterministic for a seed, written through {@code pocket.rootio.write} together
 * with the PocketCoffea dataset JSON that describes them.
 *
 * <p>Of pocket, it may import {@code pocket.rootio} and {@code pocket.rootio.write}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.generate;
