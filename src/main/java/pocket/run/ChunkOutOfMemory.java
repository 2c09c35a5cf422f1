package pocket.run;

import pocket.workflow.Chunk;

/** A chunk that ran out of Java heap, told as what to lower or raise rather than as a dying JVM. */
public final class ChunkOutOfMemory extends RuntimeException {
    ChunkOutOfMemory(Chunk chunk, OutOfMemoryError e) {
        super("out of memory on this chunk's " + chunk.entries() + " events (Java heap at most "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB): lower --chunksize, or give the JVM more heap "
                + "(bin/pocket: POCKET_JAVA_OPTS=-Xmx4g; the notebook kernel: pocket kernel install --jvm-opt=-Xmx4g); "
                + "then --resubmit-failed runs the failed chunks again", e);
    }
}
