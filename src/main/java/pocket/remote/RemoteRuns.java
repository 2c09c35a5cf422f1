package pocket.remote;

import java.io.IOException;
import pocket.run.ProgressListener;
import pocket.run.RunOptions;

/**
 * Batch runs by id, for the notebook and {@code pocket attach}: resume watching a run whose
 * driver stopped (the notebook kernel restarted, the laptop slept) and get its result.
 */
public final class RemoteRuns {
    private RemoteRuns() {}

    /** Watches run {@code runId} (state under ~/.pocket/runs) to the end and returns its result. */
    public static BatchRun.Result attach(String runId) throws IOException, InterruptedException {
        return attach(runId, new RunOptions(java.util.Map.of()), false, ProgressListener.NONE);
    }

    /**
     * @param overrides      runs-dir, and ssh-* or poll-interval to use this time (e.g. a new key path)
     * @param resubmitFailed give chunks that ran out of retries new attempts, as --resubmit-failed does
     */
    public static BatchRun.Result attach(String runId, RunOptions overrides, boolean resubmitFailed, ProgressListener progress)
            throws IOException, InterruptedException {
        return BatchRun.attach(runId, overrides, resubmitFailed, progress);
    }
}
