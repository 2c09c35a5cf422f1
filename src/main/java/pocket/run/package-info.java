/**
 * The runner: PocketCoffea's run options layered from {@code defaults/executor_options_defaults.yaml},
 * the -ro YAML and the flags ({@link pocket.run.RunOptionsResolver}); the plan of a run, datasets →
 * files → chunks by coffea's balanced rule ({@link pocket.run.ChunkRule}, {@link pocket.run.ChunkPlan});
 * and the one run loop ({@link pocket.run.Runner}: {@link pocket.run.RunRequest} in,
 * {@link pocket.run.RunResult} out) that {@code pocket run}, notebooks and remote workers share. Every
 * chunk ends processed, failed or skipped ({@link pocket.run.ChunkFate}); outputs merge by a fixed
 * tree ({@link pocket.run.TreeReducer}) so every executor gives the same sum; the output folder keeps
 * the raw sum so {@code --resubmit-failed} can complete a partial run to the clean result.
 *
 * <p>Of pocket, it may import {@code pocket.config}, {@code pocket.rootio}, {@code pocket.rootio.file}, {@code pocket.skim}, {@code pocket.util} and {@code pocket.workflow}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.run;
