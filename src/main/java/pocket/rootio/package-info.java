/**
 * ROOT files as columns. {@link pocket.rootio.RootFile#open(String)} opens a local path or a
 * remote URL (through {@code pocket.rootio.source}), lists keys and directories (the highest
 * cycle wins unless "name;cycle" asks for another) and gives each TTree as a
 * {@link pocket.rootio.Tree} (an RNTuple too, through {@code rntuple}): {@code tree.read("Jet_pt", start, stop)} returns a
 * {@link pocket.rootio.ColumnArray} of primitive values plus offsets for jagged branches.
 * Below: {@code io} (big-endian cursor), {@code model} (ROOT's objects and their layouts),
 * {@code compress} (one class per algorithm), {@code read} (baskets to columns), {@code write}
 * (the writer), {@code bench} (read speed against raw decompression).
 * Every error is a {@link pocket.rootio.RootIOException} naming the file, the object and the
 * byte offset.
 */
package pocket.rootio;
