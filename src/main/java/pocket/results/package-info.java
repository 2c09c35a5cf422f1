/**
 * After the run: output folders read back ({@link pocket.results.OutputFolder}), added exactly
 * ({@link pocket.results.Merge}), plotted and exported to ROOT shapes files — what
 * {@code pocket plot}, {@code pocket merge}, {@code pocket export-root} and {@code Result.load} do.
 *
 * <p>Of pocket, it may import {@code pocket.util}, {@code pocket.display}, {@code pocket.rootio.write},
 * {@code pocket.hist}, {@code pocket.workflow}, {@code pocket.run} and {@code pocket.plot}. All come before
 * it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.results;
