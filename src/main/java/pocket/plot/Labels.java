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

    /**
     * The label as plain text: math ($...$) turned into Unicode (Greek, symbols, digit
     * superscripts, short subscripts inlined: "p_{T}" is "pT", "m_{\\mu\\mu}" "mμμ"; a longer one
     * keeps its underscore: "N_{JetGood}" is "N_JetGood"); text outside math, a category name
     * like "Z_peak_1jet" say, stays as written.
     */
    public static String plain(String latex) {
        if (latex == null) return "";
        if (latex.indexOf('$') < 0)
            return (latex.indexOf('\\') >= 0 || latex.indexOf('{') >= 0 ? math(latex) : latex).trim();
        StringBuilder out = new StringBuilder();
        String[] parts = latex.split("\\$", -1);
        for (int i = 0; i < parts.length; i++) out.append(i % 2 == 1 ? math(parts[i]) : parts[i]);
        return out.toString().trim().replaceAll("\\s{2,}", " ");
    }

    private static String math(String m) {
        String s = m.replace("\\mathrm", "").replace("\\text", "").replace("\\rm", "").replace("\\,", " ").replace("\\ ", " ");
        // longest names first so \eta does not eat \etaX's prefix wrongly, and \Delta before \delta is irrelevant (case)
        for (String k : SYMBOLS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            s = s.replaceAll(java.util.regex.Pattern.quote(k) + "(?![A-Za-z])", SYMBOLS.get(k));
        }
        s = superscripts(s);
        java.util.regex.Matcher sub = java.util.regex.Pattern.compile("_\\{([^}]*)\\}|_(.)").matcher(s);
        StringBuilder out = new StringBuilder();
        while (sub.find()) {
            String arg = sub.group(1) != null ? sub.group(1) : sub.group(2);
            // short subscripts read well inline (pT, mμμ); a word glued on would read as one name
            sub.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(arg.length() <= 2 ? arg : "_" + arg));
        }
        sub.appendTail(out);
        return out.toString().replace("{", "").replace("}", "").replace("\\", "");
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

    /** CMS's luminosity label: "59.7 fb⁻¹ (13 TeV)", below 1 fb⁻¹ in pb⁻¹ ("5.8 pb⁻¹"); the energy alone when lumi is not positive. */
    public static String lumi(double lumiInvFb, double energyTeV) {
        String e = "(" + number(energyTeV) + " TeV)";
        if (!(lumiInvFb > 0)) return e;
        return lumiInvFb < 1 ? significant(lumiInvFb * 1000, 3) + " pb⁻¹ " + e : significant(lumiInvFb, 3) + " fb⁻¹ " + e;
    }

    /** x with {@code digits} significant digits (all of its integer digits when there are more), without trailing zeros. */
    static String significant(double x, int digits) {
        if (x == 0 || !Double.isFinite(x)) return number(x);
        int intDigits = (int) Math.floor(Math.log10(Math.abs(x))) + 1;
        java.math.BigDecimal d = new java.math.BigDecimal(x).round(new java.math.MathContext(Math.max(digits, intDigits)));
        return d.stripTrailingZeros().toPlainString();
    }

    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e9) return Long.toString((long) x);
        String s = String.format(java.util.Locale.ROOT, "%.3f", x);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** An axis's title: its label as text; an axis labelled only by its column ("events.mll") by the variable ("mll"). */
    static String axisTitle(pocket.hist.HistAxis a) {
        String label = a.label();
        if (label == null || label.isBlank() || label.equals(a.name())) return a.name().substring(a.name().lastIndexOf('.') + 1);
        return plain(label);
    }

    /** The unit in an axis label's brackets ("m [GeV]" → "GeV"), or null. */
    static String unit(String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\]]+)\\]\\s*$").matcher(label == null ? "" : label.trim());
        return m.find() ? m.group(1).trim() : null;
    }
}
