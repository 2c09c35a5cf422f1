package pocket.plot;

import java.util.ArrayList;
import java.util.List;
import pocket.hist.HistAxis;
import pocket.hist.Hist;
import pocket.hist.StrCategoryAxis;

/** A quick look at any histogram (what a notebook shows for a Hist value): one slice, one continuous axis. */
public final class Plots {
    private Plots() {}

    /**
     * Draws the histogram over its first continuous axis: on each category axis the "nominal"
     * variation or else the first category is selected (named in the plot's corner), other
     * continuous axes are summed. Null when the histogram has no continuous axis.
     */
    public static Plot of(Hist h) {
        Hist cur = h;
        List<String> picked = new ArrayList<>();
        for (HistAxis a : h.axes()) {
            if (!a.isCategory() || a.size() == 0) continue;
            Object choice;
            if (a instanceof StrCategoryAxis s) choice = s.categories().contains("nominal") ? "nominal" : s.categories().get(0);
            else choice = firstKey(a);
            if (choice == null) return null;
            cur = cur.select(a.name(), choice);
            if (a.size() > 1) picked.add(a.name() + "=" + choice);
        }
        if (cur.rank() == 0) return null;
        HistAxis first = cur.axes().stream().filter(a -> !a.isCategory()).findFirst().orElse(null);
        if (first == null) return null;
        if (cur.rank() > 1) cur = cur.project(first.name());
        return StackPlot.builder().mc(first.name(), cur).cmsLabel("Simulation").lumi(0)
                .title(picked.isEmpty() ? null : String.join(", ", picked)).size(640, 480).build();
    }

    private static Object firstKey(HistAxis a) {
        String label = a.binLabels().get(0);
        if (label.equals("false") || label.equals("true")) return Boolean.valueOf(label);
        try { return Integer.valueOf(label); } catch (NumberFormatException e) { return label; }
    }
}
