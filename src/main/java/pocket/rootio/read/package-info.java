/**
 * The read path from baskets to columns: {@link pocket.rootio.read.Plans} decides how each branch
 * is interpreted (flat, fixed-length or jagged, and its primitive type);
 * {@link pocket.rootio.read.BasketDecoder} turns one basket's stored bytes into values and entry
 * offsets (no side effects, any thread); {@link pocket.rootio.read.BranchFill} trims and joins the
 * baskets of an entry range straight into the output arrays; {@link pocket.rootio.read.TreeReader}
 * is the {@link pocket.rootio.Tree}: one read fetches every overlapping basket in one request,
 * decompresses each once (in parallel when there are several) and fills the columns.
 */
package pocket.rootio.read;
