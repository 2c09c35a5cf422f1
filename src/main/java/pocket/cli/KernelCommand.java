package pocket.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pocket.kernel.KernelSpec;

/** {@code pocket kernel}: the Jupyter kernel's commands ({@code install}), as ipykernel has them. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Run the pocket Jupyter kernel (Java cells run by JShell in the kernel's JVM).",
        subcommands = {KernelCommand.Install.class})
public final class KernelCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** Runs without the pocket front command: {@code java -cp pocket.jar pocket.cli.KernelCommand install}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new KernelCommand()).execute(args));
    }

    /** {@code pocket kernel install}: writes kernel.json where Jupyter looks for kernels. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install the pocket kernel spec (kernel.json) for Jupyter.",
                    "Default: the user's Jupyter data folder (~/.local/share/jupyter/kernels/pocket)."})
    public static final class Install implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        static final class Where {
            @Option(names = "--user", description = "Install for this user (the default).") boolean user;
            @Option(names = "--sys-prefix", description = "Install into the Python environment's prefix (python3's sys.prefix: conda, venv, Binder).") boolean sysPrefix;
            @Option(names = "--prefix", paramLabel = "PREFIX", description = "Install into PREFIX/share/jupyter/kernels.") Path prefix;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1") Where where = new Where();

        @Option(names = "--name", defaultValue = KernelSpec.DEFAULT_NAME, description = "Kernel name (folder name), default: ${DEFAULT-VALUE}.")
        String name;

        @Option(names = "--display-name", defaultValue = KernelSpec.DEFAULT_DISPLAY_NAME, description = "Name shown in Jupyter's kernel list, default: ${DEFAULT-VALUE}.")
        String displayName;

        @Option(names = "--jvm-opt", paramLabel = "OPT", description = "An option for the kernel's JVM (repeatable), e.g. --jvm-opt=-Xmx4g.")
        List<String> jvmOptions = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
                spec.commandLine().getErr().println("pocket kernel install: this Java (" + System.getProperty("java.home")
                        + ") has no jdk.jshell module; the kernel needs a full JDK 17+ (e.g. openjdk-17-jdk-headless)");
                return 1;
            }
            Path kernels;
            if (where.prefix != null) kernels = KernelSpec.prefixKernelsDir(where.prefix.toAbsolutePath());
            else if (where.sysPrefix) {
                Path prefix = sysPrefix();
                if (prefix == null) {
                    spec.commandLine().getErr().println("pocket kernel install --sys-prefix: could not ask python3 for sys.prefix "
                            + "(no python3 on PATH, and neither CONDA_PREFIX nor VIRTUAL_ENV is set); use --prefix PREFIX or --user");
                    return 1;
                }
                kernels = KernelSpec.prefixKernelsDir(prefix);
            } else {
                kernels = KernelSpec.userKernelsDir(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
            }
            KernelSpec ks;
            try {
                ks = KernelSpec.forThisJvm(name, displayName, jvmOptions);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("pocket kernel install: " + e.getMessage());
                return 2;
            }
            Path dir = ks.installInto(kernels);
            spec.commandLine().getOut().println("Installed kernelspec " + name + " in " + dir);
            if (where.prefix != null) {
                // Jupyter searches only its own prefixes (user dir, sys.prefix, /usr/local/share, /usr/share), not an arbitrary one
                Path share = kernels.getParent();
                spec.commandLine().getOut().println("Jupyter finds kernels under a prefix of your choice only through JUPYTER_PATH; before starting Jupyter run:");
                spec.commandLine().getOut().println("  export JUPYTER_PATH=" + share + (System.getenv("JUPYTER_PATH") == null ? "" : ":$JUPYTER_PATH"));
            }
            return 0;
        }

        /** Python's sys.prefix, as ipykernel's --sys-prefix uses it: python3 on PATH, else the active conda/venv. */
        static Path sysPrefix() {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
                String line;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    line = r.readLine();
                }
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && line != null && !line.isBlank()) return Path.of(line.trim());
            } catch (Exception e) {
                // no python3: try the environment variables below
            }
            for (String var : List.of("CONDA_PREFIX", "VIRTUAL_ENV")) {
                String v = System.getenv(var);
                if (v != null && !v.isBlank()) return Path.of(v);
            }
            return null;
        }
    }
}
