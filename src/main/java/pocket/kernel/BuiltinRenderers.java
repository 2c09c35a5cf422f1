package pocket.kernel;

import pocket.display.MimeBundle;
import pocket.hist.Hist;
import pocket.plot.Plot;
import pocket.plot.Plots;
import pocket.plot.Tables;
import tech.tablesaw.api.Table;

/** The renderers pocket registers for its own and its libraries' types. */
final class BuiltinRenderers {
    private BuiltinRenderers() {}

    static void registerAll() {
        Display.register(Table.class, t -> MimeBundle.text(t.print()).withHtml(Tables.html(t)));
        // a list of chunk fates (Result.failedChunks()) as one table; any other list as its text
        Display.register(java.util.List.class, l -> !l.isEmpty() && l.stream().allMatch(x -> x instanceof pocket.run.ChunkFate)
                ? pocket.run.ChunkFate.table(l.stream().map(x -> (pocket.run.ChunkFate) x).toList()) : MimeBundle.text(String.valueOf(l)));
        Display.register(Hist.class, h -> {
            MimeBundle text = MimeBundle.text(h.toString());
            Plot p = Plots.of(h);
            return p == null ? text : text.withPng(p.png());
        });
    }
}
