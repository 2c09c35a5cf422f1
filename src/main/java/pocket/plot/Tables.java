package pocket.plot;

import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import pocket.util.Html;

/** Tablesaw tables as the HTML a notebook shows (tablesaw-core has no HTML writer of its own). */
public final class Tables {
    private Tables() {}

    /** An HTML table with the table's name as caption, a header row and one row per table row. */
    public static String html(Table t) {
        StringBuilder sb = new StringBuilder(256 + t.rowCount() * 64);
        sb.append("<table class=\"pocket-table\">");
        if (t.name() != null && !t.name().isBlank()) sb.append("<caption>").append(Html.escape(t.name())).append("</caption>");
        sb.append("<thead><tr>");
        for (Column<?> c : t.columns()) sb.append("<th>").append(Html.escape(c.name())).append("</th>");
        sb.append("</tr></thead><tbody>");
        for (int r = 0; r < t.rowCount(); r++) {
            sb.append("<tr>");
            for (Column<?> c : t.columns()) {
                boolean numeric = c.type().name().matches("(?i)DOUBLE|FLOAT|INTEGER|LONG|SHORT");
                sb.append(numeric ? "<td style=\"text-align:right\">" : "<td>")
                  .append(Html.escape(cell(c, r))).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    private static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) return "";
        Object v = c.get(row);
        if (v instanceof Double d) return formatNumber(d);
        if (v instanceof Float f) return formatNumber(f);
        return String.valueOf(v);
    }

    /**
     * Numbers as physicists read them in a cutflow: integers plain; others with 6 significant
     * digits, never in exponent form: millions and up as "64.85 M", "1.234 G"; tiny ones as 1.234e-05.
     */
    static String formatNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%d", (long) d);
        if (!Double.isFinite(d)) return Double.toString(d);
        double a = Math.abs(d);
        if (a >= 1e12) return String.format(Locale.ROOT, "%.4g T", d / 1e12);
        if (a >= 1e9) return String.format(Locale.ROOT, "%.4g G", d / 1e9);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.4g M", d / 1e6);
        if (a < 1e-3) return String.format(Locale.ROOT, "%.4g", d);
        return String.format(Locale.ROOT, "%.6g", d);   // no exponent between 1e-3 and 1e6
    }

}
