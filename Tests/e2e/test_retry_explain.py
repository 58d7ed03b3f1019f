"""Retry from a step and explain a run (DESIGN §12), through the CLI and the API of a real `gw serve`,
across kill -9 and restarts."""
import json
import signal
import time

from conftest import Gateway, wait_for

CONFIG = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: reader, token: tok-read, scopes: [read] }
    - { name: operator, token: tok-operate, scopes: [operate] }
    - { name: alice, token: tok-admin, scopes: [admin] }
exec:
  allow: [echo, "true", sleep, sh]
"""


def three_steps(third):
    """Three exec steps; each appends a line to <dir>/<step>.count, so a test counts real executions."""
    return f"""\
id: three
input:
  type: object
  required: [dir]
  properties:
    dir: {{ type: string }}
    tag: {{ type: string, default: v1 }}
steps:
  - {{ id: first, kind: exec, run: "echo x >> ${{{{ input.dir }}}}/first.count; echo first-${{{{ input.tag }}}}" }}
  - {{ id: second, kind: exec, run: "echo x >> ${{{{ input.dir }}}}/second.count; echo second" }}
  - {{ id: third, kind: exec, run: "echo x >> ${{{{ input.dir }}}}/third.count; {third}" }}
output: ${{{{ steps.first.output.stdout }}}}
"""


FAILING_THIRD = "test -f ${{ input.dir }}/fixed || exit 2"

PIPELINES = {
    "three.yaml": three_steps(FAILING_THIRD),
    "hold.yaml": """\
id: hold
input: { type: object, properties: { secs: { type: string, default: "30" } } }
steps:
  - { id: prepare, kind: set, values: { ready: true } }
  - { id: wait-a-bit, kind: exec, command: [sleep, "${{ input.secs }}"] }
  - { id: after, kind: set, values: { was: "${{ steps.prepare.output.ready }}" } }
""",
    "ship.yaml": """\
id: ship
steps:
  - id: ship-ok
    kind: approval
    message: Ship it?
    approvers: [alice, bob]
    timeout: 4h
    onTimeout: deny
""",
    "collect.yaml": "id: collect\nsteps:\n  - { id: answer, kind: wait, timeout: 2h }\n",
    "nap.yaml": "id: nap\nsteps:\n  - { id: z, kind: sleep, duration: 1h }\n",
    "walk.yaml": "id: walk\nsteps:\n  - { id: s1, kind: set, values: { v: 1 } }\n  - { id: s2, kind: set, values: { v: 2 } }\n",
    "build.yaml": """\
id: build
input: { type: object, properties: { quick: { type: boolean, default: true } } }
steps:
  - { id: test, kind: set, if: "${{ !input.quick }}", values: { ok: true } }
  - { id: lint, kind: set, if: "${{ !input.quick }}", values: { ok: true } }
  - { id: compile, kind: exec, run: "echo broken 1>&2; exit 2", retry: { attempts: 3, backoff: 50ms } }
""",
}


def count(scratch, step):
    path = scratch / f"{step}.count"
    return len(path.read_text().splitlines()) if path.exists() else 0


def events(client, run_id):
    return client.get(f"/runs/{run_id}/events", headers={"Accept": "application/json"}).json()["events"]


def start(gw, pipeline, input_json=None):
    args = ["pipelines", "start", pipeline, "-o", "json"] + (["--input", json.dumps(input_json)] if input_json else [])
    out = gw.cli(*args)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["runId"]


def failed_three(gw, scratch):
    out = gw.cli("pipelines", "run", "three", "--set", f"dir={scratch}", "-o", "json")
    assert out.returncode == 3, out.stderr
    run = json.loads(out.stdout)
    assert run["error"]["stepId"] == "third"
    return run["runId"]


def explain(gw, run_id):
    out = gw.cli("runs", "explain", run_id, "-o", "json", token="tok-read")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def fact(explanation, kind, step=None):
    return next(f for f in explanation["facts"] if f["kind"] == kind and (step is None or f.get("stepId") == step))


def test_cli_retry_from_the_failed_step_an_earlier_step_a_new_input_and_the_current_version(workdir):
    scratch = workdir / "scratch"
    scratch.mkdir()
    gw = Gateway(workdir / "gw", config=CONFIG, pipelines=PIPELINES).start()
    try:
        original = failed_three(gw, scratch)
        (scratch / "fixed").write_text("")
        out = gw.cli("runs", "retry", original, "--follow", "--reason", "disk replaced", "-o", "json", token="tok-operate")
        assert out.returncode == 0, out.stderr
        with gw.client() as client:
            retry_id = client.get(f"/runs/{original}").json()["retries"][0]
            retry = client.get(f"/runs/{retry_id}").json()
            assert retry["status"] == "completed"
            assert retry["retryOf"] == {"runId": original, "fromStep": "third"}
            assert (count(scratch, "first"), count(scratch, "second"), count(scratch, "third")) == (1, 1, 2)
            reused = [e for e in events(client, retry_id) if e["type"] == "step.skipped"]
            assert [(e["stepId"], e["data"]["reused"], e["data"]["fromRunId"]) for e in reused] == [
                ("first", True, original), ("second", True, original)]
            audit = client.get("/audit", params={"action": "run.retry"}).json()["entries"]
            assert audit[0]["target"] == original and audit[0]["reason"] == "disk replaced"
        shown = gw.cli("runs", "get", retry_id).stdout.splitlines()
        assert f"Retry of\t{original} from third" in shown and "Retries\t-" in shown
        assert f"Retries\t{retry_id}" in gw.cli("runs", "get", original).stdout.splitlines()

        out = gw.cli("runs", "retry", original, "--from", "second", "-o", "json", token="tok-operate")
        assert out.returncode == 0, out.stderr
        second_id = json.loads(out.stdout)["runId"]
        with gw.client() as client:
            run = wait_for(client, second_id, lambda r: r["status"] == "completed")
            assert run["retryOf"]["fromStep"] == "second"
        assert (count(scratch, "first"), count(scratch, "second")) == (1, 2)

        out = gw.cli("runs", "retry", original, "--from", "first", "--set", f"dir={scratch}", "--set", "tag=v2",
                     "--follow", "-o", "json", token="tok-operate")
        assert out.returncode == 0, out.stderr
        assert count(scratch, "first") == 2

        # --current after fixing the pipeline file: the default keeps the original (failing) version.
        (scratch / "fixed").unlink()
        (gw.dir / "pipelines" / "three.yaml").write_text(three_steps("true"))
        assert gw.cli("gateway", "reload").returncode == 0
        assert gw.cli("runs", "retry", original, "--follow", token="tok-operate").returncode == 3
        out = gw.cli("runs", "retry", original, "--current", "--follow", "-o", "json", token="tok-operate")
        assert out.returncode == 0, out.stderr
        with gw.client() as client:
            runs = client.get(f"/runs/{original}").json()["retries"]
            assert len(runs) == 5
            newest = client.get(f"/runs/{runs[-1]}").json()
            assert newest["status"] == "completed"
            assert newest["pipelineVersion"] != client.get(f"/runs/{original}").json()["pipelineVersion"]
        assert count(scratch, "first") == 2

        unknown = gw.cli("runs", "retry", original, "--from", "nope", token="tok-operate")
        assert unknown.returncode == 2
        assert "not a top-level step" in unknown.stderr and "first, second, third" in unknown.stderr
        assert gw.cli("runs", "retry", original, token="tok-read").returncode == 7
        assert gw.cli("runs", "retry", "r-nope", token="tok-operate").returncode == 6
    finally:
        gw.stop()


def test_cli_retry_of_a_running_run_is_a_conflict_and_of_a_cancelled_run_goes_on_from_the_cancelled_step(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    try:
        run_id = start(gw, "hold")
        with gw.client() as client:
            wait_for(client, run_id, lambda r: any(s["id"] == "wait-a-bit" for s in r["steps"]))
        busy = gw.cli("runs", "retry", run_id, token="tok-operate")
        assert busy.returncode == 9
        assert "has not ended" in busy.stderr
        assert gw.cli("runs", "cancel", run_id, token="tok-operate").returncode == 0
        out = gw.cli("runs", "retry", run_id, "--input", '{"secs": "0"}', "--follow", "-o", "json", token="tok-operate")
        assert out.returncode == 0, out.stderr
        with gw.client() as client:
            retry = client.get(f"/runs/{client.get(f'/runs/{run_id}').json()['retries'][0]}").json()
            assert retry["retryOf"] == {"runId": run_id, "fromStep": "wait-a-bit"}
            assert retry["steps"][2]["output"] == {"was": True}
    finally:
        gw.stop()


def test_a_retry_killed_mid_run_finishes_after_restart_without_running_the_reused_steps(workdir):
    scratch = workdir / "scratch"
    scratch.mkdir()
    pipelines = dict(PIPELINES, **{"three.yaml": three_steps("test -f ${{ input.dir }}/fixed && sleep 2 || exit 2")})
    gw = Gateway(workdir / "gw", config=CONFIG, pipelines=pipelines).start()
    original = failed_three(gw, scratch)
    # The file changes before the retry: the retry still runs the version pinned in the store.
    (gw.dir / "pipelines" / "three.yaml").write_text(three_steps("exit 7"))
    gw.stop(signal.SIGKILL)
    gw.start()
    (scratch / "fixed").write_text("")
    with gw.client("tok-operate") as client:
        retry_id = client.post(f"/runs/{original}/retry", json={}).json()["runId"]
        wait_for(client, retry_id, lambda r: any(s["id"] == "third" and s["status"] == "running" for s in r["steps"]))
    gw.stop(signal.SIGKILL)
    gw.start()
    try:
        with gw.client() as client:
            run = wait_for(client, retry_id, lambda r: r["status"] in ("completed", "failed"))
            assert run["status"] == "completed", run
            assert run["retryOf"] == {"runId": original, "fromStep": "third"}
            assert [s["attempt"] for s in run["steps"]] == [1, 1, 2]
            assert (count(scratch, "first"), count(scratch, "second"), count(scratch, "third")) == (1, 1, 3)
            evs = events(client, retry_id)
            assert [e["seq"] for e in evs] == list(range(1, len(evs) + 1))
            assert [e["stepId"] for e in evs if e["type"] == "step.skipped"] == ["first", "second"]
            assert client.get(f"/runs/{original}").json()["retries"] == [retry_id]
    finally:
        gw.stop()


def test_explain_waiting_failed_skipped_and_completed_runs_field_by_field_before_and_after_kill_9(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    assert gw.cli("debug", "add", "s2", "--pipeline", "walk").returncode == 0
    ship, collect, nap, walk = (start(gw, p) for p in ("ship", "collect", "nap", "walk"))
    build = json.loads(gw.cli("pipelines", "run", "build", "-o", "json").stdout)["runId"]
    with gw.client() as client:
        records = {r: wait_for(client, r, lambda x: x["status"] == "waiting") for r in (ship, collect, nap, walk)}
    before = {r: explain(gw, r) for r in (ship, collect, nap, walk, build)}

    e = before[ship]
    assert e["runId"] == ship and e["status"] == "waiting"
    assert "for approval at step ship-ok (approvers: alice, bob); denies itself at " in e["summary"]
    waiting = fact(e, "waiting", "ship-ok")
    assert waiting["data"]["approvers"] == ["alice", "bob"] and waiting["data"]["onTimeout"] == "deny"
    assert waiting["data"]["expiresAt"] == records[ship]["waitingOn"][0]["expiresAt"]
    assert waiting["data"]["since"] == records[ship]["waitingOn"][0]["since"]
    assert fact(before[collect], "waiting", "answer")["data"]["onTimeout"] == "fail"
    assert fact(before[collect], "waiting", "answer")["data"]["expiresAt"] == records[collect]["waitingOn"][0]["expiresAt"]
    assert fact(before[nap], "waiting", "z")["data"]["kind"] == "sleep"
    assert fact(before[nap], "waiting", "z")["data"]["expiresAt"] == records[nap]["waitingOn"][0]["expiresAt"]
    assert fact(before[walk], "waiting", "s2")["data"]["kind"] == "breakpoint"
    assert before[walk]["summary"].startswith("Stopped at a breakpoint before step s2 since ")

    b = before[build]
    assert b["status"] == "failed"
    assert b["summary"].startswith("Failed at step compile after 3 attempts (/bin/sh exited with code 2: broken).")
    assert "Steps test and lint were skipped because `${{ !input.quick }}` was false (input.quick = true)." in b["summary"]
    assert [(f["data"]["attempt"], f["data"]["delayMs"]) for f in b["facts"] if f["kind"] == "attempt"] == [(1, 50), (2, 100)]
    assert fact(b, "skipped", "lint")["data"] == {"expression": "${{ !input.quick }}", "value": False,
                                                 "operands": {"input.quick": True}}
    assert fact(b, "failed", "compile")["data"] == {"code": "exit_status", "attempts": 3,
                                                   "message": "/bin/sh exited with code 2: broken"}

    table = gw.cli("runs", "explain", build, token="tok-read")
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0] == b["summary"] and lines[1:] == ["  - " + f["text"] for f in b["facts"]]

    gw.stop(signal.SIGKILL)
    gw.start()
    try:
        with gw.client() as client:
            for r in (ship, collect, nap, walk):
                wait_for(client, r, lambda x: x["status"] == "waiting")
        for r in (ship, collect, nap, build):
            assert explain(gw, r) == before[r], r
        assert fact(explain(gw, walk), "waiting", "s2")["data"]["kind"] == "breakpoint"
        assert gw.cli("approvals", "approve", ship, "--reason", "go").returncode == 0
        with gw.client() as client:
            wait_for(client, ship, lambda x: x["status"] == "completed")
        done = explain(gw, ship)
        assert done["status"] == "completed"
        assert fact(done, "decision", "ship-ok")["data"] == {"decision": "approved", "actor": "alice", "reason": "go"}
        assert done["summary"].startswith("Completed at ") and ": 1 step ran." in done["summary"]
        assert gw.cli("runs", "explain", "r-nope").returncode == 6
    finally:
        gw.stop()
