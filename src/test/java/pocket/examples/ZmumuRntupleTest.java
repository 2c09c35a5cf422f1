package pocket.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.workflow.Configurator;
import pocket.workflow.Output;
import pocket.testing.TestData;

/**
 * notebooks/zmumu over the RNTuple copies of its samples gives exactly the output it gives
 * over the TTree samples: cutflow, sum of weights and every histogram.
 */
class ZmumuRntupleTest {

    @Test void sameOutputFromRNTupleAsFromTTree(@TempDir Path tmp) throws Exception {
        Path src = ExampleRun.example("zmumu").getParent();
        for (String f : new String[]{"analysis.jsh", "params.yaml"}) Files.copy(src.resolve(f), tmp.resolve(f));
        for (String json : new String[]{"DYJetsToLL_M-50_2018.json", "DATA_SingleMuon_2018.json"}) {
            String text = Files.readString(src.resolve(json));
            String ttree = json.startsWith("DY") ? "nano_dy" : "nano_dimuon";
            String rewritten = text.replaceAll("\"files\": \\[[^\\]]*\\]",
                    "\"files\": [\"" + TestData.file(ttree + "_rntuple.root").toAbsolutePath().toString().replace("\\", "/") + "\"]");
            assertTrue(rewritten.contains("_rntuple.root"), rewritten);
            Files.writeString(tmp.resolve(json), rewritten);
        }
        Configurator fromTTree = Configurator.load(src.resolve("analysis.jsh"));
        Configurator fromRNTuple = Configurator.load(tmp.resolve("analysis.jsh"));
        assertTrue(fromRNTuple.datasets().get(0).files().get(0).endsWith("_rntuple.root"), fromRNTuple.datasets().toString());

        Output want = ExampleRun.sum(ExampleRun.chunkOutputs(fromTTree, 1));
        Output whole = ExampleRun.sum(ExampleRun.chunkOutputs(fromRNTuple, 1));
        Output chunked = ExampleRun.sum(ExampleRun.chunkOutputs(fromRNTuple, 3));
        assertTrue(want.cutflowStep("presel").values().stream().mapToLong(Long::longValue).sum() > 0, want.toString());
        assertEquals(want.cutflow(), whole.cutflow());
        assertEquals(want.sumw(), whole.sumw());
        assertEquals(want.sumGenweights(), whole.sumGenweights());
        assertEquals(want.variables(), whole.variables());
        assertEquals(want, whole);
        assertEquals(want.cutflow(), chunked.cutflow());
        assertEquals(want.variables().keySet(), chunked.variables().keySet());
        assertEquals(want.postprocess().toJson().get("cutflow"), whole.postprocess().toJson().get("cutflow"));
    }
}
