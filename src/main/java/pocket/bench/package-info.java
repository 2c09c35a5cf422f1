/**
 * The benchmarks, in one place: {@code pocket bench} ({@link pocket.bench.Bench}, with the ADL tasks and Z→μμ as users run them, {@link pocket.bench.BenchTask}), the reader against raw decompression ({@link pocket.bench.ReadBenchmark}), histogram fill rates ({@link pocket.bench.FillBenchmark}) and the run loop's overhead ({@link pocket.bench.RunBenchmark}); each prints its figures, cold and warm apart.
 *
 * <p>Of pocket, it may import {@code pocket.util}, {@code pocket.config}, {@code pocket.generate}, {@code pocket.hist}, {@code pocket.rootio}, {@code pocket.rootio.compress}, {@code pocket.rootio.file}, {@code pocket.rootio.model}, {@code pocket.rootio.read}, {@code pocket.rootio.write}, {@code pocket.run} and {@code pocket.workflow}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.bench;
