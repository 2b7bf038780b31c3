#!/usr/bin/env python3
"""Load driver for scripts/scale-check.sh: KneeCoach instances behind nginx on one PostgreSQL.

Python 3 standard library only. It signs up a coach and a few dozen runners through the
balancer (half of the runners then use an API token, half keep their web session cookie, so
sessions must live in the database), links some runners to the coach by invitation, then
runs a realistic mix from several threads for a fixed time:

    GET /api/v1/today, GET /api/v1/status, POST /api/v1/pain and POST /api/v1/runs (each with
    its own Idempotency-Key, also written into the entry's note so the database can be
    checked), uploads of corpus files (de-duplicated by content on the server), and the
    coach's dashboard.

A request that fails with a connection error, 502, 503 or 504 is sent again - the same
request with the same Idempotency-Key - after a short backoff, up to --retry-seconds. Any
other answer is final. After the run it reads PostgreSQL directly (psql) and prints PASS or
FAIL lines:

    - every acknowledged (2xx) write is in the database exactly once, for the right account;
    - no request failed after its retries, and no attempt went unanswered for --timeout seconds;
    - no 401 ever appeared.

and requests/s with p50/p99 per endpoint. Exit status 1 on any FAIL.

The shell script starts the load by waiting for --started-file, so that it can time its
faults (SIGTERM, SIGKILL, a PostgreSQL restart) against the run.
"""

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid

RETRYABLE = {502, 503, 504}
PASSWORD = "scale check passphrase 1234"
PREFIX = "kc-scale-"


class Runner:
    def __init__(self, login):
        self.login = login
        self.cookie = None  # "kc_session=..." while this runner uses its web session
        self.token = None  # a Bearer token once made (then the cookie is dropped)
        self.uploads_left = []
        self.lock = threading.Lock()

    def auth_headers(self):
        if self.token:
            return {"Authorization": "Bearer " + self.token}
        if self.cookie:
            return {"Cookie": self.cookie}
        return {}

    @property
    def kind(self):
        return "token" if self.token else "cookie"


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = {}  # endpoint -> [seconds, end to end including retries]
        self.statuses = {}  # endpoint -> {status: count} of final answers
        self.attempt_statuses = {}  # status or error name -> count, over every attempt
        self.retries = 0
        self.hung = []  # (endpoint, method, when) of attempts with no answer within --timeout
        self.failures = []  # (endpoint, login, what) after retries
        self.unauthorized = []  # (endpoint, login, kind)
        self.acked = {"pain": [], "runs": []}  # (login, key)
        self.uploads = []  # (login, file name)
        self.refused_uploads = []

    def attempt(self, what):
        with self.lock:
            self.attempt_statuses[what] = self.attempt_statuses.get(what, 0) + 1

    def failed(self, endpoint, runner, status, data):
        with self.lock:
            self.failures.append((endpoint, runner.login if runner else "-", status,
                                  data[:160].decode("utf-8", "replace")))

    def final(self, endpoint, status, seconds):
        with self.lock:
            self.latency.setdefault(endpoint, []).append(seconds)
            per = self.statuses.setdefault(endpoint, {})
            per[status] = per.get(status, 0) + 1


class Client:
    """One keep-alive connection to the balancer per thread, reopened after any error."""

    def __init__(self, host, port, timeout):
        self.host, self.port, self.timeout = host, port, timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=headers or {})
            response = self.conn.getresponse()
            data = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, response.getheader("Set-Cookie"), data
        except Exception:
            self.close()
            raise

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None


def call(client, stats, endpoint, runner, method, path, body=None, headers=None, retry_seconds=20.0, accept=()):
    """Sends one request, again with the same headers (and so the same Idempotency-Key) on a
    connection error, 502, 503 or 504, until it gets another answer or retry_seconds pass.
    Returns (status or None, body bytes)."""
    all_headers = dict(headers or {})
    start = time.monotonic()
    delay = 0.1
    last = None
    while True:
        if runner is not None:
            all_headers.update(runner.auth_headers())
        attempt_start = time.time()
        try:
            status, set_cookie, data = client.request(method, path, body=body, headers=all_headers)
            stats.attempt(status)
        except (OSError, http.client.HTTPException) as error:
            status, set_cookie, data = None, None, b""
            last = type(error).__name__
            stats.attempt(last)
            if isinstance(error, TimeoutError):
                with stats.lock:
                    stats.hung.append((endpoint, method, attempt_start))
        if status is not None:
            last = status
            if runner is not None and set_cookie and runner.token is None:
                pair = set_cookie.split(";", 1)[0]
                if pair.partition("=")[2] == "" or "Max-Age=0" in set_cookie:
                    pass  # a cleared cookie: keep ours, the no-401 check will tell
                else:
                    runner.cookie = pair
            if status == 401:
                with stats.lock:
                    stats.unauthorized.append((endpoint, runner.login if runner else "-", runner.kind if runner else "-"))
            if status not in RETRYABLE:
                stats.final(endpoint, status, time.monotonic() - start)
                if not (200 <= status < 300 or status in accept):
                    stats.failed(endpoint, runner, status, data)
                return status, data
        if time.monotonic() - start + delay > retry_seconds:
            stats.final(endpoint, last, time.monotonic() - start)
            stats.failed(endpoint, runner, last, data)
            return None, data
        with stats.lock:
            stats.retries += 1
        time.sleep(delay)
        delay = min(delay * 2, 1.0)


def jbody(value):
    return json.dumps(value).encode()


JSON = {"Content-Type": "application/json"}


def must(status, data, what):
    if status is None or not 200 <= status < 300:
        raise SystemExit(f"scale-driver: setup failed: {what}: {status} {data[:300]!r}")
    return json.loads(data) if data else None


def setup(args, client, stats):
    """Coach first (the first account is the admin), then the runners; half keep their web
    session, half switch to a token; the first --coached runners accept the coach's link."""
    with open(args.profile, "rb") as handle:
        profile = handle.read()
    coach = Runner("coach@scale.test")
    status, data = call(client, stats, "setup", coach, "POST", "/api/v1/auth/signup",
                        jbody({"login": coach.login, "password": PASSWORD}), JSON)
    must(status, data, "coach sign-up")
    status, data = call(client, stats, "setup", coach, "PUT", "/api/v1/profile", profile, JSON)
    must(status, data, "coach profile")
    links = []
    for i in range(args.coached):
        status, data = call(client, stats, "setup", coach, "POST", "/api/v1/coaching/invitations",
                            jbody({"name": "Coach Sam"}), JSON)
        links.append(must(status, data, "coach invitation")["invitations"][0]["secret"])
    status, data = call(client, stats, "setup", coach, "POST", "/api/v1/tokens",
                        jbody({"name": "dashboard", "scopes": ["read", "journal:write", "import", "coaching"]}), JSON)
    coach_token = must(status, data, "coach token")["token"]

    runners = []
    for i in range(args.runners):
        runner = Runner(f"runner{i:02d}@scale.test")
        status, data = call(client, stats, "setup", runner, "POST", "/api/v1/auth/signup",
                            jbody({"login": runner.login, "password": PASSWORD}), JSON)
        must(status, data, f"sign-up of {runner.login}")
        if runner.cookie is None:
            raise SystemExit("scale-driver: sign-up set no session cookie")
        status, data = call(client, stats, "setup", runner, "PUT", "/api/v1/profile", profile, JSON)
        must(status, data, "profile")
        if i < len(links):
            status, data = call(client, stats, "setup", runner, "POST", "/api/v1/invitations/accept",
                                jbody({"token": links[i], "name": f"Runner {i}", "scopes": ["plan", "status"]}), JSON)
            must(status, data, "accepting the coach's link")
        if i % 2 == 0:
            status, data = call(client, stats, "setup", runner, "POST", "/api/v1/tokens",
                                jbody({"name": "scale", "scopes": ["read", "journal:write", "import"]}), JSON)
            runner.token = must(status, data, "token")["token"]
            runner.cookie = None
        runners.append(runner)
    coach.token = coach_token
    coach.cookie = None
    return coach, runners


def upload_pool(args, client, stats, coach):
    """Corpus files the server accepts: small FIT, GPX and TCX files, each tried once by the
    coach's account first; those answering 2xx with something imported make the pool, and
    the number of activities each made is what every runner's copy must make too."""
    corpus = args.corpus
    if not corpus or not os.path.isdir(corpus):
        print(f"scale-driver: note: no corpus at {corpus}; uploads are skipped")
        return {}
    candidates = []
    for kind in ("gpx", "fit", "tcx"):
        folder = os.path.join(corpus, kind)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.lower().endswith("." + kind) and os.path.getsize(path) <= args.max_upload_kb * 1024:
                candidates.append(path)
    random.Random(7).shuffle(candidates)
    pool = {}
    for path in candidates:
        if len(pool) >= args.upload_files:
            break
        name = os.path.basename(path)
        with open(path, "rb") as handle:
            data = handle.read()
        status, answer = call(client, stats, "setup", coach, "POST", f"/api/v1/import?name={name}", data,
                              {"Content-Type": "application/octet-stream"}, accept=(422,))
        if status is not None and 200 <= status < 300:
            document = json.loads(answer)
            if document.get("imported"):
                pool[name] = data
    return pool


def load(args, runners, coach, pool, stats, deadline, seed):
    rng = random.Random(seed)
    client = Client(args.host, args.port, args.timeout)
    mix = [("today", 30), ("status", 15), ("pain", 22), ("runs", 15), ("upload", 6 if pool else 0), ("dashboard", 6)]
    names = [name for name, _ in mix]
    weights = [weight for _, weight in mix]
    retry = args.retry_seconds
    while time.monotonic() < deadline:
        op = rng.choices(names, weights)[0]
        runner = rng.choice(runners)
        if op == "today":
            call(client, stats, op, runner, "GET", "/api/v1/today", retry_seconds=retry)
        elif op == "status":
            call(client, stats, op, runner, "GET", "/api/v1/status", retry_seconds=retry)
        elif op == "dashboard":
            call(client, stats, op, coach, "GET", "/api/v1/coaching/runners", retry_seconds=retry)
        elif op in ("pain", "runs"):
            key = PREFIX + str(uuid.uuid4())
            if op == "pain":
                body = {"when": rng.choice(["after", "next-morning", "rest"]), "level": rng.randint(0, 3),
                        "location": "front", "note": key}
            else:
                km = round(rng.uniform(3, 12), 2)
                body = {"distanceKm": km, "duration": int(km * rng.uniform(300, 420)),  # 5:00 to 7:00 per km
                        "effort": rng.randint(2, 6), "note": key}
            headers = dict(JSON)
            headers["Idempotency-Key"] = key
            status, data = call(client, stats, op, runner, "POST", "/api/v1/" + op, jbody(body), headers,
                                retry_seconds=retry)
            if status is not None and 200 <= status < 300:
                with stats.lock:
                    stats.acked[op].append((runner.login, key))
        elif op == "upload":
            with runner.lock:
                if not runner.uploads_left:
                    continue
                name = runner.uploads_left.pop()
            status, data = call(client, stats, op, runner, "POST", f"/api/v1/import?name={name}", pool[name],
                                {"Content-Type": "application/octet-stream"}, retry_seconds=retry)
            if status is not None and 200 <= status < 300:
                with stats.lock:
                    stats.uploads.append((runner.login, name))
    client.close()


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


def psql(args, sql):
    command = args.psql + ["-X", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in output.splitlines() if line]


def wait_for_database(args, seconds=60):
    end = time.monotonic() + seconds
    while True:
        try:
            psql(args, "SELECT 1")
            return True
        except subprocess.CalledProcessError:
            if time.monotonic() > end:
                return False
            time.sleep(0.5)


def check_database(args, stats, results):
    if not wait_for_database(args):
        results.append((False, "the database answers psql after the run"))
        return
    for table, op in (("pain_entries", "pain"), ("activities", "runs")):
        rows = psql(args, f"SELECT a.login, t.note, count(*) FROM {table} t JOIN accounts a ON a.user_id = t.user_id "
                          f"WHERE t.note LIKE '{PREFIX}%' GROUP BY a.login, t.note")
        found = {(login, note): int(count) for login, note, count in rows}
        acked = stats.acked[op]
        missing = [pair for pair in acked if found.get(pair, 0) == 0]
        doubled = [(pair, n) for pair, n in found.items() if n > 1]
        ok = not missing and not doubled and len(acked) > 0
        results.append((ok, f"every acknowledged POST /api/v1/{op} is in {table} exactly once: {len(acked)} acknowledged, "
                            f"{len(missing)} missing, {len(doubled)} stored more than once"
                            + (f" (e.g. missing {missing[0]})" if missing else "")
                            + (f" (e.g. {doubled[0]})" if doubled else "")))
    keys = {(login, key) for login, key in psql(
        args, f"SELECT a.login, k.idem_key FROM idempotency_keys k JOIN accounts a ON a.user_id = k.user_id "
              f"WHERE k.idem_key LIKE '{PREFIX}%'")}
    acked = stats.acked["pain"] + stats.acked["runs"]
    missing = [pair for pair in acked if pair not in keys]
    results.append((not missing, f"every acknowledged write's Idempotency-Key is stored with it: {len(missing)} of {len(acked)} missing"))
    if stats.uploads or args.corpus:
        rows = psql(args, "SELECT a.login, t.source, count(*) FROM activities t JOIN accounts a ON a.user_id = t.user_id "
                          "WHERE t.note IS NULL OR t.note NOT LIKE '" + PREFIX + "%' GROUP BY a.login, t.source")
        by_login = {}
        for login, source, count in rows:
            by_login.setdefault(login, []).append((source, int(count)))
        expected = {}
        for source, count in by_login.get("coach@scale.test", []):
            expected[os.path.basename(source)] = count
        bad = []
        for login, name in set(stats.uploads):
            counts = [count for source, count in by_login.get(login, []) if os.path.basename(source) == name]
            if sum(counts) != expected.get(name, -1):
                bad.append((login, name, counts, expected.get(name)))
        results.append((not bad, f"every acknowledged upload made its activities exactly once: {len(set(stats.uploads))} "
                                 f"uploads, {len(bad)} wrong" + (f" (e.g. {bad[0]})" if bad else "")))


def report(args, stats, seconds, results):
    total = sum(len(v) for k, v in stats.latency.items() if k != "setup")
    print(f"\nload: {args.threads} threads, {seconds:.1f} s, {total} requests, {total / seconds:.1f} requests/s, "
          f"{stats.retries} retries")
    print("| endpoint | requests | requests/s | p50 ms | p99 ms | answers |")
    print("|---|---:|---:|---:|---:|---|")
    for endpoint in ("today", "status", "pain", "runs", "upload", "dashboard"):
        values = stats.latency.get(endpoint, [])
        if not values:
            continue
        answers = ", ".join(f"{k}: {v}" for k, v in sorted(stats.statuses[endpoint].items(), key=lambda item: str(item[0])))
        print(f"| {endpoint} | {len(values)} | {len(values) / seconds:.1f} | {percentile(values, 0.5) * 1000:.0f} | "
              f"{percentile(values, 0.99) * 1000:.0f} | {answers} |")
    attempts = ", ".join(f"{k}: {v}" for k, v in sorted(stats.attempt_statuses.items(), key=lambda item: str(item[0])))
    print(f"every attempt, by answer: {attempts}")
    if args.json_out:
        with open(args.json_out, "w") as handle:
            json.dump({
                "seconds": seconds, "requests": total, "retries": stats.retries,
                "endpoints": {k: {"n": len(v), "rps": len(v) / seconds, "p50_ms": percentile(v, 0.5) * 1000,
                                  "p99_ms": percentile(v, 0.99) * 1000}
                              for k, v in stats.latency.items() if k != "setup"},
                "results": [[ok, text] for ok, text in results],
            }, handle, indent=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True, help="the balancer's port")
    parser.add_argument("--psql", required=True, help="the psql command line for the database, as one string")
    parser.add_argument("--profile", required=True)
    parser.add_argument("--corpus", default="")
    parser.add_argument("--runners", type=int, default=36)
    parser.add_argument("--coached", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--retry-seconds", type=float, default=20)
    parser.add_argument("--timeout", type=float, default=10, help="seconds one attempt may take")
    parser.add_argument("--upload-files", type=int, default=12)
    parser.add_argument("--max-upload-kb", type=int, default=160)
    parser.add_argument("--started-file", default="", help="written when the load starts")
    parser.add_argument("--json-out", default="")
    parser.add_argument("--no-checks", action="store_true", help="measure only (the benchmark)")
    args = parser.parse_args()
    args.psql = args.psql.split()

    stats = Stats()
    client = Client(args.host, args.port, args.timeout)
    t0 = time.monotonic()
    coach, runners = setup(args, client, stats)
    pool = upload_pool(args, client, stats, coach)
    client.close()
    for runner in runners:
        runner.uploads_left = list(pool)
        random.shuffle(runner.uploads_left)
    tokens = sum(1 for r in runners if r.token)
    print(f"setup: {len(runners)} runners ({tokens} with an API token, {len(runners) - tokens} with a web session), "
          f"{args.coached} coached, {len(pool)} corpus files to upload, {time.monotonic() - t0:.1f} s")
    sys.stdout.flush()

    setup_statuses = dict(stats.statuses.get("setup", {}))
    stats = Stats()
    if args.started_file:
        with open(args.started_file, "w") as handle:
            handle.write(str(time.time()))
    start = time.monotonic()
    args.wall_start = time.time()
    deadline = start + args.seconds
    threads = [threading.Thread(target=load, args=(args, runners, coach, pool, stats, deadline, seed))
               for seed in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - start

    results = []
    if not args.no_checks:
        check_database(args, stats, results)
        failed = stats.failures
        kinds = {}
        for endpoint, _, status, _ in failed:
            kinds[(endpoint, status)] = kinds.get((endpoint, status), 0) + 1
        results.append((not failed, f"no request failed after the driver's retries: {len(failed)} of "
                                    f"{sum(len(v) for v in stats.latency.values())} failed"
                                    + (" (" + ", ".join(f"{e} {s} x{n}" for (e, s), n in sorted(kinds.items(), key=str)) + ")" if failed else "")
                                    + (f"; first: {failed[0]}" if failed else "")))
        hung = stats.hung
        when = ", ".join(f"{e} at t={t - args.wall_start:.1f}s" for e, _, t in hung[:6])
        results.append((not hung, f"no request hung: {len(hung)} attempts got no answer within {args.timeout:.0f} s"
                                  + (f" (the driver retried them; sent {when})" if hung else "")))
        unauthorized = stats.unauthorized
        kinds = sorted({kind for _, _, kind in unauthorized})
        results.append((not unauthorized, f"no 401 ever appeared: {len(unauthorized)} answers were 401"
                                          + (f" (with {' and '.join(kinds)}; first: {unauthorized[0][:2]})" if unauthorized else "")))
    report(args, stats, seconds, results)
    print()
    for ok, text in results:
        print(("PASS: " if ok else "FAIL: ") + text)
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
