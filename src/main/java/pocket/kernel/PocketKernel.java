package pocket.kernel;

import pocket.display.MimeBundle;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pocket Jupyter kernel ("Java (pocket)"): Java cells evaluated by {@link CellEvaluator}
 * in this JVM, values shown through {@link Display}. Started by Jupyter with the connection
 * file as its only argument (see {@code pocket kernel install}).
 */
public final class PocketKernel extends BaseKernel {
    private final CellEvaluator evaluator;
    private final LanguageInfo languageInfo;

    public PocketKernel(CellEvaluator evaluator) {
        this.evaluator = evaluator;
        this.languageInfo = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
        Display.attach(new Display.Sink() {
            @Override public void display(MimeBundle bundle, String id) {
                if (getIO().display.isAttached()) getIO().display.display(toDisplayData(bundle, id));
                else System.out.println(bundle.plainText());
            }

            @Override public void update(MimeBundle bundle, String id) {
                if (getIO().display.isAttached()) getIO().display.updateDisplay(id, toDisplayData(bundle, null));
            }
        });
    }

    @Override public LanguageInfo getLanguageInfo() { return languageInfo; }

    @Override
    public String getBanner() {
        return "pocket " + PocketVersion.get() + " on Java " + Runtime.version() + " (JShell in the kernel's JVM)";
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        CellEvaluator.Value v = evaluator.eval(code);
        if (!v.present()) return null;
        return toDisplayData(Display.render(v.value()), null);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<String> docs = evaluator.documentation(code, at);
        if (docs.isEmpty()) return null;
        return new DisplayData(String.join("\n\n", docs));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellEvaluator.Completion c = evaluator.complete(code, at);
        if (c.matches().isEmpty()) return null;
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override public String isComplete(String code) { return evaluator.completeness(code); }

    @Override public void interrupt() { evaluator.stop(); }

    @Override public void onShutdown(boolean isRestarting) { evaluator.close(); }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellError ce) {
            List<String> lines = new ArrayList<>();
            for (String l : ce.traceback()) lines.add(errorStyler.secondary(l));
            if (!lines.isEmpty()) lines.set(0, errorStyler.primary(ce.traceback().get(0)));
            return lines;
        }
        return super.formatError(e);
    }

    static DisplayData toDisplayData(MimeBundle bundle, String id) {
        DisplayData d = new DisplayData();
        for (Map.Entry<String, String> e : bundle.data().entrySet()) d.putData(e.getKey(), e.getValue());
        if (id != null) d.setDisplayId(id);
        return d;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp <pocket.jar> pocket.kernel.PocketKernel <connection_file>\n"
                    + "Jupyter starts this itself; install the kernel spec with: pocket kernel install");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isReadable(file)) {
            System.err.println("pocket kernel: connection file " + file.toAbsolutePath() + " does not exist or is not readable");
            System.exit(2);
        }
        // Jupyter shows the kernel's stderr to users: the libraries' INFO lines go to the kernel's log instead
        KernelLog.install(file);
        // Tablesaw pulls in slf4j without a binding; its "no providers" notice would land in the first table's cell.
        if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(file));
        JupyterConnection connection = new JupyterConnection(props);
        PocketKernel kernel = new PocketKernel(CellEvaluator.forThisJvm());
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }
}
