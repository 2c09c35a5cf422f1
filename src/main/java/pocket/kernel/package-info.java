/**
 * The pocket Jupyter kernel: cells run with JShell inside the kernel's own JVM (so histograms
 * and run results stay live between cells), on the Jupyter wire protocol of
 * jupyter-jvm-basekernel; values show through the {@link pocket.kernel.Display} registry
 * (Hist and plots as PNG, tables as HTML, the rest as text). {@code pocket kernel install}
 * writes the kernel spec.
 *
 * <p>Of pocket, it may import {@code pocket.display}, {@code pocket.hist} and {@code pocket.plot}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.kernel;
