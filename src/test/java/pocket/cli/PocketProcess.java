package pocket.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** `pocket ARGS` as a user types it: a fresh JVM running PocketCommand.main, its exit code, stdout and stderr. */
final class PocketProcess {
    record Result(int code, String out, String err) {
        @Override public String toString() { return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err; }
    }

    private PocketProcess() {}

    static Path home() { return Path.of(System.getProperty("pocket.home", ".")).toAbsolutePath(); }

    static Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PocketCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("POCKET_DEBUG");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("pocket-out", ".txt"), err = Files.createTempFile("pocket-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) { p.destroyForcibly(); throw new IllegalStateException("pocket " + String.join(" ", args) + " did not end"); }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException { return run(workDir, Map.of(), args); }
}
