"""Fuzz the API from its own contract: schemathesis against the served /openapi.yaml (DESIGN §4, issue 8).

The schemathesis command line (`st run`, 4.x) drives the examples, coverage, fuzzing and stateful phases
with a bounded number of examples per operation, an admin token, and these checks: no 5xx except the
documented 501 `not_implemented` (Tests/e2e/schemathesis.toml), status codes, content types, headers and
bodies conform to what each operation declares (SSE frames included). Afterwards `/health` must answer.

Left out, and why:
- `POST /gateway/pause`: a paused gateway answers every new run with the documented 503 `gateway_paused`,
  which would mask the rest of the run (pause is covered by test_lifecycle.py).
- `GET /events`: the console's gateway-wide stream never ends by itself (test_console_api.py covers it).
- Nothing else: the SSE variant of `GET /runs/{runId}/events` is checked frame by frame (`SSEFrame`), and
  ends because every run the fuzzer reaches ends; the NDJSON variant is declared as text, so only its status
  and content type are checked; `/v1/*` is checked against the sketch of OpenAI's shapes in the document.
- The `negative_data_rejection` check: the server accepts `null` for an optional property, which the spec
  types as a plain string; harmless, and too noisy to gate on (see the closing note of issue 8).
"""
import os
import pathlib
import subprocess
import sys

import httpx

from conftest import Gateway

HERE = pathlib.Path(__file__).resolve().parent
MAX_EXAMPLES = int(os.environ.get("GW_FUZZ_EXAMPLES", "150"))

CONFIG = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: alice, token: tok-admin, scopes: [admin] }
exec:
  allow: [echo, "true", sleep]
"""

PIPELINES = {
    "hello.yaml": "id: hello\ndescription: says hello\nsteps:\n  - { id: greet, kind: set, values: { content: hello } }\n",
    "hooked.yaml": """\
id: hooked
triggers:
  - { id: nightly, kind: schedule, cron: "0 3 * * *" }
steps:
  - { id: a, kind: set, values: { v: 1 } }
""",
}

CHECKS = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_headers_conformance", "response_schema_conformance",
])


def st_command(url):
    st = pathlib.Path(sys.executable).with_name("st")
    return [
        str(st), "--config-file", str(HERE / "schemathesis.toml"), "--no-color",
        "run", f"{url}/openapi.yaml",
        "-H", "Authorization: Bearer tok-admin",
        "--checks", CHECKS,
        "--max-examples", str(MAX_EXAMPLES),
        "--exclude-operation-id", "pauseGateway",
        "--exclude-operation-id", "getGatewayEvents",
        "--request-timeout", "15",
        "--workers", "1",
        "--seed", os.environ.get("GW_FUZZ_SEED", "8"),
        "--continue-on-failure",
    ]


def test_the_api_holds_its_contract_under_fuzzing(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    try:
        with gw.client() as client:
            # Something to find: finished runs, audit entries. (No pipeline that waits for people: schemathesis
            # would call its `run`, which waits up to 30 s for an end that never comes.)
            client.post("/pipelines/hello/run", json={"input": {}})
            client.post("/gateway/reload")
            # The regression the fuzzer found first: a `wait` too long for the clock trapped the process.
            huge = client.post("/pipelines/hello/run?wait=560006648095d", json={"input": {}})
            assert huge.status_code == 422 and "36500d" in huge.json()["error"]["message"], huge.text
        result = subprocess.run(st_command(gw.url), capture_output=True, text=True, timeout=600, cwd=workdir)
        report = result.stdout + result.stderr
        assert result.returncode == 0, report[-20000:]
        health = httpx.get(gw.url + "/health", timeout=5)
        assert health.status_code == 200 and health.json()["status"] == "ok"
        assert gw.proc.poll() is None, "the gateway died under fuzzing"
    finally:
        gw.stop()
