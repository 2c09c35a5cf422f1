/**
 * ROOT's compression: a record is a sequence of blocks, each with a 9-byte header — two magic
 * bytes ("ZL" zlib, "XZ" LZMA, "L4" LZ4, "ZS" ZSTD), one method byte, then the compressed and
 * uncompressed sizes as 3-byte little-endian numbers. LZ4 blocks start with an 8-byte xxhash64
 * of the LZ4 data, verified before decoding. One class per algorithm; {@link pocket.rootio.compress.Blocks}
 * walks the blocks of a record.
 *
 * <p>Of pocket, it may import {@code pocket.rootio}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.rootio.compress;
