"""Issue 11 loose ends: long waits, promised fields and figures, the CLI saying why and showing progress."""
import json
import signal
import time

from conftest import DEFAULT_CONFIG, wait_for

SLOW = """\
id: slow
steps:
  - { id: nap, kind: sleep, duration: 130s }
  - { id: done, kind: set, values: { slept: true } }
output: ${{ steps.done.output }}
"""


def test_run_wait_outlasts_the_old_120s_client_deadline(make_gateway):
    """A 130 s run with --wait 3m ends with the run's output and exit 0 (the client used to give up at 120 s, exit 8).

    The one long test of this file (~130 s, mostly asleep); it runs serially like every e2e test."""
    gw = make_gateway(pipelines={"slow.yaml": SLOW}).start()
    result = gw.cli("pipelines", "run", "slow", "--wait", "3m", "-o", "json", timeout=240)
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout)
    assert run["status"] == "completed"
    assert run["output"] == {"slept": True}


HELLO_ONLY = {"hello.yaml": "id: hello\nsteps:\n  - { id: a, kind: set, values: { x: 1 } }\n"}


def test_sighup_reload_is_audited_like_the_api_reload(make_gateway):
    gw = make_gateway(pipelines=HELLO_ONLY).start()
    c = gw.client()
    assert c.post("/gateway/reload").status_code == 200
    (gw.dir / "pipelines" / "second.yaml").write_text("id: second\nsteps: []\n")
    gw.proc.send_signal(signal.SIGHUP)
    deadline = time.time() + 10
    entries = []
    while time.time() < deadline:
        entries = [e for e in c.get("/audit", params={"action": "gateway.reload"}).json()["entries"]]
        if len(entries) == 2:
            break
        time.sleep(0.1)
    assert [e["actor"] for e in entries] == ["alice", "signal:SIGHUP"]
    assert "second" in entries[1]["reason"]
    assert c.get("/audit/verify").json()["ok"] is True


def test_schedules_list_shows_the_last_run_and_the_last_error(make_gateway):
    gw = make_gateway(pipelines=HELLO_ONLY).start()
    c = gw.client()
    assert c.post("/schedules", json={"id": "nightly", "pipelineId": "hello", "every": "24h"}).status_code == 201
    fired = c.post("/triggers/nightly/fire").json()
    listed = gw.cli("schedules", "list")
    assert listed.returncode == 0, listed.stderr
    assert fired["runId"] in listed.stdout
    shown = gw.cli("schedules", "show", "nightly")
    assert "Last run" in shown.stdout and fired["runId"] in shown.stdout


WAITER = "id: waiter\nsteps:\n  - { id: w, kind: wait }\n"


def test_reason_flags_reach_the_audit_log(make_gateway):
    gw = make_gateway(pipelines={**HELLO_ONLY, "waiter.yaml": WAITER}).start()
    c = gw.client()

    def started(pipeline):
        run_id = c.post(f"/pipelines/{pipeline}/start").json()["runId"]
        wait_for(c, run_id, lambda r: r["status"] == "waiting")
        return run_id

    resumed, cancelled = started("waiter"), started("waiter")
    assert gw.cli("runs", "resume", resumed, "--output", "{}", "--reason", "picked 1.2").returncode == 0
    assert gw.cli("runs", "cancel", cancelled, "--reason", "wrong branch").returncode == 0
    assert gw.cli("debug", "add", "a", "--pipeline", "hello", "--reason", "inspect x").returncode == 0
    stopped = started("hello")
    assert gw.cli("debug", "release", stopped, "--reason", "x is fine").returncode == 0
    assert gw.cli("debug", "rm", "a", "--pipeline", "hello", "--reason", "done").returncode == 0
    assert gw.cli("gateway", "pause", "--reason", "maintenance").returncode == 0
    assert gw.cli("gateway", "resume", "--reason", "maintenance over").returncode == 0
    reasons = {e["action"]: e.get("reason") for e in c.get("/audit").json()["entries"]}
    assert reasons["run.resume"] == "picked 1.2"
    assert reasons["run.cancel"] == "wrong branch"
    assert reasons["breakpoint.add"] == "inspect x"
    assert reasons["run.release"] == "x is fine"
    assert reasons["breakpoint.remove"] == "done"
    assert reasons["gateway.pause"] == "maintenance"
    assert reasons["gateway.resume"] == "maintenance over"
    # The API: DELETE /runs/:id takes ?reason=.
    other = started("waiter")
    assert c.delete(f"/runs/{other}", params={"reason": "api says why"}).status_code == 200
    last = c.get("/audit", params={"action": "run.cancel"}).json()["entries"][-1]
    assert last["target"] == other and last["reason"] == "api says why"


TWO_STEPS = """\
id: two
steps:
  - { id: first, kind: exec, command: [sleep, "0.3"] }
  - { id: second, kind: set, values: { done: true } }
output: ${{ steps.second.output }}
"""


def test_pipelines_run_shows_step_progress_on_stderr_and_keeps_stdout_the_result(make_gateway):
    gw = make_gateway(pipelines={"two.yaml": TWO_STEPS, "waiter.yaml": WAITER}).start()
    result = gw.cli("pipelines", "run", "two", "-o", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["output"] == {"done": True}
    lines = result.stderr.splitlines()
    assert lines == ["step first started", "step first completed", "step second started", "step second completed"]
    # A run still going when --wait ends: exit 5, the run so far on stdout, the wait named on stderr.
    waiting = gw.cli("pipelines", "run", "waiter", "--wait", "1s", "-o", "json")
    assert waiting.returncode == 5, waiting.stderr
    assert json.loads(waiting.stdout)["status"] == "waiting"
    assert "waiting on wait w" in waiting.stderr
    gw.client().delete(f"/runs/{json.loads(waiting.stdout)['runId']}")  # ends the run (and the stream the CLI left)


def test_validate_exits_2_for_an_invalid_gw_yaml_and_points_invoke_at_its_pipeline_line(workdir):
    import subprocess
    from conftest import GW_BIN
    (workdir / "pipelines").mkdir()
    (workdir / "gw.yaml").write_text("listen: 127.0.0.1:0\nauth:\n  tokns: []\n")
    bad_config = subprocess.run([GW_BIN, "validate"], cwd=workdir, capture_output=True, text=True)
    assert bad_config.returncode == 2, bad_config.stderr
    assert "gw.yaml:3:3: unknown key 'tokns'" in bad_config.stderr
    (workdir / "gw.yaml").write_text("listen: 127.0.0.1:0\n")
    (workdir / "pipelines" / "a.yaml").write_text(
        "id: a\nsteps:\n  - id: call\n    kind: invoke\n    pipeline: ghost\n")
    bad_invoke = subprocess.run([GW_BIN, "validate"], cwd=workdir, capture_output=True, text=True)
    assert bad_invoke.returncode == 2
    assert "a.yaml:5:15: invoke of unknown pipeline 'ghost'" in bad_invoke.stderr


def test_man_pages_answer_to_git_style_names_once_installed(workdir):
    import os
    import pathlib
    import shutil
    import subprocess
    from conftest import GW_BIN
    root = pathlib.Path(__file__).resolve().parents[2]
    assert (root / "man/gw-runs-approve.1").exists()
    assert not (root / "man/gw.runs.approve.1").exists()
    assert ".Dt GW-RUNS-APPROVE 1" in (root / "man/gw-runs-approve.1").read_text()
    prefix = workdir / "prefix"
    env = dict(os.environ, GW_BIN=GW_BIN, PATH=f"{prefix}/bin:{os.environ['PATH']}")
    installed = subprocess.run([str(root / "scripts/install"), str(prefix)], env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    man1 = prefix / "share/man/man1"
    assert (man1 / "gw-runs-approve.1").is_file()
    assert os.readlink(man1 / "gw.runs.approve.1") == "gw-runs-approve.1"
    if shutil.which("man"):
        # With the prefix's bin on PATH, man finds its pages by the git-style name (no MANPATH needed).
        found = subprocess.run(["man", "-w", "gw-runs-approve"], env=env, capture_output=True, text=True)
        assert found.returncode == 0 and found.stdout.strip() == str(man1 / "gw-runs-approve.1"), found.stderr
