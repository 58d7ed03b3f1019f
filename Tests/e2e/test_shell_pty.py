"""`gw shell` and `gw runs watch` driven through a real pseudo-terminal (pexpect)."""
import os
import re
import subprocess
import time

import pexpect
import pytest

from conftest import GW_BIN, HELLO

SLOW = """\
id: slow
steps:
  - id: first
    kind: exec
    command: [echo, warming up]
  - id: nap
    kind: exec
    command: [sleep, "2"]
  - id: last
    kind: exec
    command: [echo, finished]
"""

PROMPT = re.compile(r"gw 127\.0\.0\.1:\d+[^>\r\n]*> ")


@pytest.fixture
def gw(make_gateway):
    return make_gateway(pipelines={"hello.yaml": HELLO, "slow.yaml": SLOW}).start()


def spawn(gateway, *args, history=None):
    env = dict(os.environ, GW_ADDR=gateway.url, GW_TOKEN="tok-admin", NO_COLOR="1", TERM="xterm")
    if history:
        env["GW_HISTORY"] = str(history)
    child = pexpect.spawn(GW_BIN, list(args), env=env, cwd=str(gateway.dir), encoding="utf-8",
                          dimensions=(40, 140), timeout=15)
    return child


def start_run(gateway, pipeline):
    with gateway.client() as http:
        return http.post(f"/pipelines/{pipeline}/start", json={"input": {}}).json()["runId"]


def test_a_command_runs_and_history_survives_a_restart(gw):
    history = gw.dir / "history"
    shell = spawn(gw, "shell", history=history)
    shell.expect(PROMPT)
    shell.sendline("pipelines list")
    shell.expect("hello")
    shell.expect(PROMPT)
    shell.sendcontrol("d")
    shell.expect(pexpect.EOF)
    assert "pipelines\\040list" in history.read_text()  # libedit's history format

    again = spawn(gw, "shell", history=history)
    again.expect(PROMPT)
    again.send("\x1b[A")  # up arrow: the previous session's line comes back
    again.expect("pipelines list")
    again.sendline("")
    again.expect("slow")
    again.expect(PROMPT)
    again.sendline("exit")
    again.expect(pexpect.EOF)


def test_tab_completes_a_command_a_flag_and_a_live_run_id(gw):
    # libedit redraws the line as it completes, so each completion is checked by running the line.
    run_id = start_run(gw, "hello")
    shell = spawn(gw, "shell")
    shell.expect(PROMPT)
    shell.send("pipel\t")
    shell.expect("ines ")
    shell.send("list --out\t")
    shell.expect("put ")
    shell.sendline("json")
    shell.expect(r'"id" : "slow"')
    shell.expect(PROMPT)
    shell.send("runs get " + run_id[:-3] + "\t")
    shell.expect(run_id[-3:])
    shell.sendline("")
    shell.expect(r"Run ID\s+" + run_id)
    shell.expect(PROMPT)
    shell.sendline("exit")
    shell.expect(pexpect.EOF)


def test_ctrl_c_stops_runs_watch_and_the_shell_goes_on(gw):
    run_id = start_run(gw, "slow")
    shell = spawn(gw, "shell")
    shell.expect(PROMPT)
    shell.sendline(f"runs watch {run_id}")
    shell.expect("nap")
    shell.sendcontrol("c")
    shell.expect("interrupted")
    shell.expect(PROMPT)
    shell.sendline("health")
    shell.expect("ok")
    shell.expect(PROMPT)
    shell.sendline("exit")
    shell.expect(pexpect.EOF)


def test_a_bad_command_prints_an_error_and_the_prompt_returns(gw):
    shell = spawn(gw, "shell")
    shell.expect(PROMPT)
    shell.sendline("frobnicate now")
    shell.expect("Error")
    shell.expect(PROMPT)
    shell.sendline("runs get no-such-run")
    shell.expect("not_found")
    shell.expect(PROMPT)
    shell.sendline("exit")
    shell.expect(pexpect.EOF)


def test_prompt_shows_paused_and_pending_approvals(gw):
    shell = spawn(gw, "shell")
    shell.expect(PROMPT)
    shell.sendline("gateway pause")
    shell.expect(r"\[paused[^\]]*\]> ")
    shell.sendline("gateway resume")
    shell.expect(PROMPT)
    shell.sendline("exit")
    shell.expect(pexpect.EOF)


def test_runs_watch_on_a_pty_shows_a_step_turning_completed(gw):
    run_id = start_run(gw, "slow")
    watch = spawn(gw, "runs", "watch", run_id)
    watch.expect(r"▶ nap\s+running")
    watch.expect(r"✔ nap\s+completed")
    watch.expect(r"✔ last\s+completed\s+\S+\s+finished")
    watch.expect(pexpect.EOF)
    watch.close()
    assert watch.exitstatus == 0


def test_runs_watch_on_a_pipe_prints_plain_lines(gw):
    run_id = start_run(gw, "slow")
    result = gw.cli("runs", "watch", run_id)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stderr + result.stdout
    assert re.search(r"^\d+\s+step\.completed\s+nap", result.stderr, re.M), result.stderr
    assert "completed" in result.stdout


def test_start_follow_on_a_pty_shows_the_live_view(gw):
    follow = spawn(gw, "pipelines", "start", "slow", "--follow")
    follow.expect("started run")
    follow.expect(r"✔ first\s+completed")
    follow.expect(r"run \S+\s+slow\s+completed")
    follow.expect(pexpect.EOF)
    follow.close()
    assert follow.exitstatus == 0
