package pocket.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The nearest names to a misspelt one, for errors about branches, run-option keys, flags and datasets. */
public final class Names {
    private Names() {}

    /** Up to {@code k} candidates closest to {@code wanted} by edit distance (ties in input order). */
    public static List<String> nearest(String wanted, Collection<String> candidates, int k) {
        record Scored(String name, int distance, int order) {}
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        String w = wanted.toLowerCase();
        for (String c : candidates) {
            String lc = c.toLowerCase();
            int d = distance(w, lc);
            if (lc.contains(w) || w.contains(lc)) d = Math.min(d, Math.abs(lc.length() - w.length()));
            scored.add(new Scored(c, d, order++));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, scored.size()); i++) out.add(scored.get(i).name());
        return out;
    }

    /** "nearest: a, b, c" or "" when there are no candidates. */
    public static String nearestHint(String wanted, Collection<String> candidates) {
        List<String> n = nearest(wanted, candidates, 3);
        return n.isEmpty() ? "" : "; nearest: " + String.join(", ", n);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
