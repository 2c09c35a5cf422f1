/**
 * Skims saved as NanoAOD, as PocketCoffea's {@code save_skimmed_files}: {@link pocket.skim.SkimWriter}
 * copies the passing entries of a chunk into a new ROOT file, and
 * {@link pocket.skim.SkimmedDatasetDefinition} writes the {@code skimmed_dataset_definition.json}
 * that a later run reads as its datasets.
 *
 * <p>Of pocket, it may import {@code pocket.rootio} and {@code pocket.rootio.write}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.skim;
