"""Crash windows the soak found (issue 8), replayed deterministically: the gateway is stopped, the database is put
in the state a kill -9 can leave between two commits, and the restart must do the right thing."""
import json
import sqlite3
import time

from conftest import Gateway, wait_for

CONFIG = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: alice, token: tok-admin, scopes: [admin] }
"""
PIPELINES = {
    "gate.yaml": "id: gate\nsteps:\n  - { id: ok, kind: approval, timeout: 1h }\n"
                 "  - { id: after, kind: set, values: { d: \"${{ steps.ok.output.decision }}\" } }\n"
                 "output: ${{ steps.after.output.d }}\n",
    "ask.yaml": "id: ask\nsteps:\n  - { id: q, kind: wait, timeout: 1h }\noutput: ${{ steps.q.output }}\n",
}


def decided_but_not_completed(path, run_id, step, events, outcome):
    """What a kill -9 right after the decision's commit leaves: the decision's events, the step running with
    its outcome, the run running and waiting on nothing — and no step.completed."""
    db = sqlite3.connect(path)
    last = db.execute("SELECT last_seq FROM runs WHERE run_id = ?", (run_id,)).fetchone()[0]
    now = time.time()
    for i, (kind, data) in enumerate(events + [("run.resumed", {})], start=1):
        db.execute("INSERT INTO events (run_id, seq, type, at, step_id, data) VALUES (?,?,?,?,?,?)",
                   (run_id, last + i, kind, now, step, json.dumps(data)))
    db.execute("UPDATE runs SET status = 'running', waiting_on = '[]', last_seq = ? WHERE run_id = ?",
               (last + len(events) + 1, run_id))
    db.execute("UPDATE steps SET status = 'running', output = ? WHERE run_id = ? AND step_id = ?",
               (json.dumps(outcome), run_id, step))
    db.commit()
    db.close()


def types(client, run_id):
    return [e["type"] for e in client.get(f"/runs/{run_id}/events", headers={"Accept": "application/json"}).json()["events"]]


def test_an_approval_decided_just_before_a_crash_is_applied_once_not_asked_again(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    with gw.client() as c:
        run_id = c.post("/pipelines/gate/start").json()["runId"]
        wait_for(c, run_id, lambda r: r["status"] == "waiting")
    gw.stop()
    decision = {"decision": "approved", "actor": "alice", "reason": None, "at": "2026-11-29T18:00:00.000Z"}
    decided_but_not_completed(workdir / ".gw" / "gw.sqlite", run_id, "ok",
                              [("approval.approved", {"actor": "alice", "reason": None})], decision)
    gw.start()
    try:
        with gw.client() as c:
            run = wait_for(c, run_id, lambda r: r["status"] in ("completed", "failed"), timeout=10)
            assert run["status"] == "completed" and run["output"] == "approved", run
            seen = types(c, run_id)
            assert seen.count("approval.requested") == 1 and seen.count("approval.approved") == 1, seen
    finally:
        gw.stop()


def test_a_wait_resumed_just_before_a_crash_keeps_its_output(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    with gw.client() as c:
        run_id = c.post("/pipelines/ask/start").json()["runId"]
        wait_for(c, run_id, lambda r: r["status"] == "waiting")
    gw.stop()
    decided_but_not_completed(workdir / ".gw" / "gw.sqlite", run_id, "q",
                              [("wait.resumed", {"actor": "alice", "output": {"v": 7}})], {"resumedWith": {"v": 7}})
    gw.start()
    try:
        with gw.client() as c:
            run = wait_for(c, run_id, lambda r: r["status"] in ("completed", "failed"), timeout=10)
            assert run["status"] == "completed" and run["output"] == {"v": 7}, run
            assert types(c, run_id).count("run.waiting") == 1
    finally:
        gw.stop()
