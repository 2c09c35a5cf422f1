// The dimuon task with JSROOT's event loop (treeProcess + TSelector, as TTree::Process):
// events with >= 2 muons whose leading pair has opposite charge; the pair's invariant mass
// filled into 60 bins over 60-120 GeV (ROOT's binning, under/overflow kept apart).
// Usage: node bench/jsroot-dimuon.mjs FILE.root [TREE]
//   (run with NODE_PATH-free resolution: bench/jsroot-vs-pocket.sh runs it from the folder
//    where jsroot is installed, or set JSROOT_DIR to that folder's node_modules/jsroot)
// Prints one JSON line: {"entries":..., "passed":..., "counts":[underflow, 60 bins, overflow], "seconds":...}
// seconds = openFile to the end of the loop (the node process's own start not included;
// the shell script times the whole process too).
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const file = process.argv[2], treeName = process.argv[3] || 'Events';
if (!file) { console.error('usage: node jsroot-dimuon.mjs FILE.root [TREE]'); process.exit(2); }
const jsrootDir = process.env.JSROOT_DIR
   || path.join(process.env.HOME, '.cache/pocket-jsroot/node_modules/jsroot');
const { openFile, TSelector, treeProcess } = await import(pathToFileURL(path.join(jsrootDir, 'modules/main.mjs')).href);

const NB = 60, LO = 60, HI = 120;
const counts = new Float64Array(NB + 2); // [0] underflow, [1..60] bins, [61] overflow

// exactly pocket's Kinematics.pairMass: (px, py, pz, E) summed from (pt, eta, phi, m), in doubles
function pairMass(pt1, eta1, phi1, m1, pt2, eta2, phi2, m2) {
   const px1 = pt1 * Math.cos(phi1), py1 = pt1 * Math.sin(phi1), pz1 = pt1 * Math.sinh(eta1);
   const px2 = pt2 * Math.cos(phi2), py2 = pt2 * Math.sin(phi2), pz2 = pt2 * Math.sinh(eta2);
   const e = Math.sqrt(px1 * px1 + py1 * py1 + pz1 * pz1 + m1 * m1) + Math.sqrt(px2 * px2 + py2 * py2 + pz2 * pz2 + m2 * m2);
   const px = px1 + px2, py = py1 + py2, pz = pz1 + pz2;
   const m2s = e * e - px * px - py * py - pz * pz;
   return m2s > 0 ? Math.sqrt(m2s) : 0;
}

// ROOT's TAxis::FindFixBin (lower edge inclusive), as pocket's RegularAxis
function fill(x) {
   if (x >= LO && x < HI) {
      let b = Math.trunc(NB * (x - LO) / (HI - LO));
      if (b >= NB) b = NB - 1;
      counts[b + 1]++;
   } else if (x >= HI) counts[NB + 1]++;
   else if (x < LO) counts[0]++;
}

class Dimuon extends TSelector {
   constructor() {
      super();
      for (const b of ['nMuon', 'Muon_pt', 'Muon_eta', 'Muon_phi', 'Muon_mass', 'Muon_charge'])
         this.addBranch(b);
      this.entries = 0;
      this.passed = 0;
   }
   Process() {
      const t = this.tgtobj;
      this.entries++;
      if (t.nMuon < 2) return;
      const q = t.Muon_charge;
      if (q[0] * q[1] >= 0) return;
      const pt = t.Muon_pt, eta = t.Muon_eta, phi = t.Muon_phi, m = t.Muon_mass;
      this.passed++;
      fill(pairMass(pt[0], eta[0], phi[0], m[0], pt[1], eta[1], phi[1], m[1]));
   }
}

const t0 = process.hrtime.bigint();
const f = await openFile(file);
const tree = await f.readObject(treeName);
const sel = new Dimuon();
await treeProcess(tree, sel);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ entries: sel.entries, passed: sel.passed, counts: Array.from(counts), seconds }));
