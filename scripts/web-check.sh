#!/usr/bin/env bash
# Real-browser journeys through the web pages (scripts/web_check.py): Debian's chromium and
# chromium-driver, selenium and axe-selenium-python in a throwaway venv, against a
# kneecoach-server on a throwaway SQLite file, loopback only. Screenshots go to
# ${KNEECOACH_WEB_ARTIFACTS:-artifacts/web}. Usage: scripts/web-check.sh [VENV]
# KNEECOACH_WEB_PORT: the first port tried (18180); KNEECOACH_WEB_JOURNEYS: only these
# journeys (runner,warning_sign,offline,coaching).
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${1:-}"
if [ -z "$venv" ]; then
    venv="$(mktemp -d /tmp/kc-web-venv-XXXXXX)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "selenium>=4.20,<5" "axe-selenium-python>=2.1,<3"
fi
artifacts="${KNEECOACH_WEB_ARTIFACTS:-artifacts/web}"
rm -rf "$artifacts" && mkdir -p "$artifacts"

swift build --product kneecoach-server >/dev/null
server="$(swift build --show-bin-path)/kneecoach-server"
work="$(mktemp -d /tmp/kc-web-XXXXXX)"
port="${KNEECOACH_WEB_PORT:-18180}"
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
# The offline journey stops the server and starts it again: web_check.py reads how, and keeps
# the running server's pid in the file.
export KC_SERVER_COMMAND="$server --db $work/kneecoach.sqlite --port $port --insecure-cookies --bcrypt-cost 4 --signup open"
export KC_SERVER_PID_FILE="$work/server.pid" KC_SERVER_LOG="$work/server.log"
$KC_SERVER_COMMAND >"$work/server.log" 2>&1 &
echo $! >"$KC_SERVER_PID_FILE"
cleanup() {
    pid="$(cat "$KC_SERVER_PID_FILE" 2>/dev/null || true)"
    [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; }
    sleep 0.5
    rm -rf "$work"
}
trap cleanup EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    curl -sf "$base/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf "$base/health/ready" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

"$venv/bin/python" scripts/web_check.py "$base" "$artifacts"
if grep -q "Fatal error\|panicked\|Segmentation" "$work/server.log"; then
    echo "web-check: the server crashed:" >&2
    cat "$work/server.log" >&2
    exit 1
fi
