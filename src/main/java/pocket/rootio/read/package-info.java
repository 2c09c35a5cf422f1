/**
 * The read path from baskets to columns: {@link pocket.rootio.read.BranchPlans} decides how each branch
 * is interpreted (flat, fixed-length or jagged, and its primitive type);
 * {@link pocket.rootio.read.BasketDecoder} turns one basket's stored bytes into values and entry
 * offsets (no side effects, any thread); {@link pocket.rootio.read.BranchFill} trims and joins the
 * baskets of an entry range straight into the output arrays; {@link pocket.rootio.read.TreeReader}
 * is the {@link pocket.rootio.Tree}: one read fetches every overlapping basket in one request,
 * decompresses each once (in parallel when there are several) and fills the columns.
 *
 * <p>Of pocket, it may import {@code pocket.rootio}, {@code pocket.rootio.compress} and {@code pocket.rootio.model}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.rootio.read;
