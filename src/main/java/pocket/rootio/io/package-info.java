/** The big-endian byte cursor the model reads ROOT records with, keeping TBufferFile's reference table. */
package pocket.rootio.io;
