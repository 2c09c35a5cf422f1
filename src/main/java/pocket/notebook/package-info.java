/**
 * The notebook front: {@code Pocket.config("analysis.jsh").executor("futures").run()} runs the
 * same loop as {@code pocket run} (pocket.run.Runner, same run-option layering, same output
 * folder) with a progress bar that updates in place, and returns a {@link pocket.notebook.Result}
 * whose histograms, plots, cutflow and sumw show inline.
 *
 * <p>Of pocket, it may import {@code pocket.config}, {@code pocket.display}, {@code pocket.hist}, {@code pocket.kernel}, {@code pocket.plot}, {@code pocket.results}, {@code pocket.run}, {@code pocket.util} and {@code pocket.workflow}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.notebook;
