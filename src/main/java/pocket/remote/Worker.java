package pocket.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import pocket.rootio.RootIOException;
import pocket.workflow.Chunk;

/**
 * The batch job's main class: {@code Worker RUN_FOLDER ROUND TASK} processes the chunks the
 * round gave this task with the same processor a local run uses, writing one partial output
 * per chunk (temporary name, then rename) and, for a chunk that failed or was skipped, a fate
 * record with the exception text. Chunks already done (by an earlier job) are left alone.
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
        JsonObject plan = JsonParser.parseString(Files.readString(runDir.resolve(RunFolder.PLAN))).getAsJsonObject();
        List<Chunk> chunks = ChunkJson.fromJson(plan.getAsJsonArray("chunks"));
        JsonArray tasks = JsonParser.parseString(Files.readString(runDir.resolve(RunFolder.ROUNDS).resolve(RunFolder.round(round)))).getAsJsonArray();
        if (task < 0 || task >= tasks.size()) {
            System.err.println("pocket worker: task " + task + " is not in round " + round + " (" + tasks.size() + " tasks)");
            return 2;
        }
        JsonObject work = plan.getAsJsonObject("work");
        JsonObject options = plan.getAsJsonObject("options");
        boolean skipBad = options.has("skip-bad-files") && options.get("skip-bad-files").getAsBoolean();
        WorkerInputs inputs = new WorkerInputs(Path.of(options.has("eos-mount") ? options.get("eos-mount").getAsString() : "/eos"));
        Path out = runDir.resolve(RunFolder.OUT);
        Path fates = runDir.resolve(RunFolder.FATE);
        Files.createDirectories(out);
        Files.createDirectories(fates);

        PartialWork w;
        try {
            w = PartialWork.create(work.get("class").getAsString());
            w.open(work.has("script") ? runDir.resolve(work.get("script").getAsString()) : null);
        } catch (Exception | LinkageError e) {
            // the whole task fails the same way: say so for each chunk so the driver can show why
            for (var idx : tasks.get(task).getAsJsonArray())
                writeFate(fates, idx.getAsInt(), round, "FAILED", "worker could not load the analysis: " + e, trace(e), 0);
            System.err.println("pocket worker: cannot load the analysis: " + trace(e));
            return 1;
        }
        for (var idx : tasks.get(task).getAsJsonArray()) {
            int i = idx.getAsInt();
            Path partial = out.resolve(RunFolder.partial(i));
            if (Files.exists(partial)) continue;
            Chunk c = chunks.get(i);
            Chunk local = new Chunk(c.dataset(), inputs.resolve(c.file()), c.tree(), c.start(), c.stop(), c.metadata());
            long t0 = System.nanoTime();
            try {
                JsonObject result = w.process(local);
                double seconds = (System.nanoTime() - t0) / 1e9;
                result.addProperty("pocket_worker_seconds", seconds);
                writeAtomically(partial, result.toString());
                Files.deleteIfExists(fates.resolve(RunFolder.partial(i)));
                System.err.println("pocket worker: chunk " + i + " (" + c.id() + ") done in " + String.format("%.2f", seconds) + " s");
            } catch (Exception | LinkageError e) {
                double seconds = (System.nanoTime() - t0) / 1e9;
                boolean bad = badFile(e);
                String status = bad && skipBad ? "SKIPPED" : "FAILED";
                String reason = (bad ? "bad input file " + c.file() + ": " : "") + e;
                writeFate(fates, i, round, status, reason, trace(e), seconds);
                System.err.println("pocket worker: chunk " + i + " (" + c.id() + ") " + status + ": " + reason);
            }
        }
        return 0;
    }

    /** Whether an exception means the input file itself is unreadable (what skip-bad-files skips). */
    static boolean badFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof RootIOException || t instanceof NoSuchFileException || t instanceof FileNotFoundException || t instanceof EOFException)
                return true;
        return false;
    }

    private static void writeFate(Path fates, int chunk, int round, String status, String reason, String traceback, double seconds) throws IOException {
        JsonObject f = new JsonObject();
        f.addProperty("chunk", chunk);
        f.addProperty("round", round);
        f.addProperty("status", status);
        f.addProperty("reason", reason);
        f.addProperty("traceback", traceback);
        f.addProperty("seconds", seconds);
        writeAtomically(fates.resolve(RunFolder.partial(chunk)), f.toString());
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String trace(Throwable e) {
        StringWriter s = new StringWriter();
        e.printStackTrace(new PrintWriter(s));
        return s.toString();
    }
}
