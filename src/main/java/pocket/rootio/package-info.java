/**
 * ROOT files as columns. {@link pocket.rootio.file.RootFile#open(String)} opens a local path or a
 * remote URL (through {@code pocket.rootio.source}), lists keys and directories (the highest
 * cycle wins unless "name;cycle" asks for another) and gives each TTree as a
 * {@link pocket.rootio.Tree} (an RNTuple too, through {@code rntuple}): {@code tree.read("Jet_pt", start, stop)} returns a
 * {@link pocket.rootio.ColumnArray} of primitive values plus offsets for jagged branches.
 * Below: {@code io} (big-endian cursor), {@code model} (ROOT's objects and their layouts),
 * {@code compress} (one class per algorithm), {@code read} (baskets to columns), {@code write}
 * (the writer), {@code rntuple} (RNTuple), {@code source} (local and remote bytes); {@code file} holds the facade.
 * Every error is a {@link pocket.rootio.RootIOException} naming the file, the object and the
 * byte offset.
 *
 * <p>Of pocket, it may import {@code pocket.util}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.rootio;
