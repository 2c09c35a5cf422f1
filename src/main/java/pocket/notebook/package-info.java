/**
 * The notebook front: {@code Pocket.config("analysis.jsh").executor("futures").run()} runs the
 * same loop as {@code pocket run} (pocket.run.Runner, same run-option layering, same output
 * folder) with a progress bar that updates in place, and returns a {@link pocket.notebook.Result}
 * whose histograms, plots, cutflow and sumw show inline.
 */
package pocket.notebook;
