package pocket.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pocket.workflow.Configurator;
import pocket.config.Dataset;
import pocket.rootio.file.RootFile;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

/** Runs an example config over its real files, whole or split in chunks, as the runner would. */
final class ExampleRun {
    private ExampleRun() {}

    static Path example(String name) {
        Path home = Path.of(System.getProperty("pocket.home", "."));
        return home.resolve("notebooks").resolve(name).resolve("analysis.jsh");
    }

    /** Every dataset's files processed in `parts` chunks each; outputs added in the given order. */
    static List<Output> chunkOutputs(Configurator cfg, int parts) throws Exception {
        List<Output> out = new ArrayList<>();
        for (Dataset d : cfg.datasets())
            for (String f : d.files())
                try (RootFile rf = RootFile.open(f)) {
                    var t = rf.tree(cfg.treeName());
                    long n = t.entries();
                    for (int p = 0; p < parts; p++) {
                        long a = n * p / parts, b = n * (p + 1) / parts;
                        out.add(cfg.process(new Chunk(d.name(), f, cfg.treeName(), a, b, d.metadata()), t));
                    }
                }
        return out;
    }

    static Output sum(List<Output> outs) {
        Output o = Output.empty();
        for (Output x : outs) o = o.add(x);
        return o;
    }
}
