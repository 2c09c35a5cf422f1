/**
 * Skims saved as NanoAOD, as PocketCoffea's {@code save_skimmed_files}: {@link pocket.skim.SkimWriter}
 * copies the passing entries of a chunk into a new ROOT file, and
 * {@link pocket.skim.SkimmedDatasetDefinition} writes the {@code skimmed_dataset_definition.json}
 * that a later run reads as its datasets.
 */
package pocket.skim;
