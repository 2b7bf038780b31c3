#!/usr/bin/env bash
# Benchmark of `kneecoach serve` on SQLite (release build, wrk on loopback), next to the same
# work through the command line, and the cost of bcrypt per sign-in. Prints a Markdown table
# for BENCHMARKS.md. Usage: scripts/server-bench.sh [SECONDS per wrk run, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
swift build -c release --product kneecoach-server >/dev/null
swift build -c release --product kneecoach >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d /tmp/kc-bench-XXXXXX)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { local port=$1; while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done; echo "$port"; }
password="bench passphrase $$"
start_server() { # folder cost -> sets $base
    local port; port="$(free_port 18180)"
    KNEECOACH_ADMIN_PASSWORD="$password" "$bin/kneecoach-server" --db "$1/kneecoach.sqlite" --port "$port" \
        --insecure-cookies --bcrypt-cost "$2" --create-admin runner >"$1/server.log" 2>&1 &
    pids+=($!)
    base="http://127.0.0.1:$port"
    for _ in $(seq 1 100); do curl -sf "$base/health/ready" >/dev/null 2>&1 && return; sleep 0.1; done
    cat "$1/server.log" >&2; exit 1
}
json() { curl -sf -b "$work/jar" -c "$work/jar" -H 'content-type: application/json' "$@"; }
wrk_line() { # name, wrk output -> "| name | rps | p50 | p99 |"
    local rps p50 p99
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$2")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$2")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$2")"
    echo "| $1 | $rps | $p50 | $p99 |"
}

mkdir -p "$work/api"
start_server "$work/api" 4
json -d "{\"login\":\"runner\",\"password\":\"$password\"}" "$base/api/v1/auth/signin" >/dev/null
json -X PUT --data-binary @examples/beginner-front-knee-pain.json "$base/api/v1/profile" >/dev/null
token="$(json -d '{"name":"bench","scopes":["read","journal:write","import"]}' "$base/api/v1/tokens" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

echo "| request (SQLite, 2 threads, 16 connections, ${seconds} s) | requests/s | p50 | p99 |"
echo "|---|---:|---:|---:|"
out="$(wrk -t2 -c16 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$base/api/v1/today")"
wrk_line "GET /api/v1/today" "$out"
out="$(wrk -t1 -c1 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$base/api/v1/today")"
wrk_line "GET /api/v1/today, one connection" "$out"
# The web pages as a phone asks for them, with the session cookie of the same runner
# (before the pain benchmark below fills the journal).
cookie="$(awk '$6 ~ /kc_session/ {print $6 "=" $7}' "$work/jar")"
for page in /today /plan /status /journal /log/pain; do
    out="$(wrk -t1 -c1 -d"${seconds}s" --latency -H "Cookie: $cookie" "$base$page")"
    bytes="$(curl -s -o /dev/null -w '%{size_download}' -H "Cookie: $cookie" "$base$page")"
    wrk_line "GET $page (page, $((bytes / 1024)) KB), one connection" "$out"
done
cat >"$work/pain.lua" <<LUA
local counter = 0
request = function()
  counter = counter + 1
  local headers = {}
  headers["Authorization"] = "Bearer $token"
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "bench-" .. tostring(math.random(1, 1e9)) .. "-" .. counter
  return wrk.format("POST", "/api/v1/pain", headers, '{"when":"after","level":2}')
end
LUA
out="$(wrk -t2 -c16 -d"${seconds}s" --latency -s "$work/pain.lua" "$base/api/v1/pain")"
wrk_line "POST /api/v1/pain (a new Idempotency-Key each)" "$out"

# The GPX corpus uploaded file by file, then the same files through the command line.
corpus=../shared/data/activities/gpx
if [ -d "$corpus" ]; then
    files=("$corpus"/*.gpx)
    mb="$(du -cb "${files[@]}" | awk 'END {printf "%.2f", $1 / 1048576}')"
    t0=$(date +%s.%N)
    for f in "${files[@]}"; do
        # A route or a file without times answers 422 (nothing imported), as the command line skips it.
        curl -s -o /dev/null -H "Authorization: Bearer $token" --data-binary @"$f" "$base/api/v1/import?name=$(basename "$f")"
    done
    t1=$(date +%s.%N)
    mkdir -p "$work/cli"
    t2=$(date +%s.%N)
    "$bin/kneecoach" import "${files[@]}" --db "$work/cli/kneecoach.sqlite" >/dev/null 2>&1 || true
    t3=$(date +%s.%N)
    echo
    echo "| GPX corpus (${#files[@]} files, $mb MB), first import | seconds | files/s |"
    echo "|---|---:|---:|"
    awk -v a="$t0" -v b="$t1" -v n="${#files[@]}" 'BEGIN {printf "| uploads to the server, one request per file | %.2f | %.1f |\n", b - a, n / (b - a)}'
    awk -v a="$t2" -v b="$t3" -v n="${#files[@]}" 'BEGIN {printf "| kneecoach import, one process | %.2f | %.1f |\n", b - a, n / (b - a)}'
fi

# The same two requests as command-line processes.
"$bin/kneecoach" profile import examples/beginner-front-knee-pain.json --db "$work/cli/kneecoach.sqlite" >/dev/null 2>&1 || true
runs=30
cli_ms() { local t0 t1; t0=$(date +%s%N); for _ in $(seq 1 $runs); do "$@" >/dev/null 2>&1; done; t1=$(date +%s%N); echo $(( (t1 - t0) / runs / 1000000 )); }
echo
echo "| the same through the command line ($runs processes each) | ms per process |"
echo "|---|---:|"
echo "| kneecoach today --json | $(cli_ms "$bin/kneecoach" today --json --db "$work/cli/kneecoach.sqlite") |"
echo "| kneecoach log pain --when after --level 2 | $(cli_ms "$bin/kneecoach" log pain --when after --level 2 --db "$work/cli/kneecoach.sqlite") |"

# bcrypt: sign-ins on a server at the production cost (11), one at a time.
mkdir -p "$work/cost"
start_server "$work/cost" 11
echo
echo "| sign-in at bcrypt cost 11, one at a time (8 sign-ins) | median ms |"
echo "|---|---:|"
times=()
for _ in $(seq 1 8); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H 'content-type: application/json' \
        -d "{\"login\":\"runner\",\"password\":\"$password\"}" "$base/api/v1/auth/signin")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "| POST /api/v1/auth/signin | %.0f |\n", (a[4] + a[5]) / 2 * 1000}'
