"""Completions and man pages: the committed files match the command tree, man pages lint clean,
and the completion scripts call back into gw for live ids."""
import filecmp
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import GW_BIN

ROOT = pathlib.Path(__file__).resolve().parents[2]
REGENERATE = "run ./scripts/generate-docs and commit completions/ and man/"


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("docs")
    subprocess.run([str(ROOT / "scripts/generate-docs"), "--out", str(out)], check=True, cwd=ROOT,
                   env=dict(os.environ, GW_BIN=GW_BIN), capture_output=True, timeout=300)
    return out


def differences(committed, fresh):
    compare = filecmp.dircmp(committed, fresh)
    return sorted(compare.left_only + compare.right_only + compare.diff_files)


def test_completions_match_the_command_tree(regenerated):
    changed = differences(ROOT / "completions", regenerated / "completions")
    assert not changed, f"completions/ is out of date ({', '.join(changed)}): {REGENERATE}"


def test_man_pages_match_the_command_tree(regenerated):
    changed = differences(ROOT / "man", regenerated / "man")
    assert not changed, f"man/ is out of date ({', '.join(changed)}): {REGENERATE}"


@pytest.mark.skipif(shutil.which("mandoc") is None, reason="mandoc is not installed (apt install mandoc)")
def test_man_pages_render_without_warnings():
    pages = sorted(str(p) for p in (ROOT / "man").glob("*.1"))
    assert len(pages) > 20
    lint = subprocess.run(["mandoc", "-T", "lint", "-W", "warning", *pages], capture_output=True, text=True)
    assert lint.stdout + lint.stderr == ""


def test_root_man_page_has_environment_files_and_exit_status():
    page = (ROOT / "man/gw.1").read_text()
    for section in (".Sh ENVIRONMENT", ".Sh FILES", '.Sh "EXIT STATUS"'):
        assert section in page
    for name in ("GW_ADDR", "GW_TOKEN_FILE", "GW_HISTORY", "NO_COLOR", ".gw/admin.token", "~/.gw_history"):
        assert name in page
    assert ".It 8\nThe gateway could not be reached." in page


def test_every_group_has_a_page():
    for group in ("pipelines", "runs", "approvals", "triggers", "schedules", "sessions", "debug", "audit",
                  "gateway", "shell", "status"):
        assert (ROOT / f"man/gw-{group}.1").exists(), group


def test_completion_scripts_are_valid_shell():
    assert subprocess.run(["bash", "-n", str(ROOT / "completions/gw.bash")]).returncode == 0
    if shutil.which("zsh"):
        assert subprocess.run(["zsh", "-n", str(ROOT / "completions/_gw")]).returncode == 0
    if shutil.which("fish"):
        assert subprocess.run(["fish", "--no-execute", str(ROOT / "completions/gw.fish")]).returncode == 0


def test_completion_callback_lists_live_run_ids(gateway):
    with gateway.client() as http:
        run_id = http.post("/pipelines/hello/start", json={"input": {}}).json()["runId"]
    # What the generated scripts run to complete `gw runs get <TAB>` (argument-parser's callback).
    result = gateway.cli("---completion", "runs", "get", "--", "positional@0", "3", "0", "gw", "runs", "get", "")
    assert result.returncode == 0, result.stderr
    assert run_id in result.stdout.split()


def test_completion_callback_prints_nothing_without_a_gateway():
    env = dict(os.environ, GW_ADDR="http://127.0.0.1:9")
    result = subprocess.run([GW_BIN, "---completion", "runs", "get", "--", "positional@0", "3", "0", "gw", "runs", "get", ""],
                            capture_output=True, text=True, env=env, timeout=20)
    assert result.stdout.strip() == ""
