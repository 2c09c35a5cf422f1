package pocket.generate;

import pocket.rootio.ColumnArray;
import pocket.rootio.write.TreeSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes synthetic NanoAOD events of one {@link Sample}: event {@code i} depends only on the seed
 * and {@code i} (its own SplittableRandom), so any entry range can be made again on its own and
 * a file's values can be checked against a fresh generator.
 */
public final class EventGenerator {
    static final double Z_MASS = 91.1876, Z_WIDTH = 2.4952, MUON_MASS = 0.1056584, ELECTRON_MASS = 0.000511;
    /** NanoAOD stores jets above 15 GeV, muons above 3 GeV, electrons above 5 GeV. */
    static final double JET_PT_MIN = 15, MUON_PT_MIN = 3, ELECTRON_PT_MIN = 5;

    private final Sample sample;
    private final long seed;
    private final TreeSchema schema;

    public EventGenerator(Sample sample, long seed) {
        this.sample = sample;
        this.seed = seed;
        this.schema = NanoSchema.events(sample.isMC);
    }

    public Sample sample() { return sample; }
    public long seed() { return seed; }
    public TreeSchema schema() { return schema; }

    /** One reconstructed object while an event is built. */
    static final class Obj {
        double pt, eta, phi, mass;
        int charge;
        double iso;
        boolean loose, medium, tight;
        int genIdx = -1, flavour, parton;
        double btag;
    }

    /** Events {@code [first, first+n)} as columns, counters included. */
    public Map<String, ColumnArray> events(long first, int n) {
        EventColumns c = new EventColumns(schema, Math.max(16, n * 2));
        Fill f = new Fill(c);
        for (int k = 0; k < n; k++) event(first + k, f);
        Map<String, ColumnArray> out = c.toArrays(n);
        Map<String, ColumnArray> withCounters = new java.util.LinkedHashMap<>();
        for (var b : schema.branches()) {
            if (schema.isCounter(b.name())) {
                String any = null;
                for (var j : schema.branches()) if (b.name().equals(j.counter())) { any = j.name(); break; }
                int[] off = out.get(any).offsets;
                int[] cnt = new int[n];
                for (int i = 0; i < n; i++) cnt[i] = off[i + 1] - off[i];
                withCounters.put(b.name(), new ColumnArray(b.type(), cnt, null, n));
            } else withCounters.put(b.name(), out.get(b.name()));
        }
        return withCounters;
    }

    /** The RNG of event {@code i}: a mix of the seed and the index, so events are independent of chunking. */
    SplittableRandom rng(long i) {
        return new SplittableRandom(mix64(seed * 0x9E3779B97F4A7C15L + mix64(i + 0x632BE59BD9B4E019L)));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The generator weight of event {@code i} (0 for data), as written in genWeight. */
    public float genWeight(long i) {
        if (!sample.isMC) return 0f;
        return weight(rng(i));
    }

    private float weight(SplittableRandom r) {
        // the first draw of every event: aMC@NLO-like ±1 for Drell-Yan, POWHEG-like near 1 for top pairs
        double u = r.nextDouble();
        if (sample == Sample.ZMUMU) return u < 0.16 ? -1f : 1f;
        return (float) (1.0 + 0.02 * gauss(r));
    }

    private void event(long i, Fill f) {
        SplittableRandom r = rng(i);
        float w = weight(r);
        List<Obj> muons = new ArrayList<>(4), electrons = new ArrayList<>(2), jets = new ArrayList<>(8);
        double[] met = {0, 0};
        Sample kind = sample;
        if (sample == Sample.DATA) {
            double u = r.nextDouble();
            kind = u < 0.35 ? Sample.ZMUMU : u < 0.45 ? Sample.TTBAR : null;
        }
        if (kind == Sample.ZMUMU) zmumu(r, muons, jets);
        else if (kind == Sample.TTBAR) ttbar(r, muons, electrons, jets, met);
        else qcd(r, muons, jets);
        extraElectrons(r, electrons);
        sortByPt(muons); sortByPt(electrons); sortByPt(jets);
        f.write(i, w, r, muons, electrons, jets, met, sample);
    }

    private void zmumu(SplittableRandom r, List<Obj> muons, List<Obj> jets) {
        double m;
        do { m = Z_MASS + 0.5 * Z_WIDTH * Math.tan(Math.PI * (r.nextDouble() - 0.5)); } while (m < 60 || m > 120);
        double pt = -6 * (Math.log(1 - r.nextDouble()) + Math.log(1 - r.nextDouble()));
        double y = 1.8 * gauss(r), phi = phi(r);
        double mt = Math.sqrt(m * m + pt * pt);
        double[] z = {pt * Math.cos(phi), pt * Math.sin(phi), mt * Math.sinh(y), mt * Math.cosh(y)};
        double p = Math.sqrt(m * m / 4 - MUON_MASS * MUON_MASS);
        double cos = 2 * r.nextDouble() - 1, sin = Math.sqrt(1 - cos * cos), ph = phi(r);
        double[] a = {p * sin * Math.cos(ph), p * sin * Math.sin(ph), p * cos, m / 2};
        double[] b = {-a[0], -a[1], -a[2], m / 2};
        int q = r.nextBoolean() ? 1 : -1;
        addPromptMuon(r, muons, boost(a, z), q, 0);
        addPromptMuon(r, muons, boost(b, z), -q, 1);
        if (r.nextDouble() < 0.05) nonPromptMuon(r, muons);
        int nj = poisson(r, 1.2);
        for (int k = 0; k < nj; k++) jets.add(jet(r, JET_PT_MIN + exp(r, 18), 2.4, false));
    }

    private void ttbar(SplittableRandom r, List<Obj> muons, List<Obj> electrons, List<Obj> jets, double[] met) {
        for (int k = 0; k < 2; k++) jets.add(jet(r, 30 + exp(r, 50), 1.3, true));
        for (int k = 0; k < 2; k++) jets.add(jet(r, 25 + exp(r, 35), 1.5, false));
        int isr = poisson(r, 1.0);
        for (int k = 0; k < isr; k++) jets.add(jet(r, JET_PT_MIN + exp(r, 25), 2.2, false));
        double lpt = 25 + exp(r, 35), leta = 1.2 * gauss(r), lphi = phi(r);
        boolean isMuon = r.nextBoolean();
        if (isMuon && Math.abs(leta) < 2.4) {
            Obj mu = new Obj();
            mu.pt = lpt; mu.eta = leta; mu.phi = lphi; mu.mass = MUON_MASS; mu.charge = r.nextBoolean() ? 1 : -1;
            muonId(r, mu, true);
            mu.genIdx = 0; mu.flavour = 1;
            muons.add(mu);
        } else if (!isMuon && Math.abs(leta) < 2.5) {
            Obj e = new Obj();
            e.pt = lpt; e.eta = leta; e.phi = lphi; e.mass = ELECTRON_MASS; e.charge = r.nextBoolean() ? 1 : -1;
            e.iso = exp(r, 0.03); e.flavour = 4; e.tight = r.nextDouble() < 0.85; e.medium = e.tight || r.nextDouble() < 0.6;
            electrons.add(e);
        }
        if (r.nextDouble() < 0.15) nonPromptMuon(r, muons);
        double npt = 25 + exp(r, 35), nphi = phi(r);
        met[0] += npt * Math.cos(nphi); met[1] += npt * Math.sin(nphi);
    }

    private void qcd(SplittableRandom r, List<Obj> muons, List<Obj> jets) {
        int nj = 1 + poisson(r, 1.5);
        for (int k = 0; k < nj; k++) jets.add(jet(r, 30 + exp(r, 40), 2.4, r.nextDouble() < 0.05));
        if (r.nextDouble() < 0.7) {
            Obj mu = new Obj();
            mu.pt = 20 + exp(r, 12); mu.eta = clamp(1.3 * gauss(r), 2.39); mu.phi = phi(r); mu.mass = MUON_MASS;
            mu.charge = r.nextBoolean() ? 1 : -1;
            muonId(r, mu, false);
            muons.add(mu);
        }
    }

    private void extraElectrons(SplittableRandom r, List<Obj> electrons) {
        int n = poisson(r, 0.08);
        for (int k = 0; k < n; k++) {
            Obj e = new Obj();
            e.pt = ELECTRON_PT_MIN + exp(r, 8); e.eta = clamp(1.4 * gauss(r), 2.49); e.phi = phi(r); e.mass = ELECTRON_MASS;
            e.charge = r.nextBoolean() ? 1 : -1; e.iso = exp(r, 0.3);
            e.flavour = r.nextInt(5); e.tight = r.nextDouble() < 0.2; e.medium = e.tight || r.nextDouble() < 0.3;
            electrons.add(e);
        }
    }

    private void addPromptMuon(SplittableRandom r, List<Obj> muons, double[] p4, int charge, int genIdx) {
        double pt = Math.hypot(p4[0], p4[1]) * (1 + 0.015 * gauss(r));
        double eta = asinh(p4[2] / Math.hypot(p4[0], p4[1])) + 0.001 * gauss(r);
        if (pt < MUON_PT_MIN || Math.abs(eta) > 2.4) return;
        Obj mu = new Obj();
        mu.pt = pt; mu.eta = eta; mu.phi = wrap(Math.atan2(p4[1], p4[0]) + 0.001 * gauss(r)); mu.mass = MUON_MASS;
        mu.charge = charge; mu.genIdx = genIdx; mu.flavour = 1;
        muonId(r, mu, true);
        muons.add(mu);
    }

    private void nonPromptMuon(SplittableRandom r, List<Obj> muons) {
        Obj mu = new Obj();
        mu.pt = MUON_PT_MIN + exp(r, 5); mu.eta = clamp(1.5 * gauss(r), 2.39); mu.phi = phi(r); mu.mass = MUON_MASS;
        mu.charge = r.nextBoolean() ? 1 : -1; mu.flavour = r.nextBoolean() ? 5 : 3;
        muonId(r, mu, false);
        muons.add(mu);
    }

    private static void muonId(SplittableRandom r, Obj mu, boolean prompt) {
        mu.iso = prompt ? exp(r, 0.02) : exp(r, 0.5);
        double u = r.nextDouble();
        mu.tight = u < (prompt ? 0.96 : 0.3);
        mu.medium = u < (prompt ? 0.98 : 0.5);
        mu.loose = u < (prompt ? 0.995 : 0.8);
    }

    private Obj jet(SplittableRandom r, double pt, double etaWidth, boolean b) {
        Obj j = new Obj();
        j.pt = pt; j.eta = clamp(etaWidth * gauss(r), 4.7); j.phi = phi(r); j.mass = pt * (0.05 + 0.1 * r.nextDouble());
        double u = r.nextDouble();
        j.flavour = b ? 5 : (u < 0.05 ? 4 : 0);
        j.parton = b ? (r.nextBoolean() ? 5 : -5) : (u < 0.05 ? 4 : (r.nextDouble() < 0.5 ? 21 : 1 + r.nextInt(3)));
        double v = r.nextDouble();
        j.btag = j.flavour == 5 ? 1 - 0.7 * Math.pow(v, 3) : (j.flavour == 4 ? 0.6 * Math.pow(v, 2) : 0.3 * Math.pow(v, 5));
        j.genIdx = r.nextDouble() < 0.9 ? 0 : -1;
        j.charge = r.nextDouble() < 0.97 ? 6 : 2;          // jetId: tight and tightLepVeto, or loose only
        return j;
    }

    /** Writes one built event into the columns. */
    private static final class Fill {
        final EventColumns c;
        final EventColumns.Col run, lumi, event, genWeight, npvs, npvsGood, rho, nTrueInt, nPU, metPt, metPhi, sumEt, puppiPt, puppiPhi;
        final EventColumns.Col[] hlt = new EventColumns.Col[NanoSchema.HLT.length], flags = new EventColumns.Col[NanoSchema.FLAGS.length];
        final EventColumns.Col muPt, muEta, muPhi, muMass, muCharge, muPdg, muDxy, muDz, muIso, muLoose, muMedium, muTight, muGen, muFlav;
        final EventColumns.Col elPt, elEta, elPhi, elMass, elCharge, elPdg, elDeta, elDxy, elDz, elIso, elCut, elWp80, elWp90;
        final EventColumns.Col jPt, jEta, jPhi, jMass, jId, jPu, jBtag, jArea, jRaw, jHad, jPart, jGen;

        Fill(EventColumns c) {
            this.c = c;
            run = c.get("run"); lumi = c.get("luminosityBlock"); event = c.get("event"); genWeight = c.get("genWeight");
            npvs = c.get("PV_npvs"); npvsGood = c.get("PV_npvsGood"); rho = c.get("fixedGridRhoFastjetAll");
            nTrueInt = c.get("Pileup_nTrueInt"); nPU = c.get("Pileup_nPU");
            metPt = c.get("MET_pt"); metPhi = c.get("MET_phi"); sumEt = c.get("MET_sumEt");
            puppiPt = c.get("PuppiMET_pt"); puppiPhi = c.get("PuppiMET_phi");
            for (int k = 0; k < hlt.length; k++) hlt[k] = c.get(NanoSchema.HLT[k]);
            for (int k = 0; k < flags.length; k++) flags[k] = c.get(NanoSchema.FLAGS[k]);
            muPt = c.get("Muon_pt"); muEta = c.get("Muon_eta"); muPhi = c.get("Muon_phi"); muMass = c.get("Muon_mass");
            muCharge = c.get("Muon_charge"); muPdg = c.get("Muon_pdgId"); muDxy = c.get("Muon_dxy"); muDz = c.get("Muon_dz");
            muIso = c.get("Muon_pfRelIso04_all"); muLoose = c.get("Muon_looseId"); muMedium = c.get("Muon_mediumId");
            muTight = c.get("Muon_tightId"); muGen = c.get("Muon_genPartIdx"); muFlav = c.get("Muon_genPartFlav");
            elPt = c.get("Electron_pt"); elEta = c.get("Electron_eta"); elPhi = c.get("Electron_phi"); elMass = c.get("Electron_mass");
            elCharge = c.get("Electron_charge"); elPdg = c.get("Electron_pdgId"); elDeta = c.get("Electron_deltaEtaSC");
            elDxy = c.get("Electron_dxy"); elDz = c.get("Electron_dz"); elIso = c.get("Electron_pfRelIso03_all");
            elCut = c.get("Electron_cutBased"); elWp80 = c.get("Electron_mvaIso_WP80"); elWp90 = c.get("Electron_mvaIso_WP90");
            jPt = c.get("Jet_pt"); jEta = c.get("Jet_eta"); jPhi = c.get("Jet_phi"); jMass = c.get("Jet_mass");
            jId = c.get("Jet_jetId"); jPu = c.get("Jet_puId"); jBtag = c.get("Jet_btagDeepFlavB"); jArea = c.get("Jet_area");
            jRaw = c.get("Jet_rawFactor"); jHad = c.get("Jet_hadronFlavour"); jPart = c.get("Jet_partonFlavour"); jGen = c.get("Jet_genJetIdx");
        }

        void write(long i, float w, SplittableRandom r, List<Obj> muons, List<Obj> electrons, List<Obj> jets, double[] met, Sample sample) {
            if (sample.isMC) { run.add(1); lumi.add((int) (1 + i / 1000)); }
            else { run.add((int) (316_000 + i / 200_000)); lumi.add((int) (1 + (i / 1000) % 200)); }
            event.add(i + 1);
            if (genWeight != null) genWeight.add(w);
            int pv = Math.max(1, poisson(r, 30));
            npvs.add(pv); npvsGood.add(Math.max(1, pv - poisson(r, 1)));
            rho.add((float) Math.max(0, 0.5 * pv + 2 * gauss(r)));
            if (nTrueInt != null) { double t = Math.max(1, 32 + 8 * gauss(r)); nTrueInt.add((float) t); nPU.add(poisson(r, t)); }

            boolean isoMu24 = false, isoMu27 = false, mu50 = false, ele32 = false, doubleMu = false;
            int tightishMuons = 0;
            for (Obj m : muons) {
                if (m.pt > 26 && m.iso < 0.15 && r.nextDouble() < 0.92) { isoMu24 = true; if (m.pt > 29) isoMu27 = true; }
                if (m.pt > 52 && r.nextDouble() < 0.95) mu50 = true;
                if (m.pt > 10 && m.iso < 0.3) tightishMuons++;
            }
            if (tightishMuons >= 2 && muons.get(0).pt > 19 && r.nextDouble() < 0.9) doubleMu = true;
            for (Obj e : electrons) if (e.pt > 34 && e.iso < 0.1 && r.nextDouble() < 0.85) ele32 = true;
            double ht = 0;
            for (Obj j : jets) ht += j.pt;
            boolean[] bits = {isoMu24, isoMu27, mu50, ele32, doubleMu, ht > 1100 && r.nextDouble() < 0.99};
            for (int k = 0; k < hlt.length; k++) hlt[k].add(bits[k]);
            for (EventColumns.Col fl : flags) fl.add(r.nextDouble() < 0.998);

            for (int k = 0; k < muons.size(); k++) {
                Obj m = muons.get(k);
                muPt.add((float) m.pt); muEta.add((float) m.eta); muPhi.add((float) m.phi); muMass.add((float) m.mass);
                muCharge.add(m.charge); muPdg.add(-13 * m.charge);
                muDxy.add((float) (0.002 * gauss(r))); muDz.add((float) (0.005 * gauss(r)));
                muIso.add((float) m.iso); muLoose.add(m.loose); muMedium.add(m.medium); muTight.add(m.tight);
                if (muGen != null) { muGen.add(m.genIdx); muFlav.add(m.flavour); }
            }
            endEntry(muPt, muEta, muPhi, muMass, muCharge, muPdg, muDxy, muDz, muIso, muLoose, muMedium, muTight, muGen, muFlav);

            for (Obj e : electrons) {
                elPt.add((float) e.pt); elEta.add((float) e.eta); elPhi.add((float) e.phi); elMass.add((float) e.mass);
                elCharge.add(e.charge); elPdg.add(-11 * e.charge); elDeta.add((float) (0.01 * gauss(r)));
                elDxy.add((float) (0.003 * gauss(r))); elDz.add((float) (0.006 * gauss(r))); elIso.add((float) e.iso);
                elCut.add(e.tight ? 4 : e.medium ? 3 : e.flavour % 3);
                elWp80.add(e.tight); elWp90.add(e.medium);
            }
            endEntry(elPt, elEta, elPhi, elMass, elCharge, elPdg, elDeta, elDxy, elDz, elIso, elCut, elWp80, elWp90);

            double mx = met[0], my = met[1];
            for (int k = 0; k < jets.size(); k++) {
                Obj j = jets.get(k);
                jPt.add((float) j.pt); jEta.add((float) j.eta); jPhi.add((float) j.phi); jMass.add((float) j.mass);
                jId.add(j.charge); jPu.add(j.pt > 50 ? 7 : (r.nextDouble() < 0.8 ? 7 : 4));
                jBtag.add((float) j.btag); jArea.add((float) (0.5 + 0.03 * gauss(r))); jRaw.add((float) (0.05 + 0.1 * r.nextDouble()));
                if (jHad != null) { jHad.add(j.flavour); jPart.add(j.parton); jGen.add(j.genIdx < 0 ? -1 : k); }
                // jets mismeasured by 10% leave their share in MET
                mx -= 0.1 * gauss(r) * j.pt * Math.cos(j.phi);
                my -= 0.1 * gauss(r) * j.pt * Math.sin(j.phi);
            }
            endEntry(jPt, jEta, jPhi, jMass, jId, jPu, jBtag, jArea, jRaw, jHad, jPart, jGen);
            mx += 10 * gauss(r); my += 10 * gauss(r);
            metPt.add((float) Math.hypot(mx, my)); metPhi.add((float) Math.atan2(my, mx));
            sumEt.add((float) (300 + 20 * pv + ht + 40 * gauss(r)));
            double px = mx + 5 * gauss(r), py = my + 5 * gauss(r);
            puppiPt.add((float) Math.hypot(px, py)); puppiPhi.add((float) Math.atan2(py, px));
        }

        private static void endEntry(EventColumns.Col... cols) {
            for (EventColumns.Col col : cols) if (col != null) col.endEntry();
        }
    }

    // ---- small physics helpers ----

    static double[] boost(double[] p, double[] frame) {
        double bx = frame[0] / frame[3], by = frame[1] / frame[3], bz = frame[2] / frame[3];
        double b2 = bx * bx + by * by + bz * bz;
        double gamma = 1 / Math.sqrt(1 - b2);
        double bp = bx * p[0] + by * p[1] + bz * p[2];
        double g2 = b2 > 0 ? (gamma - 1) / b2 : 0;
        double k = g2 * bp + gamma * p[3];
        return new double[]{p[0] + k * bx, p[1] + k * by, p[2] + k * bz, gamma * (p[3] + bp)};
    }

    static double asinh(double x) { return Math.signum(x) * Math.log(Math.abs(x) + Math.sqrt(x * x + 1)); }

    static void sortByPt(List<Obj> list) { list.sort((a, b) -> Double.compare(b.pt, a.pt)); }

    static double gauss(SplittableRandom r) {
        // Box-Muller: two uniforms, one normal value (the second is dropped to keep draws simple)
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static double exp(SplittableRandom r, double mean) { return -mean * Math.log(1 - r.nextDouble()); }

    static double phi(SplittableRandom r) { return Math.PI * (2 * r.nextDouble() - 1); }

    static double wrap(double phi) { return Math.atan2(Math.sin(phi), Math.cos(phi)); }

    static double clamp(double v, double limit) { return Math.max(-limit, Math.min(limit, v)); }

    static int poisson(SplittableRandom r, double mean) {
        if (mean > 30) return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss(r)));
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do { k++; p *= r.nextDouble(); } while (p > l);
        return k - 1;
    }
}
