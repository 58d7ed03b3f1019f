"""A secret's value never leaves gw (DESIGN §9): one pipeline set touching every surface, then every API answer,
stream, CLI output and the server's log file are searched for the value."""
import json
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import DEFAULT_CONFIG, GW_BIN, wait_for
from fake_llm import FakeLLM

SECRET = "s3cr3t-Value-4242"


class EchoServer:
    """Answers every request with its path, headers and body as JSON (so what was sent comes back)."""

    def __init__(self):
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                data = json.dumps({"path": self.path, "headers": dict(self.headers), "body": body}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Echo", self.headers.get("X-Key", ""))
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


PIPELINES = {
    "leaky.yaml": """\
id: leaky
openai: true
steps:
  - id: shout
    kind: exec
    run: "echo out=${{ secrets.apiKey }}; echo err=${{ secrets.apiKey }} >&2"
  - id: call
    kind: http
    method: POST
    url: "ECHO/hook?key=${{ secrets.apiKey }}"
    headers: { X-Key: "${{ secrets.apiKey }}" }
    body: { token: "${{ secrets.apiKey }}" }
  - id: think
    kind: infer
    backend: fake
    model: echo
    prompt: "the key is ${{ secrets.apiKey }}"
  - id: keep
    kind: set
    values: { content: "k=${{ secrets.apiKey }}" }
  - id: ask
    kind: approval
    message: "Deploy with ${{ secrets.apiKey }}?"
  - id: give
    kind: wait
    message: "Send the ${{ secrets.apiKey }} output"
output: { content: "${{ steps.keep.output.content }}", text: "${{ steps.think.output.text }}" }
""",
    "failing.yaml": """\
id: failing
steps:
  - id: boom
    kind: fail
    message: "cannot use ${{ secrets.apiKey }}"
""",
    "stderr.yaml": """\
id: stderr
steps:
  - id: quote
    kind: exec
    run: "echo bad ${{ secrets.apiKey }} >&2; exit 3"
""",
    "url.yaml": """\
id: url
steps:
  - id: get
    kind: http
    method: POST
    url: "ECHO/${{ secrets.apiKey }}"
    expectStatus: 201
""",
}


def config(llm_url):
    return DEFAULT_CONFIG.replace("allow: [echo", "allow: [sh, echo") + f"""\
secrets:
  apiKey: {{ env: GW_TEST_API_KEY }}
backends:
  fake: {{ baseURL: "{llm_url}" }}
"""


def assert_clean(where, text):
    assert SECRET not in text, f"the secret leaked in {where}: …{text[max(0, text.find(SECRET) - 80):text.find(SECRET) + 40]}…"


def test_a_secret_never_leaves_gw(make_gateway):
    echo = EchoServer()
    with FakeLLM() as llm:
        pipelines = {name: text.replace("ECHO", echo.url) for name, text in PIPELINES.items()}
        gw = make_gateway(config=config(llm.url), pipelines=pipelines, env={"GW_TEST_API_KEY": SECRET}).start()
        c = gw.client()
        seen = []  # (where, text) of every answer

        def get(path, **kw):
            r = c.get(path, **kw)
            seen.append((f"GET {path}", r.text))
            return r

        run_id = c.post("/pipelines/leaky/start", json={"input": {}}).json()["runId"]
        wait_for(c, run_id, lambda r: [w["kind"] for w in r["waitingOn"]] == ["approval"])
        get("/approvals")
        get(f"/runs/{run_id}")
        seen.append(("gw approvals list", gw.cli("approvals", "list").stdout))
        seen.append(("gw approvals list -o json", gw.cli("approvals", "list", "-o", "json").stdout))
        approve = c.post(f"/runs/{run_id}/approve", json={"reason": f"ok, {SECRET} is fine"})
        seen.append(("approve", approve.text))
        wait_for(c, run_id, lambda r: [w["kind"] for w in r["waitingOn"]] == ["wait"])
        get(f"/runs/{run_id}")
        resumed = c.post(f"/runs/{run_id}/resume", json={"output": {"note": SECRET}})
        seen.append(("resume", resumed.text))
        wait_for(c, run_id, lambda r: r["status"] == "completed")

        failed = {p: c.post(f"/pipelines/{p}/run", json={"input": {}}).json()["runId"] for p in ("failing", "stderr", "url")}
        for p, rid in failed.items():
            record = wait_for(c, rid, lambda r: r["status"] == "failed")
            assert record["steps"][0]["error"]["message"], p  # there is a message, and it is masked
            assert "***" in json.dumps(record), (p, record)

        for rid in [run_id, *failed.values()]:
            get(f"/runs/{rid}")
            get(f"/runs/{rid}/events", headers={"Accept": "application/json"})
            get(f"/runs/{rid}/events", headers={"Accept": "application/x-ndjson"})
            get(f"/runs/{rid}/events")  # SSE (terminal run: the stream ends)
            seen.append((f"gw runs get {rid}", gw.cli("runs", "get", rid, "-o", "json").stdout))
            seen.append((f"gw runs events {rid}", gw.cli("runs", "events", rid, "-o", "json").stdout))
        get("/runs")
        get("/audit")
        get("/sessions")
        get("/debug/runs")

        record = c.get(f"/runs/{run_id}").json()
        steps = {s["id"]: s for s in record["steps"]}
        assert "***" in json.dumps(steps["call"]["output"]), "the http step's recorded exchange is masked"
        assert record["output"]["content"] == "k=***"
        events = c.get(f"/runs/{run_id}/events", headers={"Accept": "application/json"}).json()["events"]
        logs = [e["data"]["line"] for e in events if e["type"] == "step.log"]
        assert "out=***" in logs and "err=***" in logs, logs
        deltas = "".join(e["data"]["text"] for e in events if e["type"] == "step.delta")
        assert "***" in deltas, deltas
        audit = c.get("/audit").json()["entries"]
        assert any(e.get("reason") == "ok, *** is fine" for e in audit), audit

        for where, text in seen:
            assert_clean(where, text)
        gw.stop()
        assert_clean("the server log", (gw.dir / "serve.log").read_text())


def test_the_openai_surface_masks_secrets(make_gateway):
    with FakeLLM() as llm:
        pipelines = {"keyed.yaml": "id: keyed\nopenai: true\nsteps:\n  - id: s\n    kind: set\n"
                                   "    values: { content: \"k=${{ secrets.apiKey }}\" }\n"}
        gw = make_gateway(config=config(llm.url), pipelines=pipelines, env={"GW_TEST_API_KEY": SECRET}).start()
        c = gw.client()
        body = {"model": "keyed", "messages": [{"role": "user", "content": "hi"}]}
        plain = c.post("/v1/chat/completions", json=body)
        assert plain.status_code == 200 and plain.json()["choices"][0]["message"]["content"] == "k=***"
        streamed = c.post("/v1/chat/completions", json={**body, "stream": True})
        responses = c.post("/v1/responses", json={"model": "keyed", "input": "hi"})
        for where, text in [("chat", plain.text), ("chat stream", streamed.text), ("responses", responses.text)]:
            assert_clean(where, text)


def test_a_secret_shorter_than_four_characters_is_refused_at_start(workdir):
    (workdir / "pipelines").mkdir()
    (workdir / "gw.yaml").write_text("listen: 127.0.0.1:0\nsecrets:\n  tiny: { env: GW_TINY }\n")
    proc = subprocess.run([GW_BIN, "serve", "--config", str(workdir / "gw.yaml")], capture_output=True, text=True,
                          timeout=30, env={"GW_TINY": "abc", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1
    assert "secret tiny" in proc.stderr and "at least 4" in proc.stderr, proc.stderr
