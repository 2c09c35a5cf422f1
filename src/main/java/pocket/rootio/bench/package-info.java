/** Read-speed benchmarks: the reader against raw decompression of the same baskets, on one core. */
package pocket.rootio.bench;
