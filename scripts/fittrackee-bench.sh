#!/usr/bin/env bash
# Side by side with FitTrackee (issue 19; a benchmark, not CI): FitTrackee 1.3.6 (pip's, gunicorn
# with APP_WORKERS=2) and kneecoach-server (release build, default settings) measured in one run
# on this machine, one after the other, each on its own database of the same throwaway
# PostgreSQL 15 cluster (PostGIS for FitTrackee), with Redis and a map-tile stub for FitTrackee
# (every upload draws a map; there is no network). For each server:
#
#   - cold start: launch -> first 200 on the health route, then on the activity list with the
#     token (3 launches, median), and resident memory 10 s after the last one;
#   - the corpus's gpx/, fit/ and tcx/ files uploaded one file per request, one at a time into
#     one account (the read dataset), then by 4 concurrent uploaders into a second account:
#     files/s over every attempted file, and how many were accepted; memory after;
#   - wrk -t2 -c16 --latency on the list of the runner's activities and on one activity (the
#     upload of sw-4801048867_strava.gpx): requests/s, p50, p99; memory after.
#
# Then a Markdown table with both servers, KneeCoach ÷ FitTrackee per row, and the issue's
# targets, followed by every refused file with its status and reason.
#
# Usage: scripts/fittrackee-bench.sh [CORPUS]     (default ../shared/data/activities)
# Environment: KNEECOACH_FTK_VENV=DIR a venv to keep FitTrackee 1.3.6 in between runs (made and
# filled when it lacks it; otherwise a throwaway one, about 2 minutes of pip);
# KNEECOACH_FTK_SECONDS (20) per wrk run; KNEECOACH_FTK_RESULTS=FILE keeps the raw results (JSON,
# every upload's status and answer); KNEECOACH_FTK_KEEP=1 keeps the work folder (logs).
# Needs root for apt-get and for running PostgreSQL as the postgres user. Loopback only;
# everything it starts is stopped, and its folder removed, on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
corpus="$(cd "${1:-../shared/data/activities}" && pwd)"
seconds="${KNEECOACH_FTK_SECONDS:-20}"
t_start=$(date +%s)
log() { printf '== fittrackee-bench (%3d s): %s\n' $(($(date +%s) - t_start)) "$*" >&2; }
for kind in gpx fit tcx; do [ -d "$corpus/$kind" ] || { echo "fittrackee-bench: no $kind/ in $corpus" >&2; exit 1; }; done

# Debian's packages: PostgreSQL 15 with PostGIS (FitTrackee's migrations add geometry
# columns), Redis (FitTrackee pings it as it starts), wrk.
pg_bin=/usr/lib/postgresql/15/bin
missing=()
[ -x "$pg_bin/initdb" ] || missing+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || missing+=(postgresql-15-postgis-3)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v wrk >/dev/null || missing+=(wrk)
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

log "swift build -c release --product kneecoach-server"
swift build -c release --product kneecoach-server >/tmp/kc-ftk-build-$$.log 2>&1 \
    || { cat /tmp/kc-ftk-build-$$.log >&2; rm -f /tmp/kc-ftk-build-$$.log; exit 1; }
rm -f /tmp/kc-ftk-build-$$.log
server="$(swift build -c release --show-bin-path)/kneecoach-server"

work="$(mktemp -d /tmp/kc-ftk-XXXXXX)"
chmod 711 "$work" # postgres passes through to its own folder
results="$work/results.json"
driver() { python3 "$repo/scripts/fittrackee_bench.py" "$@"; }
pg_dir="$work/pg"
mkdir -p "$pg_dir" "$work/redis" "$work/ftk" "$work/kc"
as_pg() { runuser -u postgres -- "$@"; }
id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
chown postgres "$pg_dir"
helpers=()     # Redis and the tile stub: children of this script
pidfiles=()    # the servers: each in a session of its own (the driver's launch)

# stop_server PIDFILE: SIGTERM, then wait (a zombie counts as gone), then SIGKILL its group.
stop_server() {
    local pid state
    pid="$(cat "$1" 2>/dev/null)" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 400); do
        state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
        [ -z "$state" ] || [ "$state" = Z ] && break
        sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$1"
}
cleanup() {
    set +e
    for file in "${pidfiles[@]}"; do [ -f "$file" ] && stop_server "$file"; done
    for pid in "${helpers[@]}"; do kill "$pid" 2>/dev/null; done
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
    wait 2>/dev/null
    [ -n "${KNEECOACH_FTK_RESULTS:-}" ] && [ -f "$results" ] && cp "$results" "$KNEECOACH_FTK_RESULTS"
    if [ "${KNEECOACH_FTK_KEEP:-}" = 1 ]; then echo "fittrackee-bench: work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# free_port VAR FROM: a free loopback port from FROM up (54400 and 54410 belong to others). Every
# FROM is below 32768: the ephemeral range (32768-60999) is also the other tenants' outgoing ports.
taken_ports=" 54400 54410 "
pg_port="" redis_port="" tile_port="" ftk_port="" kc_port=""
free_port() {
    local port=$2
    while [[ "$taken_ports" == *" $port "* ]] || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    taken_ports+="$port "
    printf -v "$1" '%s' "$port"
}
note() { driver note --results "$results" --server "$1" --key "$2" "$3"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# FitTrackee 1.3.6 in a venv.
venv="${KNEECOACH_FTK_VENV:-$work/venv}"
if ! "$venv/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("fittrackee") != "1.3.6")' 2>/dev/null; then
    log "pip install fittrackee==1.3.6 into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check fittrackee==1.3.6 >"$work/pip.log" 2>&1 || { cat "$work/pip.log" >&2; exit 1; }
fi

# PostgreSQL 15: a new cluster owned by postgres, loopback only, fsync off (as the anchor's).
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }
cp "$pg_dir/data/postgresql.conf" "$pg_dir/postgresql.conf.orig"
# A port found free can be taken by another tenant before PostgreSQL binds it: the next one then.
for try in 1 2 3 4 5; do
    free_port pg_port $((29810 + 10 * try))
    cp "$pg_dir/postgresql.conf.orig" "$pg_dir/data/postgresql.conf"
    cat >>"$pg_dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_dir'
fsync = off
CONF
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start >/dev/null && break
    [ "$try" = 5 ] && { cat "$pg_dir/server.log" >&2; exit 1; }
done
psql_su() { psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_su -c "CREATE USER fittrackee PASSWORD 'fittrackee'" -c "CREATE DATABASE fittrackee OWNER fittrackee" \
    -c "CREATE USER kneecoach PASSWORD 'kneecoach'" -c "CREATE DATABASE kneecoach OWNER kneecoach"
psql_su -d fittrackee -c "CREATE EXTENSION postgis"

# Redis, and the tile stub that stands in for OpenStreetMap's tile server.
free_port redis_port 29700
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$work/redis" \
    --logfile "$work/redis/redis.log" &
helpers+=($!)
free_port tile_port 29750
python3 scripts/fittrackee_bench.py tiles "$tile_port" &
helpers+=($!)

note env machine "$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GB"
note env versions "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), PostGIS $(psql_su -d fittrackee -A -t -c "SELECT extversion FROM pg_extension WHERE extname = 'postgis'"), gunicorn $("$venv/bin/python" -c 'import gunicorn; print(gunicorn.__version__)'), Python $("$venv/bin/python" -c 'import platform; print(platform.python_version())'), $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}'), $(swift --version 2>/dev/null | head -n 1 | sed 's/ (.*//'), kneecoach $(git rev-parse --short HEAD)"
note env load_start "$(load)"

# ---------------------------------------------------------------------------------------------
# FitTrackee: production config, 2 sync workers, no e-mail, no weather, the tile stub.
free_port ftk_port 18500
ftk_base="http://127.0.0.1:$ftk_port"
ftk_env=(
    DATABASE_URL="postgresql://fittrackee:fittrackee@127.0.0.1:$pg_port/fittrackee"
    APP_SECRET_KEY="kneecoach-bench-$$-0123456789abcdef" APP_SETTINGS=fittrackee.config.ProductionConfig
    UPLOAD_FOLDER="$work/ftk" UI_URL="$ftk_base" REDIS_URL="redis://127.0.0.1:$redis_port"
    HOST=127.0.0.1 PORT="$ftk_port" APP_WORKERS=2 APP_LOG="$work/ftk/fittrackee.log"
    TILE_SERVER_URL="http://127.0.0.1:$tile_port/{z}/{x}/{y}.png" STATICMAP_CACHE_DIR="$work/ftk/staticmap_cache"
    AUTHLIB_INSECURE_TRANSPORT=1 PATH="$venv/bin:$PATH"
)
ftk() { (cd "$work/ftk" && env "${ftk_env[@]}" "$@"); }
password='BenchPass123!'
log "FitTrackee: migrations, two users"
ftk ftcli db upgrade >"$work/ftk/upgrade.log" 2>&1 || { cat "$work/ftk/upgrade.log" >&2; exit 1; }
ftk ftcli users create bench --email bench@example.com --password "$password" --role owner >/dev/null
ftk ftcli users create bench2 --email bench2@example.com --password "$password" >/dev/null
ftk_pidfile="$work/ftk/server.pid"
pidfiles+=("$ftk_pidfile")
ftk_launch() { # URL [header] -> the driver's launch
    local args=(--pidfile "$ftk_pidfile" --log "$work/ftk/server.log" --url "$ftk_base/api/ping")
    [ $# -gt 0 ] && args+=(--url "$1" --header "$2" --results "$results" --server fittrackee --key cold)
    (cd "$work/ftk" && driver launch "${args[@]}" -- env "${ftk_env[@]}" "$venv/bin/fittrackee")
}
ftk_launch >/dev/null
# The upload limit is 1 MiB by default: 10 MiB, as in the anchor; only the worker that serves
# the PATCH sees it until a restart (the cold starts below are that restart).
driver ftk-login --base "$ftk_base" --email bench@example.com --password "$password" --max-file-mb 10 >/dev/null
ftk_token="$(driver ftk-token --base "$ftk_base" --email bench@example.com --password "$password")"
ftk_token2="$(driver ftk-token --base "$ftk_base" --email bench2@example.com --password "$password")"
sleep 1
stop_server "$ftk_pidfile"

log "FitTrackee: 3 cold starts"
ftk_list="/api/workouts?page=1"
for i in 1 2 3; do
    echo "launch $i: first 200 at $(ftk_launch "$ftk_base$ftk_list" "Authorization: Bearer $ftk_token") s" >&2
    # Never SIGTERM gunicorn while a worker boots (its graceful timeout is 30 s).
    if [ "$i" -lt 3 ]; then sleep 3; stop_server "$ftk_pidfile"; fi
done
sleep 10
driver mem --results "$results" --server fittrackee --key mem_idle "$(cat "$ftk_pidfile")" >&2

# uploads SERVER NAME BASE TOKEN TOKEN2 PIDFILE: the corpus one file at a time into one account
# (the reads' dataset), then by 4 concurrent uploaders into a second; memory after.
uploads() {
    note "$1" load_uploads "$(load)"
    log "$2: uploads, one at a time, then 4 at a time into a second account"
    driver upload --results "$results" --server "$1" --key upload_seq --base "$3" --token "$4" \
        --corpus "$corpus" --concurrency 1 >&2
    driver upload --results "$results" --server "$1" --key upload_c4 --base "$3" --token "$5" \
        --corpus "$corpus" --concurrency 4 >&2
    sleep 2
    driver mem --results "$results" --server "$1" --key mem_uploads "$(cat "$6")" >&2
}
uploads fittrackee FitTrackee "$ftk_base" "$ftk_token" "$ftk_token2" "$ftk_pidfile"

# wrk_run SERVER KEY BASE PATH TOKEN: 5 requests one at a time (size, status, latency alone),
# then wrk.
wrk_run() {
    driver probe --results "$results" --server "$1" --key "$2" --base "$3" --path "$4" --token "$5" >/dev/null
    note "$1" "load_$2" "$(load)"
    wrk -t2 -c16 -d"${seconds}s" --latency -H "Authorization: Bearer $5" "$3$4" >"$work/$1-$2.txt"
    driver wrk --results "$results" --server "$1" --key "$2" "$work/$1-$2.txt" >&2
}
log "FitTrackee: reads under wrk (${seconds} s each)"
wrk_run fittrackee wrk_list "$ftk_base" "$ftk_list" "$ftk_token"
ftk_id="$(driver read-id --results "$results" --server fittrackee --key upload_seq)"
wrk_run fittrackee wrk_one "$ftk_base" "/api/workouts/$ftk_id" "$ftk_token"
# KneeCoach's list is the whole journal; FitTrackee's first page has 5 workouts. Every workout on
# one page, timed one request at a time for scale: under wrk's 16 connections such requests would
# wait past wrk's 2 s timeout.
driver probe --results "$results" --server fittrackee --key list_all --base "$ftk_base" \
    --path "/api/workouts?page=1&per_page=100" --token "$ftk_token" >/dev/null
driver mem --results "$results" --server fittrackee --key mem_reads "$(cat "$ftk_pidfile")" >&2
stop_server "$ftk_pidfile"

# ---------------------------------------------------------------------------------------------
# KneeCoach: default settings (pool of 8 PostgreSQL connections, bcrypt cost 11), its own
# database on the same cluster.
free_port kc_port 18600
kc_base="http://127.0.0.1:$kc_port"
kc_args=(--database "postgres://kneecoach:kneecoach@127.0.0.1:$pg_port/kneecoach?sslmode=disable" --port "$kc_port"
    --db "$work/kc/unused.sqlite")
kc_pidfile="$work/kc/server.pid"
pidfiles+=("$kc_pidfile")
kc_password="bench passphrase $$"
log "KneeCoach: first start (migrations, the admin), a second account by invitation"
KNEECOACH_ADMIN_PASSWORD="$kc_password" driver launch --pidfile "$kc_pidfile" --log "$work/kc/server.log" \
    --url "$kc_base/health/ready" -- "$server" "${kc_args[@]}" --create-admin runner >/dev/null
kc_token="$(driver kc-setup --base "$kc_base" --login runner --password "$kc_password" --profile examples/beginner-front-knee-pain.json)"
kc_token2="$(driver kc-setup --base "$kc_base" --login runner --password "$kc_password" --invite-as runner2 \
    --profile examples/beginner-front-knee-pain.json)"
stop_server "$kc_pidfile"

log "KneeCoach: 3 cold starts"
kc_list="/api/v1/journal"
for i in 1 2 3; do
    echo "launch $i: first 200 at $(driver launch --pidfile "$kc_pidfile" --log "$work/kc/server.log" \
        --url "$kc_base/health/live" --url "$kc_base$kc_list" --header "Authorization: Bearer $kc_token" \
        --results "$results" --server kneecoach --key cold -- "$server" "${kc_args[@]}") s" >&2
    if [ "$i" -lt 3 ]; then sleep 3; stop_server "$kc_pidfile"; fi
done
sleep 10
driver mem --results "$results" --server kneecoach --key mem_idle "$(cat "$kc_pidfile")" >&2

uploads kneecoach KneeCoach "$kc_base" "$kc_token" "$kc_token2" "$kc_pidfile"

log "KneeCoach: reads under wrk (${seconds} s each)"
wrk_run kneecoach wrk_list "$kc_base" "$kc_list" "$kc_token"
kc_entry="$(driver read-id --results "$results" --server kneecoach --key upload_seq)"
wrk_run kneecoach wrk_one "$kc_base" "/api/v1/journal/$kc_entry" "$kc_token"
driver mem --results "$results" --server kneecoach --key mem_reads "$(cat "$kc_pidfile")" >&2
stop_server "$kc_pidfile"
note env load_end "$(load)"

log "done"
echo "FitTrackee 1.3.6: gunicorn, APP_WORKERS=2 sync workers, ProductionConfig, upload limit raised to 10 MiB, sport_id 5."
echo "KneeCoach: release build, default settings (--db-pool-size 8, bcrypt cost 11), PostgreSQL."
echo
driver table --results "$results"
echo
echo "fittrackee-bench took $(($(date +%s) - t_start)) s"
