package pocket.plot;

import java.util.Map;

/**
 * Axis labels written for matplotlib ("$p_{T}$ [GeV]", "$\eta$") turned into text Java2D can
 * draw (pT [GeV], η): XChart has no LaTeX, and physicists' HistConf labels are LaTeX-ish.
 */
final class Labels {
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("\\alpha", "α"), Map.entry("\\beta", "β"), Map.entry("\\gamma", "γ"), Map.entry("\\Gamma", "Γ"),
            Map.entry("\\delta", "δ"), Map.entry("\\Delta", "Δ"), Map.entry("\\epsilon", "ε"), Map.entry("\\eta", "η"),
            Map.entry("\\theta", "θ"), Map.entry("\\lambda", "λ"), Map.entry("\\mu", "μ"), Map.entry("\\nu", "ν"),
            Map.entry("\\pi", "π"), Map.entry("\\rho", "ρ"), Map.entry("\\sigma", "σ"), Map.entry("\\tau", "τ"),
            Map.entry("\\phi", "φ"), Map.entry("\\Phi", "Φ"), Map.entry("\\chi", "χ"), Map.entry("\\omega", "ω"),
            Map.entry("\\ell", "ℓ"), Map.entry("\\pm", "±"), Map.entry("\\times", "×"), Map.entry("\\rightarrow", "→"),
            Map.entry("\\to", "→"), Map.entry("\\geq", "≥"), Map.entry("\\leq", "≤"), Map.entry("\\sqrt", "√"),
            Map.entry("\\cdot", "·"), Map.entry("\\infty", "∞"));
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Labels() {}

    /** The label as plain text: math delimiters dropped, Greek and symbols as Unicode, sub/superscripts inlined. */
    public static String plain(String latex) {
        if (latex == null) return "";
        String s = latex.replace("$", "");
        s = s.replace("\\mathrm", "").replace("\\text", "").replace("\\rm", "").replace("\\,", " ").replace("\\ ", " ");
        // longest names first so \eta does not eat \etaX's prefix wrongly, and \Delta before \delta is irrelevant (case)
        for (String k : SYMBOLS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            s = s.replaceAll(java.util.regex.Pattern.quote(k) + "(?![A-Za-z])", SYMBOLS.get(k));
        }
        s = superscripts(s);
        s = s.replaceAll("_\\{([^}]*)\\}", "$1").replaceAll("_(.)", "$1");
        s = s.replace("{", "").replace("}", "").replace("\\", "");
        return s.trim();
    }

    private static String superscripts(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '^') {
                String arg;
                int next;
                if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    int close = s.indexOf('}', i + 2);
                    if (close < 0) { out.append(c); i++; continue; }
                    arg = s.substring(i + 2, close);
                    next = close + 1;
                } else if (i + 1 < s.length()) {
                    arg = s.substring(i + 1, i + 2);
                    next = i + 2;
                } else { out.append(c); i++; continue; }
                out.append(toSuperscript(arg));
                i = next;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String toSuperscript(String arg) {
        StringBuilder sb = new StringBuilder();
        for (char ch : arg.toCharArray()) {
            if (ch >= '0' && ch <= '9') sb.append(SUPERSCRIPTS.charAt(ch - '0'));
            else if (ch == '-') sb.append('⁻');
            else if (ch == '+') sb.append('⁺');
            else return "^" + arg;  // letters have no reliable superscript glyphs: keep it readable
        }
        return sb.toString();
    }

    /** CMS's luminosity label: "59.7 fb⁻¹ (13 TeV)"; the energy alone when lumi is not positive. */
    public static String lumi(double lumiInvFb, double energyTeV) {
        String e = "(" + number(energyTeV) + " TeV)";
        return lumiInvFb > 0 ? number(lumiInvFb) + " fb⁻¹ " + e : e;
    }

    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e9) return Long.toString((long) x);
        String s = String.format(java.util.Locale.ROOT, "%.3f", x);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
