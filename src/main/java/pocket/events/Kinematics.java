package pocket.events;

/**
 * Four-vector quantities from the NanoAOD (pt, eta, phi, mass) fields of collections:
 * invariant masses of object pairs or whole collections, ΔR, Δφ. Results are per event
 * (NaN where an event lacks the objects) or per object, always primitive arrays.
 */
public final class Kinematics {
    private Kinematics() {}

    /** φ1 − φ2 folded into [−π, π). */
    public static double deltaPhi(double phi1, double phi2) {
        double d = phi1 - phi2;
        if (d >= -Math.PI && d < Math.PI) return d;
        d = (d + Math.PI) % (2 * Math.PI);
        if (d < 0) d += 2 * Math.PI;
        return d - Math.PI;
    }

    public static double deltaR(double eta1, double phi1, double eta2, double phi2) {
        double dEta = eta1 - eta2, dPhi = deltaPhi(phi1, phi2);
        return Math.sqrt(dEta * dEta + dPhi * dPhi);
    }

    /** Invariant mass of two (pt, eta, phi, m) vectors. */
    public static double mass(double pt1, double eta1, double phi1, double m1, double pt2, double eta2, double phi2, double m2) {
        double[] p = new double[4];
        add(p, pt1, eta1, phi1, m1);
        add(p, pt2, eta2, phi2, m2);
        return massOf(p);
    }

    /** Invariant mass of the i-th and j-th objects of a collection (e.g. 0, 1: the leading pair). */
    public static double[] pairMass(Collection c, int i, int j) { return pair(c, i, c, j, true); }

    /** Invariant mass of the i-th object of a and the j-th of b. */
    public static double[] pairMass(Collection a, int i, Collection b, int j) { return pair(a, i, b, j, true); }

    /** Transverse momentum of the sum of the i-th and j-th objects. */
    public static double[] pairPt(Collection c, int i, int j) { return pair(c, i, c, j, false); }

    private static double[] pair(Collection a, int i, Collection b, int j, boolean wantMass) {
        Jagged pa = a.get("pt"), ea = a.get("eta"), fa = a.get("phi"), ma = a.get("mass");
        Jagged pb = b == a ? pa : b.get("pt"), eb = b == a ? ea : b.get("eta"), fb = b == a ? fa : b.get("phi"), mb = b == a ? ma : b.get("mass");
        double[] out = new double[a.size()];
        double[] p = new double[4];
        for (int e = 0; e < out.length; e++) {
            int ka = pa.offsets[e] + i, kb = pb.offsets[e] + j;
            if (ka >= pa.offsets[e + 1] || kb >= pb.offsets[e + 1]) { out[e] = Double.NaN; continue; }
            p[0] = p[1] = p[2] = p[3] = 0;
            add(p, pa.values[ka], ea.values[ka], fa.values[ka], ma.values[ka]);
            add(p, pb.values[kb], eb.values[kb], fb.values[kb], mb.values[kb]);
            out[e] = wantMass ? massOf(p) : Math.hypot(p[0], p[1]);
        }
        return out;
    }

    /** Invariant mass of all objects of each event together (0 for an event without objects). */
    public static double[] mass(Collection c) {
        Jagged pt = c.get("pt"), eta = c.get("eta"), phi = c.get("phi"), m = c.get("mass");
        double[] out = new double[c.size()];
        double[] p = new double[4];
        for (int e = 0; e < out.length; e++) {
            p[0] = p[1] = p[2] = p[3] = 0;
            for (int k = pt.offsets[e]; k < pt.offsets[e + 1]; k++) add(p, pt.values[k], eta.values[k], phi.values[k], m.values[k]);
            out[e] = massOf(p);
        }
        return out;
    }

    /** Δφ between the i-th object of a and the j-th of b; NaN where either is missing. */
    public static double[] deltaPhi(Collection a, int i, Collection b, int j) {
        double[] f1 = a.nth("phi", i), f2 = b.nth("phi", j);
        double[] out = new double[f1.length];
        for (int e = 0; e < out.length; e++) out[e] = Double.isNaN(f1[e]) || Double.isNaN(f2[e]) ? Double.NaN : deltaPhi(f1[e], f2[e]);
        return out;
    }

    /** ΔR between the i-th object of a and the j-th of b; NaN where either is missing. */
    public static double[] deltaR(Collection a, int i, Collection b, int j) {
        double[] e1 = a.nth("eta", i), f1 = a.nth("phi", i), e2 = b.nth("eta", j), f2 = b.nth("phi", j);
        double[] out = new double[e1.length];
        for (int e = 0; e < out.length; e++)
            out[e] = Double.isNaN(f1[e]) || Double.isNaN(f2[e]) ? Double.NaN : deltaR(e1[e], f1[e], e2[e], f2[e]);
        return out;
    }

    /**
     * For each object of a, the smallest ΔR to any object of b in the same event (+∞ when b is
     * empty there): the usual jet–lepton cleaning, {@code jets.select(minDeltaR(jets, leptons).gt(0.4))}.
     */
    public static Jagged minDeltaR(Collection a, Collection b) {
        if (a.size() != b.size()) throw new IllegalArgumentException("kinematics: " + a.name() + " and " + b.name() + " cover different events");
        Jagged ea = a.get("eta"), fa = a.get("phi"), eb = b.get("eta"), fb = b.get("phi");
        double[] out = new double[ea.values.length];
        for (int e = 0; e < a.size(); e++)
            for (int k = ea.offsets[e]; k < ea.offsets[e + 1]; k++) {
                double best = Double.POSITIVE_INFINITY;
                for (int l = eb.offsets[e]; l < eb.offsets[e + 1]; l++)
                    best = Math.min(best, deltaR(ea.values[k], fa.values[k], eb.values[l], fb.values[l]));
                out[k] = best;
            }
        return new Jagged(ea.offsets, out);
    }

    private static void add(double[] p, double pt, double eta, double phi, double m) {
        double px = pt * Math.cos(phi), py = pt * Math.sin(phi), pz = pt * Math.sinh(eta);
        p[0] += px; p[1] += py; p[2] += pz;
        p[3] += Math.sqrt(px * px + py * py + pz * pz + m * m);
    }

    private static double massOf(double[] p) {
        double m2 = p[3] * p[3] - p[0] * p[0] - p[1] * p[1] - p[2] * p[2];
        return m2 > 0 ? Math.sqrt(m2) : 0;
    }
}
