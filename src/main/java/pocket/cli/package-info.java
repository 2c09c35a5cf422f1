/**
 * The picocli commands, one class per command: {@code pocket run} (and the {@code runner} alias with PocketCoffea's options), {@code ls}, {@code draw}, {@code attach}, {@code generate}, {@code demo}, {@code bench}, {@code kernel}; they only parse input, call the engine and print results.
 *
 * <p>Of pocket, it may import {@code pocket.bench}, {@code pocket.config}, {@code pocket.generate}, {@code pocket.hist}, {@code pocket.kernel}, {@code pocket.notebook}, {@code pocket.remote}, {@code pocket.results}, {@code pocket.rootio}, {@code pocket.rootio.file}, {@code pocket.rootio.model}, {@code pocket.rootio.rntuple}, {@code pocket.rootio.write}, {@code pocket.run}, {@code pocket.util} and {@code pocket.workflow}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.cli;
