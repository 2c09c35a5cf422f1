/**
 * Writing ROOT files of TTrees, for synthetic samples, skims and benchmarks, and of TH1D/TH2D
 * histograms, for combine's shapes files.
 *
 * <p>{@link pocket.rootio.write.RootFileWriter} lays a file out as ROOT's TFile documentation
 * describes it:
 * <pre>
 *   0      header: "root", fVersion (+1000000 when large), fBEGIN=100, fEND, fSeekFree, fNbytesFree,
 *          nfree, fNbytesName, fUnits (4 or 8), fCompress, fSeekInfo, fNbytesInfo, fUUID
 *   100    TFile key + name + title + TDirectory (fSeekKeys points at the keys list)
 *          StreamerInfo key (TList of TStreamerInfo, lifted from nano_dy.root; see the resource note)
 *          TBasket keys, written as baskets fill (key header + fVersion, fBufferSize, fNevBufSize,
 *          fNevBuf, fLast, flag; payload = values, then for jagged branches n+1 entry offsets)
 *          TTree keys (TTree v20, TBranch v13, TLeaf* streamed with back references)
 *          keys list, free segments
 *   fEND
 * </pre>
 * Payloads are compressed in blocks of at most 0xffffff bytes, each with a 9-byte header
 * ("ZL", "XZ", "L4" + xxhash64, "ZS"). Keys past 2 GB use 64-bit seeks (key version 1004,
 * directory 1005, free segments 1001), or all of them do with {@code withLargeFormat(true)}.
 *
 * <p>The resource {@code streamerinfo.bin} holds the TStreamerInfo records ROOT 6.18 wrote into
 * the CMSSW NanoAOD sample {@code nano_dy.root} (from scikit-hep/coffea's test samples), plus
 * the TLeafS record of {@code nano_tt_v15.root}, re-streamed as one TList by
 * {@code StreamerInfoResource} (test sources), whose test checks the committed bytes. The
 * histogram classes' records follow them in the list, built by {@code HistogramStreamerInfos}.
 *
 * <p>Of pocket, it may import {@code pocket.rootio} and {@code pocket.util}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.rootio.write;
