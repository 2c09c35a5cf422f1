package pocket.workflow;

import com.google.gson.JsonObject;

/**
 * PLACEHOLDER: the accumulated result of one or more chunks with PocketCoffea's keys
 * (sum_genweights, sum_signOf_genweights, cutflow, sumw, sumw2, variables). Outputs add
 * exactly and in any order. The workflow work replaces the body; the signatures stay.
 */
public final class Output {
    public static Output empty() { return new Output(); }

    /** A new output, this plus other; neither operand changes. */
    public Output add(Output other) { throw new UnsupportedOperationException("Output not built yet"); }

    /** MC histograms and sumw divided by sum_genweights, sumw2 by its square; run once after the last merge. */
    public Output postprocess() { throw new UnsupportedOperationException("Output not built yet"); }

    /** The output_all.json document; callers may add top-level keys (e.g. run status) before writing. */
    public JsonObject toJson() { throw new UnsupportedOperationException("Output not built yet"); }

    /** Reads what toJson wrote, exactly; unknown top-level keys are ignored. */
    public static Output fromJson(JsonObject json) { throw new UnsupportedOperationException("Output not built yet"); }
}
