"""The web console's server side over plain HTTP (DESIGN §11, issue 13): files without a token, ETag/304,
CSP, client-side routes, `--console-dir`, sign-in sessions (cookie flags, CSRF, sign-out) and the
gateway-wide `GET /events` stream. The pages themselves are driven in a browser by test_console.py.
"""
import contextlib
import json
import re
import subprocess
import time

import httpx

from conftest import DEFAULT_CONFIG, GW_BIN, Gateway

GATED = """\
id: gated
steps:
  - { id: gate, kind: approval, message: "Ship?" }
  - { id: done, kind: set, values: { v: 1 } }
"""

CSP = "default-src 'self'; frame-ancestors 'none'"


def anonymous(gw):
    return httpx.Client(base_url=gw.url, timeout=30)


def sign_in(gw, token="tok-admin"):
    """A cookie-jar client signed in with `token`; returns (client, sign-in answer, raw Set-Cookie)."""
    client = anonymous(gw)
    answer = client.post("/session", json={"token": token})
    assert answer.status_code == 200, answer.text
    return client, answer.json(), answer.headers["set-cookie"]


def test_console_files_need_no_token_and_carry_their_headers(gateway):
    with anonymous(gateway) as c:
        root = c.get("/")
        assert root.status_code == 302 and root.headers["location"] == "/ui/"
        index = c.get("/ui/")
        assert index.status_code == 200
        assert index.headers["content-type"] == "text/html; charset=utf-8"
        assert index.headers["content-security-policy"] == CSP
        assert index.headers["x-content-type-options"] == "nosniff"
        assert "<script" in index.text and "'unsafe-inline'" not in index.headers["content-security-policy"]
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", index.text), "no inline script"
        assert not re.search(r"https?://", index.text), "nothing from other hosts"
        for page in ["/ui/runs", "/ui/runs/r0000000000000000000", "/ui/approvals?status=x"]:
            deep = c.get(page)
            assert deep.status_code == 200 and deep.text == index.text, page
        etag = index.headers["etag"]
        assert c.get("/ui/", headers={"If-None-Match": etag}).status_code == 304
        js = c.get("/ui/app.js")
        assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
        assert js.headers["etag"] != etag
        missing = c.get("/ui/missing.js")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_console_dir_serves_files_from_disk(workdir):
    files = workdir / "console"
    files.mkdir()
    (files / "index.html").write_text("<p>from disk</p>")
    gw = Gateway(workdir / "gw")
    gw.log = open(gw.dir / "serve.log", "ab")
    gw.proc = subprocess.Popen([GW_BIN, "serve", "--config", str(gw.dir / "gw.yaml"), "--console-dir", str(files)],
                               stdout=subprocess.PIPE, stderr=gw.log, env=gw.env, cwd=gw.dir)
    try:
        line = gw.proc.stdout.readline().decode()
        gw.url = re.search(r"gw listening on (http://\S+)", line).group(1)
        with anonymous(gw) as c:
            assert c.get("/ui/runs").text == "<p>from disk</p>"
            (files / "index.html").write_text("<p>edited</p>")
            assert c.get("/ui/").text == "<p>edited</p>"
            assert c.get("/ui/app.js").status_code == 404
    finally:
        gw.stop()


def test_sign_in_cookie_csrf_and_sign_out(gateway):
    with anonymous(gateway) as c:
        bad = c.post("/session", json={"token": "wrong"})
        assert bad.status_code == 401 and bad.json()["error"]["code"] == "unauthorized"
        assert "set-cookie" not in bad.headers
    client, me, raw = sign_in(gateway, "tok-operate")
    with contextlib.closing(client):
        attributes = [a.strip() for a in raw.split(";")]
        assert attributes[0].startswith("gw_session=")
        assert {"HttpOnly", "SameSite=Strict", "Path=/"} <= set(attributes)
        assert "Secure" not in attributes
        assert me["name"] == "operator" and me["scopes"] == ["read", "operate"]
        assert "tok-operate" not in json.dumps(me)
        csrf = me["csrfToken"]

        assert client.get("/runs").status_code == 200
        assert client.get("/session").json()["csrfToken"] == csrf
        started = client.post("/pipelines/hello/start", json={"input": {}})
        assert started.status_code == 403 and started.json()["error"]["code"] == "csrf_failed"
        assert client.post("/pipelines/hello/start", json={"input": {}}, headers={"X-CSRF-Token": csrf}).status_code == 202
        assert client.post("/pipelines/hello/start", json={"input": {}}, headers={"Origin": gateway.url}).status_code == 202
        foreign = client.post("/pipelines/hello/start", json={"input": {}}, headers={"Origin": "http://evil.example"})
        assert foreign.json()["error"]["code"] == "csrf_failed"
        admin_only = client.post("/gateway/reload", headers={"X-CSRF-Token": csrf})
        assert admin_only.status_code == 403 and admin_only.json()["error"]["code"] == "forbidden"

        cookie = client.cookies.get("gw_session")
        out = client.delete("/session", headers={"X-CSRF-Token": csrf})
        assert out.status_code == 204 and "Max-Age=0" in out.headers["set-cookie"]
        replay = httpx.get(gateway.url + "/runs", headers={"Cookie": f"gw_session={cookie}"})
        assert replay.status_code == 401
    with gateway.client() as admin:
        actions = [e["action"] for e in admin.get("/audit").json()["entries"]]
        assert "console.signin" in actions and "console.signout" in actions


def test_events_stream_status_changes_and_the_pending_count(make_gateway):
    gw = make_gateway(config=DEFAULT_CONFIG, pipelines={"gated.yaml": GATED}).start()
    client, _, _ = sign_in(gw, "tok-read")
    frames = []
    with contextlib.closing(client), client.stream("GET", "/events", timeout=httpx.Timeout(30, read=20)) as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        lines = stream.iter_lines()

        def until(predicate):
            event = None
            for line in lines:
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event:
                    frame = (event, json.loads(line[6:]))
                    frames.append(frame)
                    event = None
                    if predicate(*frame):
                        return frame
            raise AssertionError(f"stream ended; frames: {frames}")

        def seen_or_until(predicate, since=0):
            # The pending count is recounted concurrently with the run's events: a frame may already have come.
            return next((f for f in frames[since:] if predicate(*f)), None) or until(predicate)

        assert until(lambda e, d: True) == ("approvals", {"pending": 0})
        with gw.client("tok-operate") as op:
            run_id = op.post("/pipelines/gated/start", json={"input": {}}).json()["runId"]
            waiting = until(lambda e, d: e == "run.waiting")
            assert waiting[1]["runId"] == run_id and waiting[1]["pipelineId"] == "gated" and waiting[1]["status"] == "waiting"
            assert seen_or_until(lambda e, d: e == "approvals" and d["pending"] == 1)
            seen = len(frames)
            assert op.post(f"/runs/{run_id}/approve", json={"reason": "ok"}).status_code == 200
            assert seen_or_until(lambda e, d: e == "approvals" and d["pending"] == 0, since=seen)
            done = seen_or_until(lambda e, d: e == "run.completed", since=seen)
            assert done[1]["status"] == "completed"
    types = [e for e, _ in frames if e != "approvals"]
    assert types[:2] == ["run.queued", "run.started"]
    assert "approval.requested" in types and "approval.approved" in types and "run.resumed" in types
    assert all("step." not in t for t in types)
    with httpx.Client(base_url=gw.url) as nobody:
        assert nobody.get("/events").status_code == 401


def test_an_open_events_stream_does_not_hold_shutdown(make_gateway):
    gw = make_gateway().start()
    with httpx.Client(base_url=gw.url, headers={"Authorization": "Bearer tok-read"}) as c, \
            c.stream("GET", "/events", timeout=httpx.Timeout(30, read=20)) as stream:
        lines = stream.iter_lines()
        assert any(line == "event: approvals" for line in lines)
        started = time.time()
        gw.proc.terminate()
        gw.proc.wait(timeout=15)
        assert time.time() - started < 5, "SIGTERM waited for the console's stream"
        assert gw.proc.returncode == 0
