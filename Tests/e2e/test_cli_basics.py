"""The gw binary as a client: output formats and exit codes of DESIGN §8."""
import json
import os
import stat
import subprocess

from conftest import GW_BIN


def test_health_prints_status_and_version(gateway):
    result = gateway.cli("health")
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout
    data = json.loads(gateway.cli("health", "-o", "json").stdout)
    assert data["status"] == "ok" and data["version"]


def test_status_shows_the_gateway_on_one_screen(gateway):
    result = gateway.cli("status")
    assert result.returncode == 0, result.stderr
    assert "Paused" in result.stdout and "Pipelines" in result.stdout
    data = json.loads(gateway.cli("status", "--output", "json").stdout)
    assert data["pipelines"] == 1 and data["paused"] is False
    yaml_out = gateway.cli("status", "-o", "yaml").stdout
    assert "paused: false" in yaml_out


def test_pause_and_resume_through_the_cli(gateway):
    assert gateway.cli("gateway", "pause", "--reason", "maintenance").returncode == 0
    assert json.loads(gateway.cli("status", "-o", "json").stdout)["paused"] is True
    assert gateway.cli("gateway", "resume").returncode == 0
    assert json.loads(gateway.cli("status", "-o", "json").stdout)["paused"] is False


def test_a_read_token_cannot_pause_exit_7(gateway):
    result = gateway.cli("gateway", "pause", token="tok-read")
    assert result.returncode == 7
    assert "forbidden" in result.stderr


def test_a_bad_token_exits_7(gateway):
    result = gateway.cli("status", token="wrong")
    assert result.returncode == 7
    assert result.stderr.startswith("gw: ")


def test_an_unreachable_gateway_exits_8():
    env = dict(os.environ, GW_ADDR="http://127.0.0.1:1", GW_TOKEN="x")
    result = subprocess.run([GW_BIN, "health"], capture_output=True, text=True, env=env, timeout=30)
    assert result.returncode == 8
    assert "cannot reach the gateway" in result.stderr


def test_usage_errors_exit_2():
    result = subprocess.run([GW_BIN, "status", "--output", "xml"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    result = subprocess.run([GW_BIN, "no-such-command"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2


def test_pipelines_list_prints_a_table_and_json(gateway):
    result = gateway.cli("pipelines", "list")
    assert result.returncode == 0, result.stderr
    assert "hello" in result.stdout
    data = json.loads(gateway.cli("pipelines", "list", "-o", "json").stdout)
    assert [p["id"] for p in data] == ["hello"]


def test_an_unknown_session_is_reported_cleanly(gateway):
    result = gateway.cli("sessions", "get", "s-missing")
    assert result.returncode == 6
    assert "not found" in result.stderr
    assert "Traceback" not in result.stderr and "Fatal" not in result.stderr


def test_token_file_fallbacks(gateway, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text("tok-read\n")
    result = gateway.cli("status", token=None, env={"GW_TOKEN_FILE": str(token_file)})
    assert result.returncode == 0, result.stderr


def test_help_has_examples_for_every_group():
    for group in ["serve", "validate", "health", "status", "gateway pause", "pipelines run", "runs list",
                  "approvals approve", "schedules add", "sessions prune", "debug release", "audit verify"]:
        result = subprocess.run([GW_BIN, *group.split(), "--help"], capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, group
        assert "gw " in result.stdout and "Example" in result.stdout, f"{group} --help has no example"
