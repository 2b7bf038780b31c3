#!/usr/bin/env bash
# Times `kneecoach import` (through import-bench) on 1,000 activity files built from the
# corpus, and the Python peers just PARSING the very same files, in one run.
#
#   scripts/import-peer-bench.sh [CORPUS] [FILES]   # CORPUS defaults to ../shared/data/activities, FILES to 1000
#
# 1. creates a throwaway venv under /tmp and pip-installs fitdecode, gpxpy and tcxreader (PyPI);
# 2. builds import-bench in release mode (scratch path .build-import);
# 3. import-bench writes the files (running FIT/GPX/TCX from the corpus, timestamps moved so
#    none is a duplicate), imports them into a fresh SQLite journal and prints files/s;
# 4. each peer parses the same files (preloaded into memory, one pass, best of 3), using the
#    corpus's own peer_bench.py parse functions: fitdecode for FIT, gpxpy for GPX, tcxreader for TCX.
# Environment: PEERS_VENV (default: a new mktemp folder, removed at the end), KEEP_VENV=1 to keep it.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="$(cd "${1:-../shared/data/activities}" && pwd)"
FILES="${2:-1000}"
VENV="${PEERS_VENV:-$(mktemp -d /tmp/kneecoach-peers.XXXXXX)}"
OUT="$(mktemp -d /tmp/kneecoach-import-bench.XXXXXX)"
cleanup() { [ "${KEEP_VENV:-0}" = 1 ] || rm -rf "$VENV"; rm -rf "$OUT"; }
trap cleanup EXIT

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check fitdecode gpxpy tcxreader
swift build -c release --scratch-path .build-import --product import-bench >/dev/null

echo "# $(uname -m), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $("$VENV/bin/python" --version)" >&2
.build-import/release/import-bench "$CORPUS" --files "$FILES" --keep "$OUT/files" > "$OUT/kneecoach.tsv"

"$VENV/bin/python" - "$CORPUS" "$OUT/files" "$OUT/kneecoach.tsv" <<'PY'
import csv, os, sys, time
sys.path.insert(0, sys.argv[1])
from peer_bench import p_fitdecode, p_gpxpy, p_tcxreader
folder = sys.argv[2]
ours = next(csv.DictReader(open(sys.argv[3]), delimiter="\t"))
peers = {".fit": ("fitdecode", p_fitdecode), ".gpx": ("gpxpy", p_gpxpy), ".tcx": ("tcxreader", p_tcxreader)}
files = {ext: [] for ext in peers}
for name in sorted(os.listdir(folder)):
    ext = os.path.splitext(name)[1].lower()
    with open(os.path.join(folder, name), "rb") as f:
        files[ext].append(f.read())
total = 0.0
rows = []
for ext, (peer, parse) in peers.items():
    best = None
    for _ in range(3):
        start = time.perf_counter()
        for data in files[ext]:
            parse(data)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    total += best
    rows.append((peer, ext[1:], len(files[ext]), sum(map(len, files[ext]))/1e6, best))
n = sum(len(v) for v in files.values())
print("| what | files | MB | seconds | files/s |")
print("|---|---:|---:|---:|---:|")
print(f"| **kneecoach import** (read, decode, hash, dedupe, store in SQLite) | {ours['files']} | {ours['MB']} | {float(ours['seconds']):.2f} | **{float(ours['files_per_s']):.0f}** |")
for peer, fmt, count, mb, best in rows:
    print(f"| {peer} parse only ({fmt}) | {count} | {mb:.1f} | {best:.2f} | {count/best:.1f} |")
print(f"| Python peers, parse only, all files | {n} | {sum(r[3] for r in rows):.1f} | {total:.2f} | {n/total:.1f} |")
print(f"\nkneecoach imported {ours['imported']} (duplicates {ours['duplicates']}, failed {ours['failed']}); "
      f"journal intact: {ours['intact']}; speed-up over the peers' parse alone: {float(ours['files_per_s'])/(n/total):.0f}x")
PY
