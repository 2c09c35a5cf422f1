#!/usr/bin/env bash
# A whole `pocket run` of the dimuon task against JSROOT's event loop on the same file (issue #18 item 6).
#
# Usage: bench/jsroot-vs-pocket.sh [CODEC[:LEVEL]...]      (default: zstd; e.g. zstd lz4 lzma)
#   BENCH_EVENTS=N      events in the generated file (default 1000000)
#   BENCH_REPS=N        timed runs of each program (default 3; the median is printed)
#   BENCH_DIR=DIR       where samples and outputs are kept (default target/bench-jsroot)
#   JSROOT_DIR=DIR      the jsroot npm package (default ~/.cache/pocket-jsroot/node_modules/jsroot)
#   POCKET_RUN_ARGS=..  extra `pocket run` arguments (e.g. "-e futures -s 2"; default: none, i.e. iterative)
#
# Builds nothing: it needs target/pocket.jar (mvn -B -q -DskipTests package) and node with jsroot
# (npm install --prefix ~/.cache/pocket-jsroot jsroot@7.11.2). Per codec it generates once (cached)
# a Z->mumu sample with `pocket generate`, then times, as whole processes (start to exit):
#   - pocket cold: the first `bin/pocket run --cfg bench/dimuon.jsh` with an empty config cache
#     (JShell compiles the config and caches it);
#   - pocket warm: BENCH_REPS more runs, the config found in the cache (every later run a user makes);
#   - JSROOT: BENCH_REPS runs of `node bench/jsroot-dimuon.mjs FILE` (openFile + treeProcess/TSelector).
# The file is read into the page cache first, so neither pays the disk. Both fill the same histogram
# (60 bins, 60-120 GeV, with under/overflow); the script exits 1 if any bin differs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pocket="$here/bin/pocket"
events="${BENCH_EVENTS:-1000000}"
reps="${BENCH_REPS:-3}"
work="${BENCH_DIR:-$here/target/bench-jsroot}"
jsroot="${JSROOT_DIR:-$HOME/.cache/pocket-jsroot/node_modules/jsroot}"
read -r -a run_args <<< "${POCKET_RUN_ARGS:-}"
codecs=("$@")
[ ${#codecs[@]} -gt 0 ] || codecs=(zstd)

[ -f "$here/target/pocket.jar" ] || { echo "bench: target/pocket.jar not found; build it first: mvn -B -q -DskipTests package" >&2; exit 2; }
command -v node >/dev/null || { echo "bench: node not found" >&2; exit 2; }
[ -f "$jsroot/package.json" ] || { echo "bench: jsroot not found at $jsroot; npm install --prefix ~/.cache/pocket-jsroot jsroot@7.11.2" >&2; exit 2; }
export JSROOT_DIR="$jsroot"

now_ns() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# CPU seconds (user + sys, all threads) of a command, into file $1: GNU time when present
cpu_wrap() { if [ -x /usr/bin/time ]; then /usr/bin/time -o "$1" -f '%U %S' "${@:2}"; else echo "0 0" > "$1"; "${@:2}"; fi; }
cpu_of() { awk '{ printf "%.2f", $1 + $2 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

jsroot_version=$(node -p "require('$jsroot/package.json').version")
echo "jsroot-vs-pocket: dimuon task (>= 2 muons, leading pair of opposite charge, m_mumu 60 bins 60-120 GeV)"
echo "  $events events, $reps timed runs each (median), $(nproc) cores, node $(node --version), jsroot $jsroot_version, $(java -version 2>&1 | head -1)"
echo "  pocket run args: ${POCKET_RUN_ARGS:-(none: iterative executor, default chunksize)}; POCKET_JAVA_OPTS=${POCKET_JAVA_OPTS:-}"
echo "  load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

status=0
summary=()
for codec in "${codecs[@]}"; do
  case "$codec" in
    *:*) comp="$codec" ;;
    zstd) comp=zstd:5 ;;
    lz4) comp=lz4:4 ;;
    lzma) comp=lzma:7 ;;
    zlib) comp=zlib:1 ;;
    none) comp=none ;;
    *) echo "bench: unknown codec '$codec' (zstd, lz4, lzma, zlib, none, or ALG:LEVEL)" >&2; exit 2 ;;
  esac
  dir="$work/${events}_${comp/:/_}"
  if [ ! -f "$dir/DYJetsToLL_M-50_2018.json" ]; then
    echo "generating $events zmumu events ($comp) in $dir (once) ..."
    rm -rf "$dir.tmp"
    "$pocket" generate --sample zmumu --events "$events" --compression "$comp" -o "$dir.tmp" >/dev/null
    rm -rf "$dir"; mv "$dir.tmp" "$dir"
  fi
  files=("$dir"/zmumu/*.root)
  file="${files[0]}"
  cp "$here/bench/dimuon.jsh" "$dir/dimuon.jsh"
  cat "$file" > /dev/null   # into the page cache
  echo
  echo "== $comp: $(basename "$file"), $(( $(stat -c %s "$file") / 1000000 )) MB, load $(cut -d' ' -f1 /proc/loadavg)"

  # pocket, cold: an empty config cache of its own, so this run compiles the config (and caches it)
  cache="$work/config-cache"
  rm -rf "$cache" "$dir"/out-*
  popts="${POCKET_JAVA_OPTS:-} -Dpocket.cache.dir=$cache"
  t0=$(now_ns)
  (cd "$dir" && POCKET_JAVA_OPTS="$popts" cpu_wrap out-cold.cpu "$pocket" run --cfg dimuon.jsh -o out-cold "${run_args[@]}" > out-cold.log 2>&1) \
    || { echo "bench: pocket run failed, see $dir/out-cold.log" >&2; exit 1; }
  t1=$(now_ns)
  cold=$(secs "$t0" "$t1")
  cold_in=$(jq .total.wall_seconds "$dir/out-cold/performance.json")
  cold_cpu=$(cpu_of "$dir/out-cold.cpu")
  # pocket, warm: the config is in the cache
  warm=(); warm_in=(); warm_cpu=()
  for i in $(seq "$reps"); do
    t0=$(now_ns)
    (cd "$dir" && POCKET_JAVA_OPTS="$popts" cpu_wrap "out-warm$i.cpu" "$pocket" run --cfg dimuon.jsh -o "out-warm$i" "${run_args[@]}" > "out-warm$i.log" 2>&1) \
      || { echo "bench: pocket run failed, see $dir/out-warm$i.log" >&2; exit 1; }
    t1=$(now_ns)
    warm+=("$(secs "$t0" "$t1")")
    warm_in+=("$(jq .total.wall_seconds "$dir/out-warm$i/performance.json")")
    warm_cpu+=("$(cpu_of "$dir/out-warm$i.cpu")")
  done
  # JSROOT
  js=(); js_in=(); js_cpu=()
  for i in $(seq "$reps"); do
    t0=$(now_ns)
    cpu_wrap "$dir/out-jsroot$i.cpu" node "$here/bench/jsroot-dimuon.mjs" "$file" > "$dir/out-jsroot$i.json" \
      || { echo "bench: the JSROOT loop failed" >&2; exit 1; }
    t1=$(now_ns)
    js+=("$(secs "$t0" "$t1")")
    js_in+=("$(jq .seconds "$dir/out-jsroot$i.json")")
    js_cpu+=("$(cpu_of "$dir/out-jsroot$i.cpu")")
  done

  # the histograms: every pocket output and every JSROOT run, bin for bin (under/overflow included)
  outs=("$dir/out-cold")
  for i in $(seq "$reps"); do outs+=("$dir/out-warm$i"); done
  jsouts=()
  for i in $(seq "$reps"); do jsouts+=("$dir/out-jsroot$i.json"); done
  if ! node - "${#outs[@]}" "${outs[@]}" "${jsouts[@]}" <<'EOF'
const fs = require('fs');
const args = process.argv.slice(2), n = Number(args[0]);
const pockets = args.slice(1, 1 + n), jsroots = args.slice(1 + n);
const sum = a => a.reduce((s, x) => s + x, 0);
const ref = JSON.parse(fs.readFileSync(jsroots[0], 'utf8'));
let ok = true;
const show = (what, c) => console.log(`  ${what}: ${sum(c)} entries (${c[0]} underflow, ${sum(c.slice(1, -1))} in 60-120 GeV, ${c[c.length - 1]} overflow)`);
show('JSROOT histogram', ref.counts);
console.log(`    (JSROOT: ${ref.entries} events read, ${ref.passed} with an opposite-charge leading pair)`);
for (const j of jsroots.slice(1)) {
  const c = JSON.parse(fs.readFileSync(j, 'utf8')).counts;
  if (JSON.stringify(c) !== JSON.stringify(ref.counts)) { ok = false; console.log(`  MISMATCH: ${j} differs from ${jsroots[0]}`); }
}
for (const p of pockets) {
  const out = JSON.parse(fs.readFileSync(p + '/output_all.json', 'utf8'));
  const h = out.variables.mll.DYJetsToLL['DYJetsToLL_M-50_2018'];
  const c = h.storage.values[0][0];
  if (p === pockets[0]) show('pocket histogram', c);
  const bad = [];
  if (c.length !== ref.counts.length) bad.push(`length ${c.length} vs ${ref.counts.length}`);
  else c.forEach((v, k) => { if (v !== ref.counts[k]) bad.push(`slot ${k}: pocket ${v}, JSROOT ${ref.counts[k]}`); });
  if (bad.length) { ok = false; console.log(`  MISMATCH ${p}: ${bad.slice(0, 10).join('; ')}`); }
}
console.log(ok ? `  histograms agree: all ${ref.counts.length} slots equal (${pockets.length} pocket runs, ${jsroots.length} JSROOT runs)` : '  HISTOGRAMS DISAGREE');
process.exit(ok ? 0 : 1);
EOF
  then status=1; fi

  wm=$(median "${warm[@]}"); jm=$(median "${js[@]}")
  echo "  pocket cold (config compiled): ${cold} s whole process (run itself ${cold_in} s; CPU ${cold_cpu} s)"
  echo "  pocket warm: median ${wm} s whole process [${warm[*]}] (run itself: median $(median "${warm_in[@]}") s; CPU median $(median "${warm_cpu[@]}") s)"
  echo "  JSROOT:      median ${jm} s whole process [${js[*]}] (openFile + loop: median $(median "${js_in[@]}") s; CPU median $(median "${js_cpu[@]}") s)"
  r=$(ratio "$jm" "$wm"); rc=$(ratio "$jm" "$cold")
  echo "  JSROOT / pocket: ${r}x warm, ${rc}x cold   (target >= 3x: $(awk -v r="$r" 'BEGIN { print (r >= 3) ? "met" : "NOT met" }') warm)"
  summary+=("$(printf '%-8s %9s %9s %9s %8s %8s' "$comp" "$cold" "$wm" "$jm" "$r" "$rc")")
done

echo
echo "summary (seconds, whole processes; ratio = JSROOT / pocket), load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %9s %9s %9s %8s %8s\n' codec "pkt cold" "pkt warm" JSROOT "x warm" "x cold"
printf '%s\n' "${summary[@]}"
[ "$status" = 0 ] || echo "bench: the histograms disagree" >&2
exit "$status"
