"""Runs through the built binary: SSE with httpx-sse, NDJSON, cancel killing process groups, CLI exit codes."""
import json
import os
import time

import httpx
from httpx_sse import connect_sse

PIPELINES = {
    "three.yaml": """\
id: three
steps:
  - { id: a, kind: set, values: { v: 1 } }
  - { id: b, kind: set, values: { v: 2 } }
  - { id: c, kind: set, values: { v: 3 } }
output: ${{ steps.c.output.v }}
""",
    "ticker.yaml": """\
id: ticker
steps:
  - id: tick
    kind: exec
    run: "for i in 1 2 3; do echo tick $i; sleep 0.3; done"
""",
    "hang.yaml": """\
id: hang
steps:
  - id: tree
    kind: exec
    run: "sleep 300 & echo child $!; sleep 300"
""",
    "failing.yaml": "id: failing\nsteps:\n  - { id: f, kind: fail, message: nope }\n",
}

CONFIG = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: alice, token: tok-admin, scopes: [admin] }
exec:
  allow: [sh, sleep, echo]
"""


def start(gw, pipeline, body=None):
    with gw.client() as client:
        response = client.post(f"/pipelines/{pipeline}/start", json=body or {})
        assert response.status_code == 202, response.text
        return response.json()["runId"]


def test_sse_streams_events_with_ids_and_ends_at_the_terminal_event(make_gateway):
    gw = make_gateway(config=CONFIG, pipelines=PIPELINES).start()
    run_id = start(gw, "ticker")
    with httpx.Client(base_url=gw.url, headers={"Authorization": "Bearer tok-admin"}, timeout=30) as client:
        with connect_sse(client, "GET", f"/runs/{run_id}/events") as source:
            events = [(int(e.id), e.event, json.loads(e.data)) for e in source.iter_sse()]
    seqs = [seq for seq, _, _ in events]
    assert seqs == list(range(1, len(seqs) + 1))
    assert events[0][1] == "run.queued" and events[-1][1] == "run.completed"
    lines = [data["data"]["line"] for _, kind, data in events if kind == "step.log"]
    assert lines == ["tick 1", "tick 2", "tick 3"]


def test_sse_resumes_after_last_event_id(make_gateway):
    gw = make_gateway(config=CONFIG, pipelines=PIPELINES).start()
    with gw.client() as client:
        run_id = client.post("/pipelines/three/run").json()["runId"]
    with httpx.Client(base_url=gw.url, headers={"Authorization": "Bearer tok-admin", "Last-Event-ID": "4"}, timeout=30) as client:
        with connect_sse(client, "GET", f"/runs/{run_id}/events") as source:
            seqs = [int(e.id) for e in source.iter_sse()]
    assert seqs[0] == 5 and seqs[-1] == 9
    with httpx.Client(base_url=gw.url, headers={"Authorization": "Bearer tok-admin"}, timeout=30) as client:
        with connect_sse(client, "GET", f"/runs/{run_id}/events?since=100") as source:
            assert list(source.iter_sse()) == []


def test_ndjson_and_json_snapshot(make_gateway):
    gw = make_gateway(config=CONFIG, pipelines=PIPELINES).start()
    with gw.client() as client:
        run_id = client.post("/pipelines/three/run").json()["runId"]
        lines = client.get(f"/runs/{run_id}/events", headers={"Accept": "application/x-ndjson"}).text.splitlines()
        assert [json.loads(l)["seq"] for l in lines] == list(range(1, 10))
        snapshot = client.get(f"/runs/{run_id}/events?since=7&limit=1", headers={"Accept": "application/json"}).json()
        assert snapshot["runId"] == run_id and [e["seq"] for e in snapshot["events"]] == [8]


def test_cancel_kills_the_whole_process_group(make_gateway):
    gw = make_gateway(config=CONFIG, pipelines=PIPELINES).start()
    run_id = start(gw, "hang")
    child_pid = None
    with gw.client() as client:
        for _ in range(100):
            events = client.get(f"/runs/{run_id}/events", headers={"Accept": "application/json"}).json()["events"]
            logs = [e["data"]["line"] for e in events if e["type"] == "step.log"]
            if logs:
                child_pid = int(logs[0].split()[1])
                break
            time.sleep(0.05)
        assert child_pid, "the exec step never logged its child pid"
        assert alive(child_pid)
        cancelled = client.delete(f"/runs/{run_id}")
        assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
        assert client.delete(f"/runs/{run_id}").status_code == 409
    for _ in range(100):
        if not alive(child_pid):
            break
        time.sleep(0.05)
    else:
        raise AssertionError(f"grandchild {child_pid} survived the cancel")


def alive(pid):
    """True while the process exists and is not a zombie (an unreaped dead process counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_cli_run_exit_codes(make_gateway):
    gw = make_gateway(config=CONFIG, pipelines=PIPELINES).start()
    ok = gw.cli("pipelines", "run", "three", "-o", "json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["output"] == 3
    failed = gw.cli("pipelines", "run", "failing")
    assert failed.returncode == 3, failed.stderr
    still = gw.cli("pipelines", "run", "ticker", "--wait", "100ms")
    assert still.returncode == 5, still.stderr
    missing = gw.cli("pipelines", "run", "nope")
    assert missing.returncode == 6


def test_cli_cancel_and_runs_list(make_gateway):
    gw = make_gateway(config=CONFIG, pipelines=PIPELINES).start()
    run_id = start(gw, "hang")
    result = gw.cli("runs", "cancel", run_id)
    assert result.returncode == 0, result.stderr
    again = gw.cli("runs", "cancel", run_id)
    assert again.returncode == 9
    listing = json.loads(gw.cli("runs", "list", "-o", "json").stdout)
    assert listing["runs"][0]["runId"] == run_id and listing["runs"][0]["status"] == "cancelled"


def test_an_exec_that_prints_a_lot_completes_with_bounded_output(make_gateway):
    pipelines = dict(PIPELINES)
    pipelines["flood.yaml"] = "id: flood\nsteps:\n  - { id: f, kind: exec, run: 'yes xxxxxxxxxxxxxxx | head -c 50000000' }\n"
    config = CONFIG.replace("[sh, sleep, echo]", "[sh, sleep, echo, yes]")
    gw = make_gateway(config=config, pipelines=pipelines).start()
    with gw.client() as client:
        run = client.post("/pipelines/flood/run?wait=60s").json()
    assert run["status"] == "completed", run.get("error")
    assert len(run["steps"][0]["output"]["stdout"]) <= (1 << 20) + 16
    with gw.client() as client:
        events = client.get(f"/runs/{run['runId']}/events?limit=10000&since=10", headers={"Accept": "application/json"}).json()["events"]
    logs = [e for e in events if e["type"] == "step.log"]
    assert len(logs) <= 10_001, "log streaming must be bounded"
    assert "not streamed" in logs[-1]["data"]["line"]
