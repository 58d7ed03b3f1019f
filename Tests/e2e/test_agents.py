"""`agent` steps over the Agent Client Protocol, against a test agent written with the official Python SDK,
and durable sessions (`/sessions`, `gw sessions`)."""
import json
import os
import pathlib
import signal
import sys
import time

import pytest

from conftest import DEFAULT_CONFIG, wait_for

AGENT = pathlib.Path(__file__).resolve().parent / "agents" / "echo_agent.py"


def config(state, idle="10m", extra_env=""):
    return DEFAULT_CONFIG + f"""\
agents:
  echo:
    command: [{json.dumps(sys.executable)}, {json.dumps(str(AGENT))}]
    env: {{ ECHO_STATE: {json.dumps(str(state))}{extra_env} }}
    idleTimeout: {idle}
"""


def pipeline(pid, permissions=None):
    perms = f"\n    permissions: {permissions}" if permissions else ""
    return f"""\
id: {pid}
steps:
  - id: talk
    kind: agent
    agent: echo
    prompt: ${{{{ input.prompt }}}}
    session: ${{{{ input.key }}}}
    cwd: ${{{{ input.cwd }}}}{perms}
output: ${{{{ steps.talk.output }}}}
"""


PIPELINES = {"talk.yaml": pipeline("talk"), "ask.yaml": pipeline("ask", "ask"), "allow.yaml": pipeline("allow", "allow"),
             "slow.yaml": pipeline("slow").replace("    kind: agent", "    kind: agent\n    timeout: 1s")}


@pytest.fixture
def agent_gw(make_gateway, workdir):
    return make_gateway(config=config(workdir / "echo-state"), pipelines=PIPELINES).start()


def run(client, pipeline_id, **input):
    response = client.post(f"/pipelines/{pipeline_id}/run?wait=30s", json={"input": input})
    assert response.status_code == 200, response.text
    return response.json()


def events(client, run_id):
    return client.get(f"/runs/{run_id}/events", headers={"Accept": "application/json"}).json()["events"]


def test_a_prompt_round_trip_streams_chunks_as_deltas(agent_gw):
    with agent_gw.client() as c:
        record = run(c, "talk", prompt="hello there world")
        assert record["status"] == "completed", record
        out = record["output"]
        assert out["text"] == "echo[1]: hello there world" and out["stopReason"] == "end_turn"
        assert out["sessionId"].startswith("s")
        deltas = [e["data"]["text"] for e in events(c, record["runId"]) if e["type"] == "step.delta"]
        assert len(deltas) > 1 and "".join(deltas) == out["text"]
        tool = run(c, "talk", prompt="tool")
        lines = [e["data"]["line"] for e in events(c, tool["runId"]) if e["type"] == "step.log"]
        assert any("tool call t2: look around (read)" in line for line in lines), lines
        assert any("t2: completed" in line for line in lines), lines


def test_a_session_key_reuses_one_session_across_runs(agent_gw):
    with agent_gw.client() as c:
        first = run(c, "talk", prompt="one", key="k1")["output"]
        second = run(c, "talk", prompt="two", key="k1")["output"]
        other = run(c, "talk", prompt="three", key="k2")["output"]
        assert first["sessionId"] == second["sessionId"] != other["sessionId"]
        assert second["text"] == "echo[2]: two" and other["text"] == "echo[1]: three"
        session = c.get(f"/sessions/{first['sessionId']}").json()
        assert session["turns"] == 2 and session["key"] == "k1" and session["state"] == "active"
        assert session["agent"] == "echo" and session["pipelineId"] == "talk" and session["pid"] > 0
        listed = json.loads(agent_gw.cli("sessions", "list", "-o", "json").stdout)
        assert {s["id"] for s in listed} >= {first["sessionId"], other["sessionId"]}


@pytest.mark.parametrize("verb,answer,event", [("approve", "yes", "approval.approved"), ("deny", "no", "approval.denied")])
def test_ask_opens_an_approval_decided_with_gw_runs(agent_gw, verb, answer, event):
    with agent_gw.client() as c:
        run_id = c.post("/pipelines/ask/start", json={"input": {"prompt": "ask delete the files"}}).json()["runId"]
        waiting = wait_for(c, run_id, lambda r: r["status"] == "waiting")
        assert waiting["waitingOn"][0]["kind"] == "approval"
        pending = [a for a in c.get("/approvals").json() if a["runId"] == run_id]
        assert len(pending) == 1 and "delete the files" in pending[0]["message"], pending
        result = agent_gw.cli("runs", verb, run_id)
        assert result.returncode == 0, result.stderr
        done = wait_for(c, run_id, lambda r: r["status"] == "completed")
        assert done["output"]["text"] == f"permission: {answer}"
        kinds = [e["type"] for e in events(c, run_id)]
        assert "approval.requested" in kinds and event in kinds


def test_allow_and_deny_policies_answer_without_a_person(agent_gw):
    with agent_gw.client() as c:
        assert run(c, "allow", prompt="ask x")["output"]["text"] == "permission: yes"
        assert run(c, "talk", prompt="ask x")["output"]["text"] == "permission: no"


def test_fs_access_is_confined_to_the_session_cwd(agent_gw, workdir):
    cwd = workdir / "project"
    cwd.mkdir()
    (workdir / "secret.txt").write_text("top secret")
    with agent_gw.client() as c:
        wrote = run(c, "talk", prompt=f"write {cwd}/notes/a.txt hi-there", cwd=str(cwd), key="fs")
        assert wrote["output"]["text"] == f"wrote {cwd}/notes/a.txt"
        assert (cwd / "notes" / "a.txt").read_text() == "hi-there"
        read = run(c, "talk", prompt=f"read {cwd}/notes/a.txt", cwd=str(cwd), key="fs")
        assert read["output"]["text"] == "content: hi-there"
        for path in (f"{workdir}/secret.txt", f"{cwd}/../secret.txt", "/etc/hostname"):
            refused = run(c, "talk", prompt=f"read {path}", cwd=str(cwd), key="fs")
            assert refused["output"]["text"].startswith("error:") and "outside" in refused["output"]["text"]
            assert "top secret" not in json.dumps(refused)
        escaped = run(c, "talk", prompt=f"write {cwd}/../evil.txt x", cwd=str(cwd), key="fs")
        assert "outside" in escaped["output"]["text"] and not (workdir / "evil.txt").exists()
        logs = [e["data"]["line"] for e in events(c, escaped["runId"]) if e["type"] == "step.log"]
        assert any("refused fs/write_text_file" in line for line in logs), logs


def test_an_agent_that_crashes_mid_turn_fails_the_step_clearly(agent_gw):
    with agent_gw.client() as c:
        started = time.time()
        record = run(c, "talk", prompt="crash", key="c")
        assert record["status"] == "failed" and time.time() - started < 15
        message = record["error"]["message"]
        assert "exited with status 3" in message and "crashing on purpose" in message, message
        session = c.get("/sessions").json()[0]
        assert session["state"] == "idle" and "pid" not in session
        again = run(c, "talk", prompt="still there?", key="c")
        assert again["status"] == "completed" and again["output"]["sessionId"] == session["id"]
        garbage = run(c, "talk", prompt="garbage")
        assert garbage["status"] == "failed" and "invalid JSON-RPC" in garbage["error"]["message"]


def test_cancelling_the_run_cancels_the_turn(agent_gw):
    with agent_gw.client() as c:
        run_id = c.post("/pipelines/talk/start", json={"input": {"prompt": "hang", "key": "h"}}).json()["runId"]
        wait_for(c, run_id, lambda r: any(s["status"] == "running" for s in r.get("steps", [])))
        time.sleep(0.5)
        assert c.delete(f"/runs/{run_id}").status_code == 200
        wait_for(c, run_id, lambda r: r["status"] == "cancelled", timeout=10)
        assert run(c, "talk", prompt="after", key="h")["output"]["text"].startswith("echo[")


def test_an_agent_that_does_not_answer_in_time_fails_the_step(agent_gw):
    with agent_gw.client() as c:
        started = time.time()
        record = run(c, "slow", prompt="hang", key="t")
        assert record["status"] == "failed" and record["error"]["code"] == "timeout", record
        assert time.time() - started < 5
        assert run(c, "slow", prompt="quick", key="t")["output"]["text"] == "echo[2]: quick"


def test_resume_after_the_gateway_was_killed_and_restarted(make_gateway, workdir):
    gw = make_gateway(config=config(workdir / "echo-state"), pipelines=PIPELINES).start()
    with gw.client() as c:
        first = run(c, "talk", prompt="remember me", key="durable")["output"]
        old_pid = c.get(f"/sessions/{first['sessionId']}").json()["pid"]
    gw.stop(signal.SIGKILL)
    deadline = time.time() + 10
    while time.time() < deadline and pid_alive(old_pid):
        time.sleep(0.1)
    assert not pid_alive(old_pid), "the agent outlived gw's stdin"
    gw.start()
    with gw.client() as c:
        session = c.get(f"/sessions/{first['sessionId']}").json()
        assert session["state"] == "idle" and session["turns"] == 1
        resumed = gw.cli("sessions", "resume", first["sessionId"], "-o", "json")
        assert resumed.returncode == 0, resumed.stderr
        body = json.loads(resumed.stdout)
        assert body["state"] == "active" and body["pid"] != old_pid
        second = run(c, "talk", prompt="and now?", key="durable")["output"]
        assert second == {"text": "echo[2]: and now?", "stopReason": "end_turn", "sessionId": first["sessionId"]}
        audit = c.get("/audit", params={"action": "session.resume"}).json()["entries"]
        assert audit and audit[0]["target"] == first["sessionId"]


def test_a_permission_waiting_on_a_person_survives_a_gateway_kill(make_gateway, workdir):
    gw = make_gateway(config=config(workdir / "echo-state"), pipelines=PIPELINES).start()
    with gw.client() as c:
        run_id = c.post("/pipelines/ask/start", json={"input": {"prompt": "ask ship it", "key": "p"}}).json()["runId"]
        wait_for(c, run_id, lambda r: r["status"] == "waiting")
    gw.stop(signal.SIGKILL)
    gw.start()
    with gw.client() as c:
        deadline = time.time() + 15
        while time.time() < deadline and not any(a["runId"] == run_id for a in c.get("/approvals").json()):
            time.sleep(0.1)
        result = gw.cli("runs", "approve", run_id)
        assert result.returncode == 0, result.stderr
        done = wait_for(c, run_id, lambda r: r["status"] == "completed")
        assert done["output"]["text"] == "permission: yes"


def test_idle_processes_stop_and_rm_removes_the_session(make_gateway, workdir):
    gw = make_gateway(config=config(workdir / "echo-state", idle="1s"), pipelines=PIPELINES).start()
    with gw.client() as c:
        sid = run(c, "talk", prompt="hi", key="idle")["output"]["sessionId"]
        pid = c.get(f"/sessions/{sid}").json()["pid"]
        deadline = time.time() + 10
        while time.time() < deadline and c.get(f"/sessions/{sid}").json()["state"] != "idle":
            time.sleep(0.2)
        assert c.get(f"/sessions/{sid}").json()["state"] == "idle"
        time.sleep(0.5)
        assert not pid_alive(pid)
        assert "gw_sessions{state=\"idle\"} 1" in c.get("/metrics").text
        assert c.post(f"/sessions/{sid}/resume").json()["state"] == "active"
        assert gw.cli("sessions", "rm", sid).returncode == 0
        assert c.get(f"/sessions/{sid}").status_code == 404
        assert c.delete(f"/sessions/{sid}").status_code == 404
        assert c.post("/sessions/prune", json={"olderThan": "a week"}).status_code == 422
        assert c.post("/sessions/prune", json={"expired": True}).json() == {"pruned": []}
        pruned = gw.cli("sessions", "prune", "--expired", "-o", "json")
        assert pruned.returncode == 0 and json.loads(pruned.stdout) == {"pruned": []}, pruned.stderr


def test_an_agent_without_load_session_is_not_resumable(make_gateway, workdir):
    gw = make_gateway(config=config(workdir / "echo-state", idle="1s", extra_env=", ECHO_NO_LOAD: '1'"),
                      pipelines=PIPELINES).start()
    with gw.client() as c:
        sid = run(c, "talk", prompt="hi", key="nl")["output"]["sessionId"]
        deadline = time.time() + 10
        while time.time() < deadline and c.get(f"/sessions/{sid}").json()["state"] == "active":
            time.sleep(0.2)
        assert c.get(f"/sessions/{sid}").json()["state"] == "closed"
        response = c.post(f"/sessions/{sid}/resume")
        assert response.status_code == 409 and response.json()["error"]["code"] == "not_resumable"


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False
    return True
