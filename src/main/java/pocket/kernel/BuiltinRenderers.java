package pocket.kernel;

import tech.tablesaw.api.Table;

/** The renderers pocket registers for its own and its libraries' types. */
final class BuiltinRenderers {
    private BuiltinRenderers() {}

    static void registerAll() {
        Display.register(Table.class, t -> MimeBundle.text(t.print()).withHtml(pocket.plot.Tables.html(t)));
    }
}
