/**
 * Executors behind PocketCoffea's factory interface ({@link pocket.run.ExecutorFactory}):
 * {@code iterative} (the caller's thread) and {@code futures} (a pool of {@code scaleout} threads),
 * user setups from {@code --executor-custom-setup} (a JShell script defining
 * {@code getExecutorFactory(String name, RunOptions options)}, or a jar), and site executors found
 * with {@link java.util.ServiceLoader} through {@link pocket.run.ExecutorProvider}; all looked
 * up by executor string ({@code name@site}) with {@link pocket.run.ExecutorProviders#lookup}.
 *
 * <p>Of pocket, it may import {@code pocket.run} and {@code pocket.workflow}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.executors;
