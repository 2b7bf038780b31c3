#!/usr/bin/env bash
# The live API against its document: openapi-spec-validator on openapi.yaml, then
# schemathesis (every operation, all checks) against a kneecoach-server on a throwaway
# SQLite file, as a runner with a profile, a journal entry and a token of every scope.
# Usage: scripts/api-check.sh [VENV]   (a venv with schemathesis and openapi-spec-validator;
# made in /tmp when not given). Exits non-zero on any failure; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

spec=Sources/KneeCoachServer/Resources/openapi.yaml
venv="${1:-}"
if [ -z "$venv" ]; then
    venv="$(mktemp -d /tmp/kc-api-venv-XXXXXX)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis>=4.32,<5" "openapi-spec-validator>=0.7"
fi
"$venv/bin/openapi-spec-validator" "$spec"

swift build --product kneecoach-server >/dev/null
server="$(swift build --show-bin-path)/kneecoach-server"
work="$(mktemp -d /tmp/kc-api-XXXXXX)"
port=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
password="api check passphrase $$"
KNEECOACH_ADMIN_PASSWORD="$password" "$server" --db "$work/kneecoach.sqlite" --port "$port" \
    --insecure-cookies --bcrypt-cost 4 --signup open --drain-seconds 2 --create-admin runner >"$work/server.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    curl -sf "$base/health/ready" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf "$base/health/ready" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

json() { curl -sf -b "$work/jar" -c "$work/jar" -H 'content-type: application/json' "$@"; }
json -d "{\"login\":\"runner\",\"password\":\"$password\"}" "$base/api/v1/auth/signin" >/dev/null
json -X PUT --data-binary @examples/beginner-front-knee-pain.json "$base/api/v1/profile" >/dev/null
json -d '{"when":"after","level":2}' "$base/api/v1/pain" >/dev/null
token="$(json -d '{"name":"api-check","scopes":["read","journal:write","import","profile:write"]}' "$base/api/v1/tokens" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

"$venv/bin/schemathesis" --config-file scripts/schemathesis.toml run "$spec" --url "$base" -H "Authorization: Bearer $token" \
    --checks all --max-examples "${KNEECOACH_API_EXAMPLES:-30}" --seed 1 --request-timeout 30 \
    --suppress-health-check all --max-failures 50
# The log holds no password, token or health data (no request path or body is logged).
for secret in "$password" "$token" '"level"' 'pain-'; do
    if grep -qF -- "$secret" "$work/server.log"; then
        echo "api-check: the server's log holds something it must not: $secret" >&2
        exit 1
    fi
done
if grep -q "Fatal error\|panicked\|Segmentation" "$work/server.log"; then
    echo "api-check: the server crashed:" >&2
    cat "$work/server.log" >&2
    exit 1
fi

# Draining: on SIGTERM readiness turns 503 at once, requests are still answered for the
# drain's 2 seconds, then the process exits by itself with status 0.
kill -TERM "$pid"
sleep 0.5
ready="$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")"
live="$(curl -s -o /dev/null -w '%{http_code}' "$base/health/live")"
[ "$ready" = 503 ] && [ "$live" = 200 ] || { echo "api-check: during the drain ready=$ready live=$live (want 503, 200)" >&2; exit 1; }
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "api-check: the server did not exit after SIGTERM" >&2; exit 1; fi
wait "$pid" && echo "api-check: drained on SIGTERM (ready 503, live 200) and exited cleanly"
