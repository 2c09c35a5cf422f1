/**
 * The processor, PocketCoffea's workflow: a {@link pocket.workflow.Configurator} loaded from an analysis script runs {@link pocket.workflow.BaseWorkflow} over one {@link pocket.workflow.Chunk} and returns an {@link pocket.workflow.Output}, a value that adds exactly and is postprocessed once.
 *
 * <p>Of pocket, it may import {@code pocket.config}, {@code pocket.events}, {@code pocket.hist}, {@code pocket.rootio}, {@code pocket.rootio.file}, {@code pocket.rootio.write}, {@code pocket.skim} and {@code pocket.util}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.workflow;
