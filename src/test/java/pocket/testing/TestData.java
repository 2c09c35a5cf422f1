package pocket.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared real NanoAOD samples are: ../shared/data/nanoaod beside the project (never copied). */
public final class TestData {
    private TestData() {}

    public static Path dir() {
        String p = System.getProperty("pocket.data");
        Path dir = p != null ? Path.of(p) : Path.of("..", "shared", "data", "nanoaod");
        if (!Files.isDirectory(dir))
            throw new IllegalStateException("test data folder " + dir.toAbsolutePath() + " is missing: the shared NanoAOD samples must lie in ../shared/data/nanoaod");
        return dir.toAbsolutePath().normalize();
    }

    public static Path file(String name) { return dir().resolve(name); }
}
