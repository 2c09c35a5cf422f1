/**
 * The pocket Jupyter kernel: cells run with JShell inside the kernel's own JVM (so histograms
 * and run results stay live between cells), on the Jupyter wire protocol of
 * jupyter-jvm-basekernel; values show through the {@link pocket.kernel.Display} registry
 * (Hist and plots as PNG, tables as HTML, the rest as text). {@code pocket kernel install}
 * writes the kernel spec.
 */
package pocket.kernel;
