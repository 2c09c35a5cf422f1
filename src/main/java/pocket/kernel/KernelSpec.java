package pocket.kernel;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kernel spec Jupyter reads ({@code kernels/<name>/kernel.json}) and where it goes, as
 * ipykernel does it: the user's Jupyter data folder, the Python environment's
 * {@code share/jupyter/kernels}, or any prefix.
 */
public record KernelSpec(String name, String displayName, List<String> argv) {
    public static final String DEFAULT_NAME = "pocket";
    public static final String DEFAULT_DISPLAY_NAME = "Java (pocket)";

    public KernelSpec {
        if (!name.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException("kernel name '" + name + "' may only hold letters, digits, '.', '_' and '-'");
        argv = List.copyOf(argv);
    }

    /** The spec for this JVM: its java binary, the pocket jar (or this class path) and the kernel main class. */
    public static KernelSpec forThisJvm(String name, String displayName, List<String> jvmOptions) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmOptions);
        argv.add("-cp");
        argv.add(classPath());
        argv.add(PocketKernel.class.getName());
        argv.add("{connection_file}");
        return new KernelSpec(name, displayName, argv);
    }

    /** The pocket jar when running from it, else the whole class path (a build tree, tests). */
    static String classPath() {
        try {
            Path self = Path.of(KernelSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
                String cp = System.getProperty("java.class.path", "");
                // A fat jar holds every dependency; a thin one run with -cp needs the rest too.
                if (cp.equals(self.toString()) || !cp.contains(File.pathSeparator)) return self.toAbsolutePath().toString();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall back to the class path below
        }
        List<String> abs = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator))
            if (!e.isBlank()) abs.add(Path.of(e).toAbsolutePath().toString());
        return String.join(File.pathSeparator, abs);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        argv.forEach(a::add);
        o.add("argv", a);
        o.addProperty("display_name", displayName);
        o.addProperty("language", "java");
        // The JVM has no SIGINT handler for cells; Jupyter sends interrupt_request instead.
        o.addProperty("interrupt_mode", "message");
        o.add("env", new JsonObject());
        JsonObject meta = new JsonObject();
        meta.addProperty("debugger", false);
        o.add("metadata", meta);
        return o;
    }

    /** Writes {@code <kernelsDir>/<name>/kernel.json} and returns the kernel's folder. */
    public Path installInto(Path kernelsDir) throws IOException {
        Path dir = kernelsDir.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson()) + "\n");
        return dir;
    }

    /** The user's kernels folder, as jupyter_core computes it (JUPYTER_DATA_DIR, XDG, macOS). */
    public static Path userKernelsDir(Map<String, String> env, String osName, Path home) {
        String data = env.get("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) return Path.of(data).resolve("kernels");
        if (osName.toLowerCase().contains("mac")) return home.resolve("Library/Jupyter/kernels");
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("jupyter/kernels");
    }

    /** {@code <prefix>/share/jupyter/kernels}. */
    public static Path prefixKernelsDir(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }
}
