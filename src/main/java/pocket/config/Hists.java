package pocket.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ready-made histogram sets, as PocketCoffea's {@code default_hists}: counts and pt/eta/phi of a collection. */
public final class Hists {
    private Hists() {}

    /** {@code n<coll>}: the number of objects per event, integer bins [0, max). */
    public static Map<String, HistConf> count(String coll, int max) {
        return Map.of("n" + coll, HistConf.of(Axis.integer("events", "n" + coll, 0, max).label("$N_{" + coll + "}$")));
    }

    /** pt, eta, phi of all objects of a collection (pos null) or of the pos-th object. */
    public static Map<String, HistConf> kinematics(String coll, Integer pos, double ptMax) {
        Map<String, HistConf> m = new LinkedHashMap<>();
        String suffix = pos == null ? "" : "_" + (pos + 1);
        String which = pos == null ? coll : coll + " " + (pos + 1);
        Axis pt = Axis.of(coll, "pt", 50, 0, ptMax).label(which + " $p_T$ [GeV]");
        Axis eta = Axis.of(coll, "eta", 50, -2.5, 2.5).label(which + " $\\eta$");
        Axis phi = Axis.of(coll, "phi", 64, -Math.PI, Math.PI).label(which + " $\\phi$");
        if (pos != null) { pt = pt.pos(pos); eta = eta.pos(pos); phi = phi.pos(pos); }
        m.put(coll + "_pt" + suffix, HistConf.of(pt));
        m.put(coll + "_eta" + suffix, HistConf.of(eta));
        m.put(coll + "_phi" + suffix, HistConf.of(phi));
        return m;
    }
}
