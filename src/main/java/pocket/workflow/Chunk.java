package pocket.workflow;

import java.util.Map;

/**
 * One unit of work: entries {@code [start, stop)} of one tree in one file of one dataset,
 * with the dataset's metadata (sample, year, isMC, xsec, ... as strings, as in PocketCoffea's
 * dataset JSON). A plain value: it serialises to JSON so a remote worker gets exactly this.
 */
public record Chunk(String dataset, String file, String tree, long start, long stop,
                    Map<String, String> metadata) {
    public Chunk {
        if (start < 0 || stop < start)
            throw new IllegalArgumentException("chunk of " + file + ": bad entry range [" + start + ", " + stop + ")");
        metadata = Map.copyOf(metadata);
    }

    public long entries() { return stop - start; }

    /** Stable identifier used in failed_chunks.json, logs and partial-output file names. */
    public String id() { return dataset + ":" + file + ":" + tree + ":" + start + "-" + stop; }
}
