/**
 * Small helpers every layer uses: nearest-name hints for error messages ({@link pocket.util.Names}) and files written whole or not at all ({@link pocket.util.AtomicFiles}).
 *
 * <p>It imports no other pocket package. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.util;
