#!/usr/bin/env bash
# Times KneeCoach's activity decoders and the Python peers on the same corpus, in one run.
#
#   scripts/peer-bench.sh [CORPUS]            # CORPUS defaults to ../shared/data/activities
#
# 1. creates a throwaway venv under /tmp and pip-installs garmin-fit-sdk, fitdecode, gpxpy
#    and tcxreader (PyPI);
# 2. builds activity-bench in release mode (scratch path .build-files);
# 3. runs the corpus's own peer_bench.py (corpus pass, best of 3, no synthetic pass) and
#    activity-bench one after the other;
# 4. prints one table with MB/s, files/s and KneeCoach's speed-up over each peer.
# Environment: SECONDS_PER_FORMAT (activity-bench budget, default 5), PEERS_VENV (default:
# a new mktemp folder, removed at the end), KEEP_VENV=1 to keep it.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="$(cd "${1:-../shared/data/activities}" && pwd)"
VENV="${PEERS_VENV:-$(mktemp -d /tmp/kneecoach-peers.XXXXXX)}"
OUT="$(mktemp -d /tmp/kneecoach-bench.XXXXXX)"
cleanup() { [ "${KEEP_VENV:-0}" = 1 ] || rm -rf "$VENV"; rm -rf "$OUT"; }
trap cleanup EXIT

python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check garmin-fit-sdk fitdecode gpxpy tcxreader
swift build -c release --scratch-path .build-files --product activity-bench >/dev/null

echo "# $(uname -m), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $("$VENV/bin/python" --version)" >&2
"$VENV/bin/python" "$CORPUS/peer_bench.py" --only fitdecode,garmin-fit-sdk,gpxpy,tcxreader \
    --synthetic-mb 0 --out "$OUT/peers.tsv" >&2
.build-files/release/activity-bench "$CORPUS" --seconds "${SECONDS_PER_FORMAT:-5}" > "$OUT/kneecoach.tsv"

"$VENV/bin/python" - "$OUT/peers.tsv" "$OUT/kneecoach.tsv" <<'PY'
import csv, sys
peers = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
ours = list(csv.DictReader(open(sys.argv[2]), delimiter="\t"))
mine = {r["format"]: r for r in ours if r["decoder"] == "kneecoach"}
bare = {r["format"]: r for r in ours if r["decoder"] == "bare-XMLParser"}
print("| decoder | format | files | MB | best pass (s) | MB/s | files/s | KneeCoach speed-up |")
print("|---|---|---|---|---|---|---|---|")
for r in ours:
    note = ""
    if r["decoder"] == "bare-XMLParser":
        note = "KneeCoach takes %.2f× its time" % (float(bare[r["format"]]["MB_per_s"]) / float(mine[r["format"]]["MB_per_s"]))
    print(f"| {r['decoder']} | {r['format']} | {r['files']} | {r['MB']} | {r['best_pass_s']} | {float(r['MB_per_s']):.1f} | {float(r['files_per_s']):.1f} | {note} |")
for r in peers:
    k = mine[r["format"]]
    speedup = float(k["MB_per_s"]) / float(r["corpus_mb_s"])
    print(f"| {r['peer']} {r['version']} | {r['format']} | {r['files']} | {float(r['mb']):.2f} | {float(r['corpus_best_s']):.3f} | {float(r['corpus_mb_s']):.2f} | {float(r['corpus_files_s']):.1f} | **{speedup:.0f}×** |")
    if r["skipped"]:
        print(f"|  | (skipped: {r['skipped']}) | | | | | | |")
PY
