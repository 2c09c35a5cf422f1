package pocket.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import pocket.run.ChunkAttempts;
import pocket.run.ChunkFate;
import pocket.run.FailurePolicy;
import pocket.util.AtomicFiles;
import pocket.workflow.Chunk;

/**
 * The batch job's main class: {@code Worker RUN_FOLDER ROUND TASK} processes the chunks the
 * round gave this task through {@link ChunkAttempts}, as every local executor does (same
 * processor, same failure policy, same fate JSON), writing one partial output per chunk
 * atomically or, for a chunk that failed or was skipped, its fate. Chunks already done (by an
 * earlier job) are left alone.
 */
public final class Worker {
    private Worker() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: pocket.remote.Worker RUN_FOLDER ROUND TASK");
            System.exit(2);
        }
        int status = run(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2].trim()));
        System.exit(status);
    }

    /** Processes one task; 0 when every chunk got an output or a fate record. */
    public static int run(Path runDir, int round, int task) throws IOException {
        JsonObject plan = JsonParser.parseString(Files.readString(runDir.resolve(BatchFolder.PLAN))).getAsJsonObject();
        List<Chunk> chunks = Chunk.fromJson(plan.getAsJsonArray("chunks"));
        JsonArray tasks = JsonParser.parseString(Files.readString(runDir.resolve(BatchFolder.ROUNDS).resolve(BatchFolder.round(round)))).getAsJsonArray();
        if (task < 0 || task >= tasks.size()) {
            System.err.println("pocket worker: task " + task + " is not in round " + round + " (" + tasks.size() + " tasks)");
            return 2;
        }
        JsonObject work = plan.getAsJsonObject("work");
        JsonObject options = plan.getAsJsonObject("options");
        boolean skipBad = options.has("skip-bad-files") && options.get("skip-bad-files").getAsBoolean();
        WorkerInputs inputs = new WorkerInputs(Path.of(options.has("eos-mount") ? options.get("eos-mount").getAsString() : "/eos"));
        Path out = runDir.resolve(BatchFolder.OUT);
        Path fates = runDir.resolve(BatchFolder.FATE);
        Files.createDirectories(out);
        Files.createDirectories(fates);

        // one attempt per job: the driver resubmits what the failure policy calls transient, as a new job
        FailurePolicy policy = new FailurePolicy(0, skipBad);
        if (plan.has("properties")) {
            for (var e : plan.getAsJsonObject("properties").entrySet()) System.setProperty(e.getKey(), e.getValue().getAsString());
        }
        PartialWork w;
        try {
            w = PartialWork.create(work.get("class").getAsString());
            w.open(work.has("script") ? runDir.resolve(work.get("script").getAsString()) : null);
        } catch (Exception | LinkageError e) {
            // the whole task fails the same way: say so for each chunk so the driver can show why
            for (var idx : tasks.get(task).getAsJsonArray()) {
                ChunkFate f = policy.fate(chunks.get(idx.getAsInt()), e, 1, 0);
                writeFate(fates, idx.getAsInt(), round, new ChunkFate(f.chunk(), ChunkFate.Status.FAILED,
                        "worker could not load the analysis: " + f.reason(), f.traceback(), 1, 0, f.kind()));
            }
            System.err.println("pocket worker: cannot load the analysis: " + e);
            return 1;
        }
        for (var idx : tasks.get(task).getAsJsonArray()) {
            int i = idx.getAsInt();
            Path partial = out.resolve(BatchFolder.partial(i));
            if (Files.exists(partial)) continue;
            Chunk c = chunks.get(i);
            Chunk local = new Chunk(c.dataset(), inputs.resolve(c.file()), c.tree(), c.start(), c.stop(), c.metadata());
            ChunkAttempts.Done<JsonObject> d = ChunkAttempts.run(local, w::process, policy);
            ChunkFate f = d.fate();
            if (d.output() != null) {
                d.output().addProperty("pocket_worker_seconds", f.seconds());
                AtomicFiles.write(partial, d.output().toString());
                Files.deleteIfExists(fates.resolve(BatchFolder.partial(i)));
                System.err.println("pocket worker: chunk " + i + " (" + c.id() + ") done in " + String.format("%.2f", f.seconds()) + " s");
            } else {
                writeFate(fates, i, round, new ChunkFate(c, f.status(), f.reason(), f.traceback(), f.attempts(), f.seconds(), f.kind()));
                System.err.println("pocket worker: chunk " + i + " (" + c.id() + ") " + f.status() + ": " + f.reason());
            }
        }
        return 0;
    }

    /** A chunk's fate record for the driver: the fate's JSON, which chunk and round, and the traceback text. */
    private static void writeFate(Path fates, int chunk, int round, ChunkFate fate) throws IOException {
        JsonObject f = fate.toJson();
        f.addProperty("chunk", chunk);
        f.addProperty("round", round);
        f.addProperty("traceback", fate.traceback());
        AtomicFiles.write(fates.resolve(BatchFolder.partial(chunk)), f.toString());
    }
}
