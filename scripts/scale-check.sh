#!/usr/bin/env bash
# Past one machine, proven: three kneecoach-server instances started at the same moment on one
# throwaway PostgreSQL, Debian's nginx in front, and scripts/scale_driver.py running a realistic
# mix through nginx for a minute while this script SIGTERMs one instance (and watches its
# readiness turn 503 while it drains), SIGKILLs another, restarts both, and restarts
# PostgreSQL. Then PASS/FAIL lines: every acknowledged write is in the database exactly once,
# no request failed after the driver's retries of the same Idempotency-Key, no 401 appeared,
# readiness was 503 during the drain, the migrations were applied once, and every instance is
# ready again by itself. Exits non-zero on any FAIL. Loopback only; everything it starts is
# stopped on exit.
#
# Usage: scripts/scale-check.sh [VENV]          the check (debug build; CI runs this)
#        scripts/scale-check.sh --bench [VENV]  the benchmark: the same mix without faults
#                                               through nginx to 1, then 3 instances (release build)
# VENV: a Python venv to run the driver with (it needs only the standard library); python3
# otherwise. KNEECOACH_SCALE_SECONDS (default 60) and KNEECOACH_SCALE_BENCH_SECONDS (30) set
# the load's length; KNEECOACH_SCALE_KEEP=1 keeps the work folder (logs) for a post-mortem;
# KNEECOACH_SCALE_SERVER=PATH runs that kneecoach-server instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=check
if [ "${1:-}" = "--bench" ]; then mode=bench; shift; fi
venv="${1:-}"
python=python3
[ -n "$venv" ] && python="$venv/bin/python"
seconds="${KNEECOACH_SCALE_SECONDS:-60}"
bench_seconds="${KNEECOACH_SCALE_BENCH_SECONDS:-30}"
drain=2
t_start=$(date +%s)

log() { printf '\n== scale-check: %s\n' "$*"; }
fail_lines=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; fail_lines=$((fail_lines + 1)); }

nginx_bin="$(command -v nginx || true)"
[ -n "$nginx_bin" ] || nginx_bin=/usr/sbin/nginx
[ -x "$nginx_bin" ] || { echo "scale-check: nginx is missing (apt-get install nginx)" >&2; exit 1; }
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || { echo "scale-check: PostgreSQL is missing (apt-get install postgresql)" >&2; exit 1; }

configuration=debug
[ "$mode" = bench ] && configuration=release
if [ -n "${KNEECOACH_SCALE_SERVER:-}" ]; then
    server="$KNEECOACH_SCALE_SERVER"
    configuration="given"
else
    swift build -c "$configuration" --product kneecoach-server >/tmp/kc-scale-build-$$.log 2>&1 \
        || { cat /tmp/kc-scale-build-$$.log >&2; rm -f /tmp/kc-scale-build-$$.log; exit 1; }
    rm -f /tmp/kc-scale-build-$$.log
    server="$(swift build -c "$configuration" --show-bin-path)/kneecoach-server"
fi
echo "scale-check: $server ($configuration build)"

work="$(mktemp -d /tmp/kc-scale-XXXXXX)"
chmod 711 "$work" # postgres and nginx's workers pass through to their own folders
declare -A inst_pid inst_port
nginx_pid=""
driver_pid=""
pg_dir="$work/pg"
mkdir -p "$pg_dir" "$work/nginx"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$pg_dir"
fi

cleanup() {
    set +e
    [ -n "$driver_pid" ] && kill "$driver_pid" 2>/dev/null
    for i in "${!inst_pid[@]}"; do kill -KILL "${inst_pid[$i]}" 2>/dev/null; done
    [ -n "$nginx_pid" ] && kill -QUIT "$nginx_pid" 2>/dev/null
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
    wait 2>/dev/null
    if [ "${KNEECOACH_SCALE_KEEP:-}" = 1 ]; then echo "scale-check: logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# free_port VAR FROM: a free loopback port from FROM up, into VAR, never one handed out
# before (54400 and 54410 belong to others on the shared machine).
taken_ports=" 54400 54410 "
free_port() {
    local port=$2
    while [[ "$taken_ports" == *" $port "* ]] || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    taken_ports+="$port "
    printf -v "$1" '%s' "$port"
}

# PostgreSQL: Debian's server, a new cluster owned by postgres, on loopback, fsync off, every
# DDL statement logged with its process id (the proof that one process migrated).
free_port pg_port 54460
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U kneecoach --auth=trust --no-sync -E UTF8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }
cat >>"$pg_dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_dir'
fsync = off
max_connections = 100
log_statement = 'ddl'
log_line_prefix = '%m [%p] '
CONF
pg_ctl() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 "$@" >/dev/null; }
pg_ctl start || { cat "$pg_dir/server.log" >&2; exit 1; }
database_url="postgres://kneecoach@127.0.0.1:$pg_port/kneecoach_scale?sslmode=disable"
psql_cmd="psql -h 127.0.0.1 -p $pg_port -U kneecoach -d kneecoach_scale"
sql() { $psql_cmd -X -A -t -v ON_ERROR_STOP=1 -c "$1"; }

# One instance, configured through the environment as docs/deployment.md's unit does; its
# own data folder, so nothing on disk is shared between instances.
start_instance() { # number
    local i=$1
    mkdir -p "$work/instance$i"
    KNEECOACH_DATABASE_URL="$database_url" KNEECOACH_PORT="${inst_port[$i]}" KNEECOACH_DRAIN_SECONDS="$drain" \
        KNEECOACH_INSECURE_COOKIES=1 KNEECOACH_SIGNUP=open KNEECOACH_BCRYPT_COST=4 \
        KNEECOACH_DB="$work/instance$i/kneecoach.sqlite" \
        "$server" >>"$work/instance$i.log" 2>&1 &
    inst_pid[$i]=$!
}
ready_code() { curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:${inst_port[$1]}/health/ready" || true; }
wait_ready() { # number seconds -> 0 when ready
    local end=$(($(date +%s) + $2))
    while [ "$(date +%s)" -le "$end" ]; do
        [ "$(ready_code "$1")" = 200 ] && return 0
        kill -0 "${inst_pid[$1]}" 2>/dev/null || return 1
        sleep 0.2
    done
    return 1
}

# nginx in front: round robin over the instances, passive health checks (max_fails,
# fail_timeout), and the next instance tried on a connection error, a timeout, 502, 503 or
# 504 -- for requests nginx may safely send twice. Without `non_idempotent`, a POST that
# reached an instance is never replayed by nginx; the client retries it with its
# Idempotency-Key. The same blocks are in docs/deployment.md.
start_nginx() { # instances...
    local conf="$work/nginx/nginx.conf" i
    free_port nginx_port 18480
    {
        echo "worker_processes 1;"
        echo "daemon off;"
        echo "pid $work/nginx/nginx.pid;"
        echo "error_log $work/nginx/error.log warn;"
        echo "events { worker_connections 1024; }"
        echo "http {"
        echo "    log_format upstreams '\$msec \$request_method \$status \$request_time \$upstream_status \$upstream_addr';"
        echo "    access_log $work/nginx/access.log upstreams;"
        for temp in client_body proxy fastcgi uwsgi scgi; do echo "    ${temp}_temp_path $work/nginx/$temp;"; done
        echo ""
        echo "    upstream kneecoach {"
        for i in "$@"; do echo "        server 127.0.0.1:${inst_port[$i]} max_fails=2 fail_timeout=5s;"; done
        cat <<'NGINX'
        keepalive 32;
    }

    server {
NGINX
        echo "        listen 127.0.0.1:$nginx_port;"
        cat <<'NGINX'
        client_max_body_size 64m;   # the instances' --max-upload-mb
        client_body_buffer_size 1m; # most watch files stay in memory

        location / {
            proxy_pass http://kneecoach;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
            proxy_send_timeout 60s;
            proxy_next_upstream error timeout http_502 http_503 http_504;
            proxy_next_upstream_tries 3;
            proxy_next_upstream_timeout 10s;
        }
    }
}
NGINX
    } >"$conf"
    "$nginx_bin" -t -q -e "$work/nginx/error.log" -c "$conf" || { cat "$work/nginx/error.log" >&2; exit 1; }
    "$nginx_bin" -e "$work/nginx/error.log" -c "$conf" &
    nginx_pid=$!
    for _ in $(seq 1 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "scale-check: nginx did not start" >&2; cat "$work/nginx/error.log" >&2; exit 1
}
stop_nginx() { kill -QUIT "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""; }

corpus=../shared/data/activities
[ -d "$corpus" ] || echo "scale-check: note: $corpus is absent; the driver skips uploads"
driver() { # extra arguments...  (bounded: the load, the retries and the checks fit in 4 minutes)
    timeout 240 "$python" scripts/scale_driver.py --port "$nginx_port" --psql "$psql_cmd" \
        --profile examples/beginner-front-knee-pain.json --corpus "$corpus" "$@"
}

if [ "$mode" = bench ]; then
    log "benchmark: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), release build, ${bench_seconds} s each"
    for n in 1 3; do
        as_pg "$pg_bin/dropdb" --if-exists -h 127.0.0.1 -p "$pg_port" -U kneecoach kneecoach_scale
        as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U kneecoach kneecoach_scale
        members=()
        for i in $(seq 1 "$n"); do free_port "inst_port[$i]" 18481; start_instance "$i"; members+=("$i"); done
        for i in "${members[@]}"; do wait_ready "$i" 60 || { cat "$work/instance$i.log" >&2; exit 1; }; done
        start_nginx "${members[@]}"
        log "$n instance(s) behind nginx"
        driver --seconds "$bench_seconds" --no-checks
        stop_nginx
        for i in "${members[@]}"; do kill -TERM "${inst_pid[$i]}"; wait "${inst_pid[$i]}" 2>/dev/null || true; unset "inst_pid[$i]"; done
    done
    exit 0
fi

as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U kneecoach kneecoach_scale
log "PostgreSQL on 127.0.0.1:$pg_port; three instances started at the same moment"
for i in 1 2 3; do free_port "inst_port[$i]" 18481; done
for i in 1 2 3; do start_instance "$i"; done
for i in 1 2 3; do
    wait_ready "$i" 90 || { echo "scale-check: instance $i did not become ready:" >&2; cat "$work/instance$i.log" >&2; exit 1; }
done
echo "instances ready on ports ${inst_port[1]}, ${inst_port[2]}, ${inst_port[3]}, $(($(date +%s) - t_start)) s into the script"
# Before any restart: how many processes created the tables, and how many took part.
created="$(grep -c 'CREATE TABLE users (' "$pg_dir/server.log" || true)"
creators="$(grep 'CREATE TABLE users (' "$pg_dir/server.log" | sed -n 's/.*\[\([0-9]*\)\].*/\1/p' | sort -u | wc -l)"
contenders="$(grep 'CREATE TABLE IF NOT EXISTS schema_migrations' "$pg_dir/server.log" | sed -n 's/.*\[\([0-9]*\)\].*/\1/p' | sort -u | wc -l)"
start_nginx 1 2 3
echo "nginx on 127.0.0.1:$nginx_port"

log "load through nginx for ${seconds} s, with faults"
started="$work/started"
driver --seconds "$seconds" --started-file "$started" --json-out "$work/driver.json" &
driver_pid=$!
for _ in $(seq 1 1200); do
    [ -f "$started" ] && break
    kill -0 "$driver_pid" 2>/dev/null || break
    sleep 0.1
done
[ -f "$started" ] || { wait "$driver_pid" || true; driver_pid=""; echo "scale-check: the driver's setup failed" >&2; exit 1; }
t0=$(date +%s)
at() { local wait=$((t0 + $1 - $(date +%s))); [ "$wait" -gt 0 ] && sleep "$wait"; return 0; }

at $((seconds / 6))
echo "t=$(($(date +%s) - t0))s SIGTERM instance 1 (drains for ${drain} s); polling its /health/ready"
kill -TERM "${inst_pid[1]}"
term_at=$(date +%s%N)
: >"$work/ready-during-drain"
while kill -0 "${inst_pid[1]}" 2>/dev/null; do
    ready_code 1 >>"$work/ready-during-drain"; echo >>"$work/ready-during-drain"
    [ $(( ($(date +%s%N) - term_at) / 1000000000 )) -gt 30 ] && { kill -KILL "${inst_pid[1]}"; echo "instance 1 still running 30 s after SIGTERM: killed" >&2; }
    sleep 0.1
done
term_status=0
wait "${inst_pid[1]}" || term_status=$?
term_ms=$(( ($(date +%s%N) - term_at) / 1000000 ))
echo "t=$(($(date +%s) - t0))s instance 1 exited with status $term_status after $term_ms ms; restarting it"
start_instance 1

at $((seconds * 2 / 5))
echo "t=$(($(date +%s) - t0))s SIGKILL instance 2; restarting it"
kill -KILL "${inst_pid[2]}"
wait "${inst_pid[2]}" 2>/dev/null || true
start_instance 2

at $((seconds * 3 / 5))
echo "t=$(($(date +%s) - t0))s restarting PostgreSQL (pg_ctl restart -m fast)"
pg_ctl -m fast restart
echo "t=$(($(date +%s) - t0))s PostgreSQL is back"

driver_status=0
wait "$driver_pid" || driver_status=$?
driver_pid=""

log "checks of the drain, the migrations and the instances"
codes="$(sort "$work/ready-during-drain" | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')"
if grep -qx 503 "$work/ready-during-drain"; then
    pass "instance 1's /health/ready answered 503 while it drained ($codes)"
else
    fail "instance 1's /health/ready never answered 503 while it drained (${codes:-no answer})"
fi
if [ "$term_status" = 0 ] && [ "$term_ms" -le $(( (drain + 15) * 1000 )) ]; then
    pass "instance 1 exited by itself with status 0, $term_ms ms after SIGTERM (drain ${drain} s)"
else
    fail "instance 1 after SIGTERM: status $term_status after $term_ms ms (want 0 within $((drain + 15)) s)"
fi
latest="$(sql "SELECT max(version) FROM schema_migrations")"
rows="$(sql "SELECT count(*) || ' rows, ' || count(DISTINCT version) || ' versions, ' || count(DISTINCT applied_at) || ' commit times' FROM schema_migrations")"
if [ "$created" = 1 ] && [ "$creators" = 1 ] && [[ "$rows" == "$latest rows, $latest versions, 1 commit times" ]]; then
    pass "the migrations were applied once: $contenders processes reached schema_migrations under the lock, 1 created the tables; schema_migrations: $rows"
else
    fail "the migrations were not applied exactly once: $contenders instances took the lock, $created CREATE TABLE users by $creators processes; schema_migrations: $rows"
fi
not_ready=()
ready_by=$(($(date +%s) + 20))
for i in 1 2 3; do
    wait_ready "$i" $((ready_by - $(date +%s))) || not_ready+=("$i (ready: $(ready_code "$i"))")
done
if [ "${#not_ready[@]}" = 0 ]; then
    pass "every instance is ready again by itself after the faults"
else
    fail "instances not ready 20 s after the run: ${not_ready[*]}"
fi
if grep -l "Fatal error\|panicked\|Segmentation" "$work"/instance*.log >/dev/null 2>&1; then
    fail "an instance crashed: $(grep -h "Fatal error\|panicked\|Segmentation" "$work"/instance*.log | head -n 3)"
else
    pass "no instance crashed (no fatal error in their logs)"
fi
served="$(awk '{for (i = 6; i <= NF; i++) {gsub(",", "", $i); if ($i ~ /:[0-9]+$/) print $i}}' "$work/nginx/access.log" \
    | sort | uniq -c | awk '{printf "%s%s: %s", sep, $2, $1; sep=", "}')"
echo "requests per instance, as nginx sent them (retries to the next one included): $served"
slow="$(awk -v t0="$(cat "$started")" '$4 >= 5 {n++; if (n <= 6) {printf "%s%s %s %ss from t=%.1fs", sep, $2, $3, $4, $1 - $4 - t0; sep="; "}}
    END {if (n > 6) printf " and %d more", n - 6}' "$work/nginx/access.log")"
echo "requests that took nginx 5 s or more: ${slow:-none}"
echo "database errors in the instances' logs: $(grep -ci 'error' "$work"/instance*.log | awk -F: '{s += $2} END {print s + 0}') lines"
echo "scale-check took $(($(date +%s) - t_start)) s"
if [ "$driver_status" != 0 ] || [ "$fail_lines" != 0 ]; then
    echo "scale-check: FAILED (driver status $driver_status, $fail_lines FAIL lines here)"
    [ "${KNEECOACH_SCALE_KEEP:-}" = 1 ] || for i in 1 2 3; do echo "--- instance $i, last lines"; tail -n 5 "$work/instance$i.log"; done
    exit 1
fi
echo "scale-check: all PASS"
