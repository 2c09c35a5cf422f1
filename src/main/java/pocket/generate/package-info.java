/**
 * Synthetic NanoAOD samples (Z→μμ, top-pair-like, SingleMuon-like data) with NanoAOD's branch
 * names and types, deterministic for a seed, written through {@code pocket.rootio.write} together
 * with the PocketCoffea dataset JSON that describes them.
 */
package pocket.generate;
