/**
 * Where a file's bytes come from: local files, XRootD (with TLS and tokens), HTTP(S) ranges through proxies, read-ahead, and vector reads that fetch many ranges in one round trip.
 *
 * <p>Of pocket, it may import {@code pocket.rootio}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.rootio.source;
