package pocket.kernel;

import java.util.List;

/** The imports every notebook cell sees, shared with {@code pocket jshell} so a script and a cell read alike. */
public final class CellImports {
    private CellImports() {}

    /** Packages not on the class path are skipped by the kernel. */
    public static final List<String> ALL = List.of(
            "java.util.*", "java.util.stream.*", "java.nio.file.*", "java.io.*",
            "pocket.hist.*", "pocket.plot.*", "pocket.notebook.*", "pocket.config.*", "pocket.workflow.*", "pocket.run.*",
            "pocket.kernel.Display");
}
