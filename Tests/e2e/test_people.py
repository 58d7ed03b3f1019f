"""People in the loop through the built binary: approvals across kill -9, deadlines during downtime,
approvers by token name, breakpoints, the audit chain (DESIGN §4, issue 4)."""
import json
import signal
import sqlite3
import time

from conftest import Gateway, wait_for

CONFIG = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: alice, token: tok-alice, scopes: [admin] }
    - { name: bob, token: tok-bob, scopes: [operate] }
exec:
  allow: [echo]
"""

PIPELINES = {
    "ship.yaml": """\
id: ship
steps:
  - { id: build, kind: exec, command: [echo, built] }
  - { id: ok, kind: approval, message: "Ship it?", approvers: [alice], timeout: 1h }
  - { id: done, kind: set, values: { shipped: "${{ steps.ok.output.decision }}" } }
output: ${{ steps.done.output.shipped }}
""",
    "brief.yaml": """\
id: brief
steps:
  - { id: ok, kind: approval, timeout: 2s, onTimeout: deny, onDeny: continue }
output: ${{ steps.ok.output }}
""",
    "asker.yaml": """\
id: asker
steps:
  - { id: q, kind: wait, message: "version?" }
output: ${{ steps.q.output }}
""",
    "walk.yaml": """\
id: walk
steps:
  - { id: s1, kind: set, values: { v: 1 } }
  - { id: s2, kind: set, values: { v: 2 } }
  - { id: s3, kind: set, values: { v: 3 } }
output: ${{ steps.s3.output.v }}
""",
}




def test_kill_9_while_waiting_on_an_approval_then_approve_after_restart(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    with gw.client("tok-alice") as client:
        run_id = client.post("/pipelines/ship/start").json()["runId"]
        wait_for(client, run_id, lambda r: r["status"] == "waiting")
    gw.stop(signal.SIGKILL)
    gw.start()
    try:
        approvals = json.loads(gw.cli("approvals", "list", "-o", "json", token="tok-bob").stdout)
        assert [a["runId"] for a in approvals] == [run_id]
        denied = gw.cli("approvals", "approve", run_id, token="tok-bob")
        assert denied.returncode == 7 and "not_an_approver" in denied.stderr
        approved = gw.cli("approvals", "approve", run_id, "--reason", "looks good", token="tok-alice")
        assert approved.returncode == 0, approved.stderr
        with gw.client("tok-alice") as client:
            run = wait_for(client, run_id, lambda r: r["status"] == "completed")
            assert run["output"] == "approved"
            events = client.get(f"/runs/{run_id}/events", headers={"Accept": "application/json"}).json()["events"]
            assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
            assert sum(e["type"] == "approval.requested" for e in events) == 1
            assert sum(e["type"] == "step.started" and e["stepId"] == "build" for e in events) == 1
        again = gw.cli("approvals", "approve", run_id, token="tok-alice")
        assert again.returncode == 9
    finally:
        gw.stop()


def test_a_deadline_that_passes_during_downtime_is_applied_at_start(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    with gw.client("tok-alice") as client:
        run_id = client.post("/pipelines/brief/start").json()["runId"]
        wait_for(client, run_id, lambda r: r["status"] == "waiting")
    gw.stop(signal.SIGKILL)
    time.sleep(2.5)
    gw.start()
    try:
        with gw.client("tok-alice") as client:
            run = wait_for(client, run_id, lambda r: r["status"] == "completed", timeout=5)
            assert run["output"]["decision"] == "denied" and run["output"]["actor"] == "timeout"
    finally:
        gw.stop()


def test_resume_through_the_cli_and_not_waiting_is_a_conflict(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    try:
        with gw.client("tok-alice") as client:
            run_id = client.post("/pipelines/asker/start").json()["runId"]
            wait_for(client, run_id, lambda r: r["status"] == "waiting")
        result = gw.cli("runs", "resume", run_id, "--output", '{"version": "1.2"}', token="tok-bob")
        assert result.returncode == 0, result.stderr
        with gw.client("tok-alice") as client:
            assert wait_for(client, run_id, lambda r: r["status"] == "completed")["output"] == {"version": "1.2"}
        again = gw.cli("runs", "resume", run_id, token="tok-bob")
        assert again.returncode == 9 and "not_waiting" in again.stderr
    finally:
        gw.stop()


def test_a_breakpoint_walks_a_run_one_step_at_a_time_through_the_cli(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    try:
        assert gw.cli("debug", "add", "s1", "--pipeline", "walk", token="tok-alice").returncode == 0
        with gw.client("tok-alice") as client:
            run_id = client.post("/pipelines/walk/start").json()["runId"]
            for expected in ["s1", "s2", "s3"]:
                run = wait_for(client, run_id, lambda r: any(w["kind"] == "breakpoint" and w["stepId"] == expected
                                                             for w in r["waitingOn"]))
                assert len(run["steps"]) == ["s1", "s2", "s3"].index(expected)
                stopped = json.loads(gw.cli("debug", "runs", "-o", "json", token="tok-bob").stdout)
                assert stopped[0]["stepId"] == expected
                assert gw.cli("debug", "release", run_id, "--step", token="tok-bob").returncode == 0
            assert wait_for(client, run_id, lambda r: r["status"] == "completed")["output"] == 3
        assert gw.cli("debug", "release", run_id, token="tok-bob").returncode == 9
        assert gw.cli("debug", "rm", "s1", "--pipeline", "walk", token="tok-alice").returncode == 0
        assert gw.cli("debug", "rm", "s1", "--pipeline", "walk", token="tok-alice").returncode == 6
    finally:
        gw.stop()


def test_the_audit_chain_verifies_and_detects_a_tampered_entry(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    try:
        assert gw.cli("gateway", "pause", "--reason", "window", token="tok-alice").returncode == 0
        assert gw.cli("gateway", "resume", token="tok-alice").returncode == 0
        entries = json.loads(gw.cli("audit", "list", "-o", "json", token="tok-bob").stdout)["entries"]
        assert [e["action"] for e in entries] == ["gateway.pause", "gateway.resume"]
        assert entries[0]["actor"] == "alice" and entries[0]["reason"] == "window"
        assert gw.cli("audit", "verify", token="tok-bob").returncode == 0
        with sqlite3.connect(gw.dir / ".gw" / "gw.sqlite") as db:
            db.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 1")
        broken = gw.cli("audit", "verify", "-o", "json", token="tok-bob")
        assert broken.returncode != 0
        assert json.loads(broken.stdout)["brokenAt"] == 1
    finally:
        gw.stop()
