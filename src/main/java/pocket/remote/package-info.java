/**
 * Batch sites over SSH (JSch): HTCondor and Slurm submission, staging of the config, jars and chunk plan, job watching with retries, the worker that runs on the batch node, and {@code pocket attach} for a run whose driver was killed; registered as executors through {@link pocket.remote.SiteExecutorProvider}.
 *
 * <p>Of pocket, it may import {@code pocket.run}, {@code pocket.util} and {@code pocket.workflow}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.remote;
