package pocket.remote;

import java.util.List;
import java.util.Map;

/**
 * One batch system as the driver sees it: the job description for a round of tasks, the
 * commands to submit, ask for states and cancel, and how to read their answers. Commands are
 * built with {@link ShellQuote} and run in the run folder.
 */
interface BatchSystem {
    /** How a task stands: still queued or running, or over (whatever the outcome). */
    enum TaskState { ACTIVE, ENDED }

    String name();

    /** The job description file's name and text for round {@code round} with {@code tasks} array tasks. */
    Map.Entry<String, String> jobFile(String runDir, String runId, int round, int tasks, JobResources r);

    /** The command (run in the run folder) that submits the job file and prints the job id. */
    String submitCommand(String runDir, String jobFile, int round);

    String parseJobId(String submitOutput) throws RemoteException;

    /** A command printing the states of the jobs' tasks; exit status ignored. */
    String statusCommand(List<String> jobIds);

    /** Task states keyed "JOBID.TASK"; a task absent from the answer has left the system. */
    Map<String, TaskState> parseStatus(String output);

    String cancelCommand(List<String> jobIds);
}
