package pocket.plot;

import java.util.ArrayList;
import java.util.List;
import pocket.hist.HistAxis;
import pocket.hist.Hist;
import pocket.hist.StrCategoryAxis;

/** A quick look at any histogram (what a notebook shows for a Hist value): one slice; one continuous axis as a stack plot, two as a colour map. */
public final class Plots {
    private Plots() {}

    /**
     * Draws the histogram: on each category axis the "nominal" variation or else the first
     * category is selected (named in the plot's corner); one continuous axis gives a stack plot,
     * two a colour map, more a colour map of the first two with the others summed (said in the
     * corner). Null when the histogram has no continuous axis.
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
        List<HistAxis> continuous = cur.axes().stream().filter(a -> !a.isCategory()).toList();
        if (continuous.size() >= 2) {
            // two variables are shown as two, never silently as the first one's projection
            String summed = continuous.size() > 2 ? " (summed over " + continuous.subList(2, continuous.size()).stream().map(HistAxis::name).toList() + ")" : "";
            if (continuous.size() > 2) cur = cur.project(continuous.get(0).name(), continuous.get(1).name());
            String title = (String.join(", ", picked) + summed).strip();
            return HeatPlot.builder(cur).cmsLabel("Simulation").title(title.isEmpty() ? null : title).build();
        }
        return StackPlot.builder().mc(first.name(), cur).cmsLabel("Simulation").lumi(0)
                .title(picked.isEmpty() ? null : String.join(", ", picked)).size(640, 480).build();
    }

    private static Object firstKey(HistAxis a) {
        String label = a.binLabels().get(0);
        if (label.equals("false") || label.equals("true")) return Boolean.valueOf(label);
        try { return Integer.valueOf(label); } catch (NumberFormatException e) { return label; }
    }
}
