"""kill -9 and restart: nothing acknowledged is lost (DESIGN §3 Durability)."""
import datetime
import signal
import time

from conftest import Gateway, wait_for

CONFIG = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: alice, token: tok-admin, scopes: [admin] }
exec:
  allow: [sleep, echo]
"""

PIPELINES = {
    "slowexec.yaml": """\
id: slowexec
steps:
  - { id: first, kind: set, values: { v: 1 } }
  - { id: work, kind: exec, command: [sleep, "2"] }
  - { id: last, kind: set, values: { v: "${{ steps.first.output.v }}" } }
output: ${{ steps.last.output.v }}
""",
    "nap.yaml": "id: nap\nsteps:\n  - { id: z, kind: sleep, duration: 4s }\n  - { id: after, kind: set, values: { done: true } }\n",
    "quick.yaml": "id: quick\nsteps:\n  - { id: a, kind: set, values: { v: 1 } }\n",
}


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))




def events(client, run_id):
    return client.get(f"/runs/{run_id}/events", headers={"Accept": "application/json"}).json()["events"]


def test_a_step_running_at_kill_9_runs_again_with_the_next_attempt(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    with gw.client() as client:
        run_id = client.post("/pipelines/slowexec/start").json()["runId"]
        wait_for(client, run_id, lambda r: any(s["id"] == "work" and s["status"] == "running" for s in r["steps"]))
    gw.stop(signal.SIGKILL)
    gw.start()
    try:
        with gw.client() as client:
            run = wait_for(client, run_id, lambda r: r["status"] in ("completed", "failed"))
            assert run["status"] == "completed" and run["output"] == 1
            work = next(s for s in run["steps"] if s["id"] == "work")
            assert work["attempt"] == 2
            evs = events(client, run_id)
            assert [e["seq"] for e in evs] == list(range(1, len(evs) + 1)), "events must stay gapless"
            attempts = [e["data"]["attempt"] for e in evs if e["type"] == "step.started" and e["stepId"] == "work"]
            assert attempts == [1, 2]
            first_started = [e for e in evs if e["type"] == "step.started" and e["stepId"] == "first"]
            assert len(first_started) == 1, "a completed step must not run again"
    finally:
        gw.stop()


def test_a_sleep_timer_counts_the_time_already_slept(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    with gw.client() as client:
        run_id = client.post("/pipelines/nap/start").json()["runId"]
        wait_for(client, run_id, lambda r: r["status"] == "waiting")
    time.sleep(1.5)
    gw.stop(signal.SIGKILL)
    gw.start()
    try:
        with gw.client() as client:
            waiting = client.get(f"/runs/{run_id}").json()
            assert waiting["status"] in ("waiting", "completed")
            run = wait_for(client, run_id, lambda r: r["status"] == "completed")
            took = (parse_time(run["finishedAt"]) - parse_time(run["createdAt"])).total_seconds()
            assert 3.9 <= took < 5.5, f"the 4 s sleep took {took:.2f} s end to end"
    finally:
        gw.stop()


def test_idempotency_keys_survive_kill_9(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    with gw.client() as client:
        first = client.post("/pipelines/quick/run", json={"input": {}}, headers={"Idempotency-Key": "deploy-42"}).json()
    gw.stop(signal.SIGKILL)
    gw.start()
    try:
        with gw.client() as client:
            again = client.post("/pipelines/quick/start", json={"input": {}}, headers={"Idempotency-Key": "deploy-42"})
            assert again.status_code == 202 and again.json()["runId"] == first["runId"]
            conflict = client.post("/pipelines/quick/start", json={"input": {"x": 1}}, headers={"Idempotency-Key": "deploy-42"})
            assert conflict.status_code == 409 and conflict.json()["error"]["code"] == "idempotency_conflict"
            assert len(client.get("/runs?pipelineId=quick").json()["runs"]) == 1
    finally:
        gw.stop()


def test_sigterm_interrupts_a_long_step_and_it_resumes_at_the_next_start(workdir):
    config = CONFIG + "shutdownGrace: 200ms\n"
    gw = Gateway(workdir, config=config, pipelines=PIPELINES).start()
    with gw.client() as client:
        run_id = client.post("/pipelines/slowexec/start").json()["runId"]
        wait_for(client, run_id, lambda r: any(s["id"] == "work" and s["status"] == "running" for s in r["steps"]))
    gw.stop(signal.SIGTERM)
    assert gw.proc.returncode == 0
    gw.start()
    try:
        with gw.client() as client:
            run = wait_for(client, run_id, lambda r: r["status"] == "completed")
            assert run["output"] == 1
    finally:
        gw.stop()
