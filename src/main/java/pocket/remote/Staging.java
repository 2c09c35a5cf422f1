package pocket.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Puts what a worker needs into the run folder: this program's class path (jars as they are,
 * class folders packed into jars; kept in a shared lib/ folder by content hash so later runs
 * upload nothing new) and the config script's folder (its datasets JSON and the files it reads;
 * ROOT files and hidden files stay behind).
 */
final class Staging {
    private static final long MAX_CONFIG_FILE = 20L * 1024 * 1024;

    private Staging() {}

    /** The class path staged under {@code libDir}; returns the remote jar paths in class path order. */
    static List<String> classPath(SshConnection ssh, String libDir, List<Path> entries) throws IOException {
        Map<String, byte[]> packed = new LinkedHashMap<>();
        Map<String, Path> jars = new LinkedHashMap<>();
        for (Path e : entries) {
            if (Files.isDirectory(e)) {
                byte[] jar = packFolder(e);
                packed.put(sha1(jar) + "-" + safeName(e) + ".jar", jar);
            } else if (Files.isRegularFile(e)) {
                jars.put(sha1(Files.readAllBytes(e)) + "-" + e.getFileName(), e);
            }
        }
        List<String> present = ssh.list(libDir);
        List<String> remote = new ArrayList<>();
        List<String> moves = new ArrayList<>();
        for (var p : packed.entrySet()) {
            if (!present.contains(p.getKey())) moves.add(putPart(ssh, p.getValue(), null, libDir, p.getKey()));
            remote.add(BatchFolder.join(libDir, p.getKey()));
        }
        for (var j : jars.entrySet()) {
            if (!present.contains(j.getKey())) moves.add(putPart(ssh, null, j.getValue(), libDir, j.getKey()));
            remote.add(BatchFolder.join(libDir, j.getKey()));
        }
        // a jar appears under its final name only when complete (one shell for all: each exec costs a login shell)
        if (!moves.isEmpty()) ssh.run(String.join(" && ", moves));
        return remote;
    }

    /** This JVM's class path entries. */
    static List<Path> currentClassPath() {
        List<Path> out = new ArrayList<>();
        for (String s : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            if (!s.isBlank()) out.add(Path.of(s).toAbsolutePath());
        return out;
    }

    /** Copies the config script's folder to {@code remoteConfigDir}; returns the script's path relative to the run folder. */
    static String config(SshConnection ssh, Path script, String runDir) throws IOException {
        Path base = script.toAbsolutePath().getParent();
        List<Path> files;
        try (Stream<Path> s = Files.walk(base, 4)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> base.relativize(p).toString().chars().noneMatch(c -> c == '\n'))
                    .filter(p -> { for (Path part : base.relativize(p)) if (part.toString().startsWith(".")) return false; return true; })
                    .filter(p -> !p.getFileName().toString().endsWith(".root"))
                    .filter(p -> { try { return Files.size(p) <= MAX_CONFIG_FILE; } catch (IOException e) { return false; } })
                    .toList();
        }
        String configDir = BatchFolder.join(runDir, BatchFolder.CONFIG);
        StringBuilder mk = new StringBuilder("mkdir -p " + ShellQuote.quote(configDir));
        for (Path f : files) {
            Path rel = base.relativize(f).getParent();
            if (rel != null) mk.append(' ').append(ShellQuote.quote(BatchFolder.join(configDir, rel.toString())));
        }
        ssh.run(mk.toString());
        for (Path f : files) {
            String remote = BatchFolder.join(configDir, base.relativize(f).toString());
            byte[] dataset = f.getFileName().toString().endsWith(".json") ? datasetWithAbsoluteFiles(f) : null;
            if (dataset != null) ssh.write(dataset, remote); else ssh.upload(f, remote);
        }
        return BatchFolder.CONFIG + "/" + base.relativize(script.toAbsolutePath());
    }

    /**
     * A dataset JSON (PocketCoffea's {name: {metadata, files}}) with relative file paths made
     * absolute against its own folder, as the driver resolved them; null for any other file.
     * The staged copy lies elsewhere, so relative paths would point nowhere.
     */
    static byte[] datasetWithAbsoluteFiles(Path json) {
        try {
            var root = com.google.gson.JsonParser.parseString(Files.readString(json));
            if (!root.isJsonObject()) return null;
            boolean changed = false;
            for (var e : root.getAsJsonObject().entrySet()) {
                if (!e.getValue().isJsonObject() || !e.getValue().getAsJsonObject().has("files")) return null;
                var files = e.getValue().getAsJsonObject().get("files");
                if (!files.isJsonArray()) return null;
                var out = new com.google.gson.JsonArray();
                for (var f : files.getAsJsonArray()) {
                    String s = f.getAsString();
                    if (!s.contains("://") && !s.startsWith("/")) { s = json.toAbsolutePath().getParent().resolve(s).normalize().toString(); changed = true; }
                    out.add(s);
                }
                e.getValue().getAsJsonObject().add("files", out);
            }
            return changed ? new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(root).getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException notADatasetJson) {
            return null;
        }
    }

    private static String putPart(SshConnection ssh, byte[] data, Path file, String dir, String name) throws IOException {
        String tmp = BatchFolder.join(dir, "." + name + ".part");
        if (data != null) ssh.write(data, tmp); else ssh.upload(file, tmp);
        return ShellQuote.command("mv", "-f", tmp, BatchFolder.join(dir, name));
    }

    /** A jar of a class folder with fixed timestamps, so the same classes give the same bytes (and hash). */
    static byte[] packFolder(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) { files = s.filter(Files::isRegularFile).sorted().toList(); }
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Path f : files) {
                JarEntry e = new JarEntry(dir.relativize(f).toString().replace(java.io.File.separatorChar, '/'));
                e.setTime(315532800000L);
                jar.putNextEntry(e);
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha1(byte[] data) {
        try { return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data)).substring(0, 16); }
        catch (java.security.NoSuchAlgorithmException e) { throw new IllegalStateException(e); }
    }

    private static String safeName(Path p) {
        String n = p.getParent() != null ? p.getParent().getFileName() + "-" + p.getFileName() : String.valueOf(p.getFileName());
        return n.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
