/**
 * {@link pocket.rootio.file.RootFile}, the facade of the reader: opens a local path or URL, lists keys and directories, and hands out each TTree or RNTuple as a {@link pocket.rootio.Tree}; it implements {@link pocket.rootio.FileBytes}, through which the tree readers read.
 *
 * <p>Of pocket, it may import {@code pocket.rootio}, {@code pocket.rootio.compress}, {@code pocket.rootio.io}, {@code pocket.rootio.model}, {@code pocket.rootio.read}, {@code pocket.rootio.rntuple}, {@code pocket.rootio.source} and {@code pocket.util}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.rootio.file;
