/**
 * How a value shows itself in a notebook: {@link pocket.display.Renderable} values hand a {@link pocket.display.MimeBundle} (PNG, HTML, text) to whichever front shows them, so plots, the kernel and the notebook API meet here without knowing each other.
 *
 * <p>It imports no other pocket package. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.display;
