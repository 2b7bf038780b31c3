#!/usr/bin/env python3
"""Driver for scripts/fittrackee-bench.sh: FitTrackee 1.3.6 and KneeCoach side by side.

Python 3 standard library only. The shell script starts and stops every process; this
driver does the parts that need more than curl, each as a subcommand that adds its figures
to one results file (JSON, read and rewritten by each call):

    tiles PORT                     a map-tile stub: one 256x256 PNG for every path (FitTrackee
                                   draws a map for every upload and there is no network here)
    launch ...                     starts a server (its own session), writes its pid, and
                                   times launch -> first 200 on each given URL (cold start)
    ftk-login / ftk-token          FitTrackee: cookie login, the size-limit PATCH, and the
                                   OAuth2 authorization-code flow with PKCE for a Bearer token
    kc-setup                       KneeCoach: sign in (or sign up by invitation), store the
                                   example profile, make a Bearer token
    upload                         the corpus, one file per request, 1 or N uploaders
    probe                          one GET (status and size) before wrk; the activity's id
    wrk                            parses one wrk --latency output
    mem                            RSS and PSS summed over a process and its descendants
    table                          the Markdown table with the issue's targets
"""

import argparse
import base64
import hashlib
import http.client
import http.server
import json
import os
import queue
import re
import secrets
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
import zlib

FORMATS = ("gpx", "fit", "tcx")
READ_FILE = "sw-4801048867_strava.gpx"


# --- results file -------------------------------------------------------------------------

def load(path):
    try:
        with open(path) as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {}


def save(path, results):
    with open(path + ".tmp", "w") as handle:
        json.dump(results, handle, indent=1)
    os.replace(path + ".tmp", path)


def put(path, server, key, value):
    results = load(path)
    results.setdefault(server, {})[key] = value
    save(path, results)


# --- HTTP ---------------------------------------------------------------------------------

def split(base):
    parsed = urllib.parse.urlsplit(base)
    return parsed.hostname, parsed.port


class Client:
    """One connection, kept alive while the server allows it (FitTrackee's sync workers
    close every connection; KneeCoach keeps them)."""

    def __init__(self, base, timeout=120):
        self.host, self.port = split(base)
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A kept-alive connection the server had closed: once more on a new one.
                self.close()
                if attempt:
                    raise
                continue
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, response.getheaders(), data
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def must(status, data, what, ok=(200, 201)):
    if status not in ok:
        sys.exit(f"fittrackee_bench: {what}: HTTP {status}: {data[:400]!r}")
    return json.loads(data) if data else None


def cookies_of(headers):
    jar = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            jar[key.strip()] = val.strip()
    return jar


# --- the tile stub --------------------------------------------------------------------------

def png(width=256, height=256, rgb=(170, 211, 223)):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))


def cmd_tiles(args):
    tile = png()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *_):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


# --- cold start -----------------------------------------------------------------------------

def cmd_launch(args):
    """Starts the command in a session of its own (so the script can stop its whole process
    group), and polls each URL every 5 ms, in turn, until it answers 200."""
    headers = dict(h.split(": ", 1) for h in args.header)
    log = open(args.log, "ab")
    t0 = time.monotonic()
    process = subprocess.Popen(args.argv, stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True)
    with open(args.pidfile, "w") as handle:
        handle.write(str(process.pid))
    firsts = []
    for url in args.url:
        parsed = urllib.parse.urlsplit(url)
        path = parsed.path + ("?" + parsed.query if parsed.query else "")
        while True:
            if process.poll() is not None:
                sys.exit(f"fittrackee_bench: the server exited with status {process.returncode} before {url} answered 200 (log: {args.log})")
            if time.monotonic() - t0 > args.timeout:
                sys.exit(f"fittrackee_bench: {url} did not answer 200 within {args.timeout} s (log: {args.log})")
            try:
                conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=5)
                conn.request("GET", path, headers=headers)
                status = conn.getresponse().status
                conn.close()
            except OSError:
                status = None
            if status == 200:
                firsts.append(round(time.monotonic() - t0, 4))
                break
            time.sleep(0.005)
    if args.results:
        results = load(args.results)
        results.setdefault(args.server, {}).setdefault(args.key, []).append(firsts)
        save(args.results, results)
    print(" ".join(f"{s:.3f}" for s in firsts))


# --- FitTrackee auth ------------------------------------------------------------------------

def ftk_login(client, email, password):
    status, headers, data = client.request(
        "POST", "/api/auth/login", json.dumps({"email": email, "password": password}),
        {"Content-Type": "application/json"})
    must(status, data, "FitTrackee login")
    jar = cookies_of(headers)
    cookie = f"access_token_cookie={jar['access_token_cookie']}; csrf_access_token={jar['csrf_access_token']}"
    return {"Cookie": cookie, "X-CSRF-TOKEN": jar["csrf_access_token"]}


def cmd_ftk_login(args):
    """Login with the cookie; with --max-file-mb, raise the upload limits (owner only; the
    server must be restarted after it: the PATCH only reaches the worker that served it)."""
    client = Client(args.base)
    auth = ftk_login(client, args.email, args.password)
    if args.max_file_mb:
        body = json.dumps({"max_single_file_size": args.max_file_mb * 1048576,
                           "max_zip_file_size": 5 * args.max_file_mb * 1048576})
        status, _, data = client.request("PATCH", "/api/config", body, {**auth, "Content-Type": "application/json"})
        config = must(status, data, "PATCH /api/config")["data"]
        print(f"max_single_file_size={config['max_single_file_size']}")


def cmd_ftk_token(args):
    """The OAuth2 authorization-code flow with PKCE, as a third-party client does it."""
    client = Client(args.base)
    auth = ftk_login(client, args.email, args.password)
    scope = "workouts:read workouts:write profile:read"
    app = {"client_name": "kneecoach bench", "client_uri": "https://example.com",
           "redirect_uris": ["https://example.com/callback"], "scope": scope}
    status, _, data = client.request("POST", "/api/oauth/apps", json.dumps(app), {**auth, "Content-Type": "application/json"})
    created = must(status, data, "POST /api/oauth/apps")["data"]["client"]
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    form = urllib.parse.urlencode({
        "client_id": created["client_id"], "response_type": "code", "scope": scope, "confirm": "true",
        "state": secrets.token_urlsafe(8), "code_challenge": challenge, "code_challenge_method": "S256"})
    status, _, data = client.request("POST", "/api/oauth/authorize", form,
                                     {**auth, "Content-Type": "application/x-www-form-urlencoded"})
    redirect = must(status, data, "POST /api/oauth/authorize")["redirect_url"]
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(redirect).query)["code"][0]
    form = urllib.parse.urlencode({
        "client_id": created["client_id"], "client_secret": created["client_secret"],
        "grant_type": "authorization_code", "code": code, "code_verifier": verifier})
    status, _, data = client.request("POST", "/api/oauth/token", form, {"Content-Type": "application/x-www-form-urlencoded"})
    print(must(status, data, "POST /api/oauth/token")["access_token"])


# --- KneeCoach auth -------------------------------------------------------------------------

def kc_session(headers):
    jar = cookies_of(headers)
    name = next(k for k in jar if k.endswith("kc_session"))
    return {"Cookie": f"{name}={jar[name]}"}


def cmd_kc_setup(args):
    """Signs in (or, with --invite-as, has the admin make an invitation and signs that
    account up), stores the example profile and prints a token with read and import."""
    client = Client(args.base)
    json_type = {"Content-Type": "application/json"}
    status, headers, data = client.request(
        "POST", "/api/v1/auth/signin", json.dumps({"login": args.login, "password": args.password}), json_type)
    must(status, data, "KneeCoach sign-in")
    session = kc_session(headers)
    if args.invite_as:
        status, _, data = client.request("POST", "/api/v1/invitations", b"", session)
        code = must(status, data, "POST /api/v1/invitations")["code"]
        status, headers, data = client.request("POST", "/api/v1/auth/signup", json.dumps(
            {"login": args.invite_as, "password": args.password, "invitation": code}), json_type)
        must(status, data, "KneeCoach sign-up by invitation")
        session = kc_session(headers)
    with open(args.profile, "rb") as handle:
        status, _, data = client.request("PUT", "/api/v1/profile", handle.read(), {**session, **json_type})
    must(status, data, "PUT /api/v1/profile")
    status, _, data = client.request("POST", "/api/v1/tokens", json.dumps(
        {"name": "bench", "scopes": ["read", "import"]}), {**session, **json_type})
    print(must(status, data, "POST /api/v1/tokens")["token"])


# --- uploads --------------------------------------------------------------------------------

def corpus_files(corpus):
    files = []
    for kind in FORMATS:
        folder = os.path.join(corpus, kind)
        for name in sorted(os.listdir(folder)):
            if name.lower().endswith("." + kind):
                files.append((kind, os.path.join(folder, name)))
    return files


def multipart(name, data):
    boundary = "kcbench" + secrets.token_hex(12)
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n"
            "{\"sport_id\": 5}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def outcome(server, status, data):
    """What one answer says, in a few words."""
    try:
        document = json.loads(data)
    except ValueError:
        return "HTML page" if data.lstrip().startswith(b"<") else data[:120].decode("utf-8", "replace")
    if server == "fittrackee":
        if status == 201:
            workouts = document.get("data", {}).get("workouts", [])
            return "workout " + ",".join(w["id"] for w in workouts)
        return document.get("message", str(document)[:160])
    if status == 200:
        parts = []
        for item in document.get("imported", []):
            parts.append(f"imported {'run' if item.get('isFoot') else 'activity'}-{item.get('id')} ({item.get('sport')})")
        for item in document.get("duplicates", []):
            parts.append(f"duplicate ({item.get('match')}) of {item['duplicateOf'].get('source')}")
        for item in document.get("skipped", []):
            parts.append(f"skipped: {item.get('reason')}")
        for item in document.get("failed", []):
            parts.append(f"failed: {item.get('error')}")
        return "; ".join(parts)
    return document.get("detail") or document.get("title") or str(document)[:160]


def cmd_upload(args):
    files = corpus_files(args.corpus)
    payloads = [(kind, path, open(path, "rb").read()) for kind, path in files]
    auth = {"Authorization": "Bearer " + args.token}
    work = queue.Queue()
    for index, item in enumerate(payloads):
        work.put((index, item))
    rows = [None] * len(payloads)

    def uploader():
        client = Client(args.base)
        while True:
            try:
                index, (kind, path, data) = work.get_nowait()
            except queue.Empty:
                client.close()
                return
            name = os.path.basename(path)
            if args.server == "fittrackee":
                body, content_type = multipart(name, data)
                request = ("POST", "/api/workouts", body, {**auth, "Content-Type": content_type})
                accepted = (201,)
            else:
                request = ("POST", "/api/v1/import?name=" + urllib.parse.quote(name), data,
                           {**auth, "Content-Type": "application/octet-stream"})
                accepted = (200,)
            start = time.monotonic()
            try:
                status, _, answer = client.request(*request)
            except (OSError, http.client.HTTPException) as error:
                client.close()
                status, answer = None, type(error).__name__.encode()
            seconds = time.monotonic() - start
            rows[index] = {"file": f"{kind}/{name}", "format": kind, "bytes": len(data), "status": status,
                           "accepted": status in accepted, "seconds": round(seconds, 4),
                           "outcome": outcome(args.server, status, answer) if status else answer.decode()}

    t0 = time.monotonic()
    threads = [threading.Thread(target=uploader) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - t0
    summary = {"concurrency": args.concurrency, "files": len(rows), "accepted": sum(r["accepted"] for r in rows),
               "bytes": sum(r["bytes"] for r in rows), "seconds": round(wall, 3),
               "files_per_s": round(len(rows) / wall, 2),
               "slowest": max(rows, key=lambda r: r["seconds"]), "rows": rows}
    if args.concurrency == 1:
        # One at a time, a format's share of the wall time is the sum of its requests' times.
        summary["formats"] = {}
        for kind in FORMATS:
            mine = [r for r in rows if r["format"] == kind]
            seconds = sum(r["seconds"] for r in mine)
            summary["formats"][kind] = {"files": len(mine), "accepted": sum(r["accepted"] for r in mine),
                                        "seconds": round(seconds, 3), "files_per_s": round(len(mine) / seconds, 2)}
    put(args.results, args.server, args.key, summary)
    statuses = {}
    for row in rows:
        statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    print(f"{args.server} {args.key}: {len(rows)} files in {wall:.2f} s ({len(rows) / wall:.1f} files/s), "
          f"{summary['accepted']} accepted; statuses {statuses}")


# --- reads ----------------------------------------------------------------------------------

def cmd_probe(args):
    """Five GETs with the token, one at a time, before wrk: status 200, the size of the answer
    and the median time of one request alone."""
    client = Client(args.base)
    times = []
    for _ in range(5):
        start = time.monotonic()
        status, _, data = client.request("GET", args.path, headers={"Authorization": "Bearer " + args.token})
        times.append((time.monotonic() - start) * 1000)
        must(status, data, f"GET {args.path}", ok=(200,))
    put(args.results, args.server, args.key + "_probe", {"path": args.path, "bytes": len(data), "alone_ms": median(times)})
    print(len(data))


def cmd_read_id(args):
    """The id (FitTrackee) or entry name (KneeCoach) that the upload of READ_FILE made, from
    the one-at-a-time pass."""
    row = next(r for r in load(args.results)[args.server][args.key]["rows"] if r["file"].endswith("/" + READ_FILE))
    if not row["accepted"]:
        sys.exit(f"fittrackee_bench: {READ_FILE} was not accepted by {args.server}: {row['status']} {row['outcome']}")
    match = re.search(r"workout (\S+)" if args.server == "fittrackee" else r"imported ((?:run|activity)-\d+)", row["outcome"])
    if not match:
        sys.exit(f"fittrackee_bench: no stored activity for {READ_FILE} on {args.server}: {row['outcome']}")
    print(match.group(1))


def to_ms(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def cmd_wrk(args):
    text = open(args.output).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    latency = {p: to_ms(re.search(rf"^\s+{p}%\s+(\S+)", text, re.M).group(1)) for p in ("50", "99")}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)", text)
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    put(args.results, args.server, args.key, {
        "rps": rps, "p50_ms": latency["50"], "p99_ms": latency["99"], "requests": requests,
        "non2xx": int(non2xx.group(1)) if non2xx else 0, "socket_errors": errors.group(1).strip() if errors else ""})
    print(f"{args.server} {args.key}: {rps:.1f} requests/s, p50 {latency['50']:.2f} ms, p99 {latency['99']:.2f} ms")


# --- memory ---------------------------------------------------------------------------------

def tree(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    stat = handle.read()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def cmd_mem(args):
    per = []
    for pid in tree(args.pid):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                text = handle.read()
        except OSError:
            continue
        rss = int(re.search(r"^Rss:\s+(\d+) kB", text, re.M).group(1))
        pss = int(re.search(r"^Pss:\s+(\d+) kB", text, re.M).group(1))
        per.append({"pid": pid, "rss_kib": rss, "pss_kib": pss})
    value = {"processes": len(per), "rss_kib": sum(p["rss_kib"] for p in per),
             "pss_kib": sum(p["pss_kib"] for p in per), "each_rss_kib": [p["rss_kib"] for p in per]}
    put(args.results, args.server, args.key, value)
    print(f"{args.server} {args.key}: {len(per)} processes, RSS {value['rss_kib'] / 1024:.1f} MiB, "
          f"PSS {value['pss_kib'] / 1024:.1f} MiB")


def cmd_note(args):
    put(args.results, args.server, args.key, args.value)


# --- the table ------------------------------------------------------------------------------

def median(values):
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def stored_kind(row):
    """'new' (a new activity stored), 'duplicate' (KneeCoach: already there) or 'refused'."""
    if not row["accepted"]:
        return "refused"
    return "duplicate" if row["outcome"].startswith("duplicate") else "new"


def cmd_table(args):
    results = load(args.results)
    f, k = results["fittrackee"], results["kneecoach"]
    rows = []

    def row(label, ftk, kc, fmt, target=None, direction=None, ratio=True):
        """direction '>=': KneeCoach / FitTrackee must be at least target; '<=': at most."""
        quotient = kc / ftk if ratio and ftk else None
        verdict = ""
        if target is not None and quotient is not None:
            met = quotient >= target if direction == ">=" else quotient <= target
            verdict = f"{'≥' if direction == '>=' else '≤'} {target:g}: **{'met' if met else 'missed'}**"
        elif target is not None:
            verdict = target
        rows.append(f"| {label} | {fmt(ftk)} | {fmt(kc)} | "
                    f"{'' if quotient is None else (f'{quotient:.1f}' if quotient >= 10 else f'{quotient:.2f}' if quotient >= 0.01 else f'{quotient:.4f}')} | {verdict} |")

    n = f["upload_seq"]["files"]
    rate = lambda v: f"{v:.2f}" if v < 10 else f"{v:.1f}"  # noqa: E731
    count = lambda v: f"{v} of {n}"  # noqa: E731
    ms = lambda v: f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100 else f"{v:.0f}"  # noqa: E731
    mib = lambda v: f"{v / 1024:.1f}"  # noqa: E731
    sec = lambda v: f"{v:.3f}" if v < 1 else f"{v:.2f}"  # noqa: E731

    row(f"uploads one at a time, files/s ({n} attempted)", f["upload_seq"]["files_per_s"], k["upload_seq"]["files_per_s"],
        rate, 20, ">=")
    row("… accepted", f["upload_seq"]["accepted"], k["upload_seq"]["accepted"], count,
        "every file" + (": **met**" if k["upload_seq"]["accepted"] == n else ": **missed**"), ratio=False)
    for kind in FORMATS:
        ff, kf = f["upload_seq"]["formats"][kind], k["upload_seq"]["formats"][kind]
        row(f"… {kind.upper()} only ({ff['files']} files; accepted {ff['accepted']} / {kf['accepted']}), files/s",
            ff["files_per_s"], kf["files_per_s"], rate)
    row("… stored as new activities (KneeCoach: the rest of the accepted are duplicates of one stored)",
        sum(stored_kind(r) == "new" for r in f["upload_seq"]["rows"]),
        sum(stored_kind(r) == "new" for r in k["upload_seq"]["rows"]), str, ratio=False)
    row("uploads, 4 concurrent uploaders, files/s", f["upload_c4"]["files_per_s"], k["upload_c4"]["files_per_s"], rate, 20, ">=")
    row("… accepted", f["upload_c4"]["accepted"], k["upload_c4"]["accepted"], count,
        "every file" + (": **met**" if k["upload_c4"]["accepted"] == n else ": **missed**"), ratio=False)
    row("… stored as new activities", sum(stored_kind(r) == "new" for r in f["upload_c4"]["rows"]),
        sum(stored_kind(r) == "new" for r in k["upload_c4"]["rows"]), str, ratio=False)
    for key, label in (("wrk_list", "list the runner's activities"), ("wrk_one", f"read one activity ({READ_FILE})")):
        fp, kp = f[key + "_probe"], k[key + "_probe"]
        rows.append(f"| **{label}**: `GET {fp['path']}` / `GET {kp['path']}` ({fp['bytes']:,} / {kp['bytes']:,} bytes) | | | | |")
        row("… wrk: requests/s", f[key]["rps"], k[key]["rps"], rate, 30, ">=")
        row("… wrk: p50 ms", f[key]["p50_ms"], k[key]["p50_ms"], ms)
        row("… wrk: p99 ms", f[key]["p99_ms"], k[key]["p99_ms"], ms, 0.1, "<=")
        row("… one request alone, ms (median of 5)", fp["alone_ms"], kp["alone_ms"], ms)
        if key == "wrk_list" and "list_all_probe" in f:
            fa = f["list_all_probe"]
            row(f"… FitTrackee with every workout on one page (`per_page=100`, {fa['bytes']:,} bytes), one request alone, ms",
                fa["alone_ms"], kp["alone_ms"], ms)
    for key, label in (("cold", "cold start, launch → first 200 on the health route (s, median of 3)"),):
        row(label, median([c[0] for c in f[key]]), median([c[0] for c in k[key]]), sec)
        row("cold start, launch → first 200 on the list with the token (s, median of 3)",
            median([c[1] for c in f[key]]), median([c[1] for c in k[key]]), sec)
    for key, label in (("mem_idle", "idle, 10 s after start"), ("mem_uploads", "after the uploads (both passes)")):
        row(f"resident memory {label}, RSS sum MiB ({f[key]['processes']} / {k[key]['processes']} processes)",
            f[key]["rss_kib"], k[key]["rss_kib"], mib, 0.25, "<=")
        row("… PSS sum MiB", f[key]["pss_kib"], k[key]["pss_kib"], mib, 0.25, "<=")
    row("resident memory after the reads, RSS sum MiB", f["mem_reads"]["rss_kib"], k["mem_reads"]["rss_kib"], mib)
    row("… PSS sum MiB", f["mem_reads"]["pss_kib"], k["mem_reads"]["pss_kib"], mib)

    env = results.get("env", {})
    print(f"Machine: {env.get('machine', '?')}; {env.get('versions', '')}.")
    loads = [("start", env.get("load_start"))]
    for server, name in (("fittrackee", "FitTrackee"), ("kneecoach", "KneeCoach")):
        for key, what in (("load_uploads", "uploads"), ("load_wrk_list", "list"), ("load_wrk_one", "one activity")):
            loads.append((f"{name} {what}", results[server].get(key)))
    loads.append(("end", env.get("load_end")))
    print("Load average (1, 5, 15 min) before each part: " + "; ".join(f"{what} {value}" for what, value in loads if value) + ".")
    print()
    print("| measure | FitTrackee 1.3.6 | KneeCoach | KneeCoach ÷ FitTrackee | target |")
    print("|---|---:|---:|---:|---|")
    print("\n".join(rows))
    for server, name in (("fittrackee", "FitTrackee"), ("kneecoach", "KneeCoach")):
        refused = [r for r in results[server]["upload_seq"]["rows"] if not r["accepted"]]
        print(f"\n{name} refused {len(refused)} of {n} files (one at a time):")
        for r in refused:
            print(f"- `{r['file']}`: {r['status']} {r['outcome']}")
        changed = [(a, b) for a, b in zip(results[server]["upload_seq"]["rows"], results[server]["upload_c4"]["rows"])
                   if (a["status"], stored_kind(a)) != (b["status"], stored_kind(b))]
        for a, b in changed:
            print(f"- with 4 concurrent uploaders, `{b['file']}` got {b['status']} {b['outcome']} "
                  f"(one at a time: {a['status']} {a['outcome']})")
    duplicates = [r for r in k["upload_seq"]["rows"] if r["outcome"].startswith("duplicate")]
    if duplicates:
        print(f"\nKneeCoach answered 200 with a duplicate (the same activity already stored, nothing added) for {len(duplicates)}:")
        for r in duplicates:
            print(f"- `{r['file']}`: {r['outcome']}")
    for server in ("fittrackee", "kneecoach"):
        for key in ("upload_seq", "upload_c4"):
            s = results[server][key]["slowest"]
            print(f"\nslowest upload, {server} {key}: `{s['file']}` ({s['bytes']:,} bytes) {s['seconds']:.2f} s, {s['status']}")
    for server in ("fittrackee", "kneecoach"):
        for key in ("wrk_list", "wrk_one"):
            w = results[server].get(key)
            if w is None:
                continue
            if w["non2xx"] or w["socket_errors"]:
                print(f"\nwrk {server} {key}: {w['non2xx']} non-2xx answers; socket errors: {w['socket_errors'] or 'none'}"
                      " (wrk's timeout is 2 s: requests that took longer are not in its latencies)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="subcommand", required=True)

    p = sub.add_parser("tiles")
    p.add_argument("port", type=int)
    p.set_defaults(run=cmd_tiles)

    p = sub.add_parser("launch")
    p.add_argument("--pidfile", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--url", action="append", required=True)
    p.add_argument("--header", action="append", default=[])
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--results")
    p.add_argument("--server")
    p.add_argument("--key", default="cold")
    p.add_argument("argv", nargs=argparse.REMAINDER, help="-- the server command and its arguments")
    p.set_defaults(run=cmd_launch)

    for name, run in (("ftk-login", cmd_ftk_login), ("ftk-token", cmd_ftk_token)):
        p = sub.add_parser(name)
        p.add_argument("--base", required=True)
        p.add_argument("--email", required=True)
        p.add_argument("--password", required=True)
        p.add_argument("--max-file-mb", type=int, default=0)
        p.set_defaults(run=run)

    p = sub.add_parser("kc-setup")
    p.add_argument("--base", required=True)
    p.add_argument("--login", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--invite-as")
    p.add_argument("--profile", required=True)
    p.set_defaults(run=cmd_kc_setup)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--results", required=True)
    common.add_argument("--server", required=True, help="fittrackee, kneecoach (or env for notes)")
    common.add_argument("--key", required=True)

    p = sub.add_parser("upload", parents=[common])
    p.add_argument("--base", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--concurrency", type=int, default=1)
    p.set_defaults(run=cmd_upload)

    p = sub.add_parser("probe", parents=[common])
    p.add_argument("--base", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--path", required=True)
    p.set_defaults(run=cmd_probe)

    p = sub.add_parser("read-id", parents=[common])
    p.set_defaults(run=cmd_read_id)

    p = sub.add_parser("wrk", parents=[common])
    p.add_argument("output")
    p.set_defaults(run=cmd_wrk)

    p = sub.add_parser("mem", parents=[common])
    p.add_argument("pid", type=int)
    p.set_defaults(run=cmd_mem)

    p = sub.add_parser("note", parents=[common])
    p.add_argument("value")
    p.set_defaults(run=cmd_note)

    p = sub.add_parser("table")
    p.add_argument("--results", required=True)
    p.set_defaults(run=cmd_table)

    args = parser.parse_args()
    if args.subcommand == "launch" and args.argv[:1] == ["--"]:
        args.argv = args.argv[1:]
    args.run(args)


if __name__ == "__main__":
    main()
