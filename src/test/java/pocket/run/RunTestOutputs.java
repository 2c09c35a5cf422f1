package pocket.run;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import pocket.workflow.Output;

/** Simple outputs for the runner's tests: named sums carried as sum_genweights entries of a real Output. */
public final class RunTestOutputs {
    private RunTestOutputs() {}

    public static Output sums(Map<String, Double> sums) {
        JsonObject doc = new JsonObject();
        JsonObject g = new JsonObject();
        sums.forEach(g::addProperty);
        doc.add("sum_genweights", g);
        return Output.fromJson(doc);
    }

    /** The named sums of an output. */
    public static Map<String, Double> read(Output o) { return new TreeMap<>(o.sumGenweights()); }
}
