// Reads histograms from a ROOT file with JSROOT and prints them as JSON, for pocket's tests.
// usage: node read-histograms.mjs FILE [KEY ...]   (KEY may be a path such as mll/Z_peak/DYJets)
// Prints {"keys": [top-level key names], "objects": {KEY: {...} | {"error": "..."}}}.
import { openFile } from 'jsroot';

function axis(a) {
  if (!a) return null;
  const n = a.fNbins;
  const edges = [];
  for (let i = 0; i <= n; i++)
    edges.push(a.fXbins && a.fXbins.length ? a.fXbins[i] : a.fXmin + i * (a.fXmax - a.fXmin) / n);
  let labels = null;
  if (a.fLabels && a.fLabels.arr && a.fLabels.arr.length) {
    labels = new Array(n).fill(null);
    for (const s of a.fLabels.arr) labels[s.fUniqueID - 1] = s.fString;
  }
  return { nbins: n, xmin: a.fXmin, xmax: a.fXmax, variable: !!(a.fXbins && a.fXbins.length),
           edges, labels, title: a.fTitle, name: a.fName };
}

function describe(o) {
  const d = { className: o._typename, name: o.fName, title: o.fTitle };
  if (o.fArray !== undefined && o.fXaxis) {
    d.x = axis(o.fXaxis);
    d.y = o._typename.startsWith('TH2') ? axis(o.fYaxis) : null;
    d.contents = Array.from(o.fArray);
    d.sumw2 = o.fSumw2 ? Array.from(o.fSumw2) : [];
    d.errors = d.sumw2.length ? d.sumw2.map(Math.sqrt) : d.contents.map(v => Math.sqrt(Math.abs(v)));
    d.entries = o.fEntries;
    d.stats = [o.fTsumw, o.fTsumw2, o.fTsumwx, o.fTsumwx2, o.fTsumwy, o.fTsumwy2, o.fTsumwxy];
  }
  return d;
}

const [file, ...names] = process.argv.slice(2);
const f = await openFile(file);
const out = { keys: f.fKeys.map(k => k.fName), objects: {} };
for (const n of names) {
  try {
    out.objects[n] = describe(await f.readObject(n));
  } catch (e) {
    out.objects[n] = { error: String(e && e.message || e) };
  }
}
process.stdout.write(JSON.stringify(out));
