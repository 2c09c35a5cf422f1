/**
 * Small helpers every layer uses: nearest-name hints for error messages ({@link pocket.util.Names}), files written whole or not at all ({@link pocket.util.AtomicFiles}), messages without Java class names ({@link pocket.util.UserMessages}), compile errors with symbol, line and caret for the CLI and the kernel ({@link pocket.util.SourceMessages}) and values in an order that is the same in every JVM ({@link pocket.util.StableOrder}).
 *
 * <p>It imports no other pocket package. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.util;
