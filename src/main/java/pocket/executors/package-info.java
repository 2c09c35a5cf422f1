/**
 * Executors behind PocketCoffea's factory interface ({@link pocket.executors.ExecutorFactory}):
 * {@code iterative} (the caller's thread) and {@code futures} (a pool of {@code scaleout} threads),
 * user setups from {@code --executor-custom-setup} (a JShell script defining
 * {@code getExecutorFactory(String name, RunOptions options)}, or a jar), and site executors found
 * with {@link java.util.ServiceLoader} through {@link pocket.executors.ExecutorProvider}; all looked
 * up by executor string ({@code name@site}) with {@link pocket.executors.Executors#lookup}.
 */
package pocket.executors;
