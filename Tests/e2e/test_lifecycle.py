"""gw serve start-up, refusal, signals and persisted state."""
import json
import os
import signal
import stat
import subprocess
import time

import httpx

from conftest import GW_BIN, Gateway


def test_an_invalid_config_refuses_to_start_naming_the_key(workdir):
    gw = Gateway(workdir, config="listen: 127.0.0.1:0\nlisen: oops\n")
    result = subprocess.run([GW_BIN, "serve", "--config", str(gw.dir / "gw.yaml")], capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 1
    assert "gw.yaml:2:1: unknown key 'lisen'" in result.stderr


def test_invalid_pipelines_refuse_to_start_and_print_every_error(workdir):
    gw = Gateway(workdir, pipelines={
        "a.yaml": "id: a\nsteps:\n  - { id: x, kind: teleport }\n",
        "b.yaml": "id: b\nbogus: 1\n",
    })
    result = subprocess.run([GW_BIN, "serve", "--config", str(gw.dir / "gw.yaml")], capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 1
    assert "a.yaml:3:" in result.stderr and "teleport" in result.stderr
    assert "b.yaml:2:1: unknown key 'bogus'" in result.stderr


def test_sigterm_stops_the_gateway_cleanly(workdir):
    gw = Gateway(workdir).start()
    gw.proc.send_signal(signal.SIGTERM)
    assert gw.proc.wait(timeout=35) == 0


def test_sighup_reloads_the_pipelines(workdir):
    gw = Gateway(workdir).start()
    try:
        (gw.dir / "pipelines" / "second.yaml").write_text("id: second\nsteps: []\n")
        gw.proc.send_signal(signal.SIGHUP)
        with gw.client() as client:
            for _ in range(50):
                if client.get("/gateway").json()["pipelines"] == 2:
                    break
                time.sleep(0.1)
            assert client.get("/gateway").json()["pipelines"] == 2
    finally:
        gw.stop()


def test_pause_survives_a_kill_9_and_restart(workdir):
    gw = Gateway(workdir).start()
    with gw.client() as client:
        assert client.post("/gateway/pause").json() == {"paused": True}
    gw.stop(signal.SIGKILL)
    gw.start()
    try:
        with gw.client() as client:
            assert client.get("/gateway").json()["paused"] is True
    finally:
        gw.stop()


def test_without_tokens_a_private_admin_token_is_written(workdir):
    gw = Gateway(workdir, config="listen: 127.0.0.1:0\n").start()
    try:
        token_path = gw.dir / ".gw" / "admin.token"
        assert stat.S_IMODE(token_path.stat().st_mode) == 0o600
        token = token_path.read_text().strip()
        assert token not in (gw.dir / "serve.log").read_text(), "the token must never be logged"
        assert "admin.token" in (gw.dir / "serve.log").read_text()
        assert httpx.get(gw.url + "/gateway").status_code == 401
        assert httpx.get(gw.url + "/gateway", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        # The CLI finds .gw/admin.token in the working directory by itself.
        result = gw.cli("status", "-o", "json", token=None)
        assert result.returncode == 0, result.stderr
    finally:
        gw.stop()


def test_listen_flag_and_env_override_the_config(workdir):
    gw = Gateway(workdir, config="listen: 127.0.0.1:1\nauth:\n  tokens:\n    - { name: a, token: t, scopes: [admin] }\n",
                 env={"GW_LISTEN": "127.0.0.1:0"}).start()
    try:
        assert not gw.url.endswith(":1")
        assert httpx.get(gw.url + "/health").json()["status"] == "ok"
    finally:
        gw.stop()


def test_validate_reports_file_line_col_and_exit_codes(workdir):
    gw = Gateway(workdir, pipelines={"ok.yaml": "id: ok\nsteps: []\n"})
    good = subprocess.run([GW_BIN, "validate", "--config", str(gw.dir / "gw.yaml")], capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    bad_file = gw.dir / "bad.yaml"
    bad_file.write_text("id: Bad Id\nsteps: []\n")
    bad = subprocess.run([GW_BIN, "validate", str(bad_file)], capture_output=True, text=True)
    assert bad.returncode == 2
    assert f"{bad_file}:1:5:" in bad.stderr
