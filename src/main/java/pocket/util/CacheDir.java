package pocket.util;

import java.nio.file.Path;

/** pocket's cache folder: -Dpocket.cache.dir, else $XDG_CACHE_HOME/pocket, else ~/.cache/pocket. */
public final class CacheDir {
    private CacheDir() {}

    /** The sub-folder {@code name} of the cache (not created). */
    public static Path of(String name) {
        String p = System.getProperty("pocket.cache.dir");
        if (p != null && !p.isBlank()) return Path.of(p, name);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pocket").resolve(name);
    }
}
