/**
 * ROOT's own objects as the reader sees them, with ROOT's field names: the file header, TKey,
 * TDirectory, TTree, TBranch/TBranchElement, the TLeaf family and TBasket, and
 * {@link pocket.rootio.model.Streamers}, which reads them with their fixed member layouts.
 *
 * <pre>
 * TFile header (byte 0)      "root" | fVersion i32 (≥ 1000000: 64-bit seeks) | fBEGIN i32 | fEND | fSeekFree
 *                            | fNbytesFree i32 | nfree i32 | fNbytesName i32 | fUnits u8 | fCompress i32
 *                            | fSeekInfo | fNbytesInfo i32 | fUUID        (fEND, fSeekFree, fSeekInfo: i32 or i64)
 * TKey (every record)        fNbytes i32 | fVersion i16 (> 1000: 64-bit seeks) | fObjlen i32 | fDatime u32
 *                            | fKeylen i16 | fCycle i16 | fSeekKey | fSeekPdir | fClassName | fName | fTitle (TStrings)
 * TDirectory                 version i16 | fDatimeC | fDatimeM | fNbytesKeys i32 | fNbytesName i32
 *                            | fSeekDir | fSeekParent | fSeekKeys          (i32, or i64 when version > 1000)
 * key list (at fSeekKeys)    TKey | nkeys i32 | nkeys TKey headers
 * TBasket record             TKey | fVersion i16 | fBufferSize i32 | fNevBufSize i32 | fNevBuf i32 | fLast i32 | flag i8
 *                            then fObjlen bytes (compressed in 9-byte-header blocks): values up to fLast - fKeylen,
 *                            then, for variable-size entries, n i32 and n entry offsets counted from the key start
 * </pre>
 *
 * <p>Of pocket, it may import {@code pocket.rootio} and {@code pocket.rootio.io}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.rootio.model;
