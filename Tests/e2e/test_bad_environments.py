"""Bad environments (issue 8): gw serve refuses with a clear message and a non-zero exit, and leaves the
existing state as it was: read-only or unusable state folder, port in use, corrupt gw.yaml, a database
written by a newer gw, a full disk (a small tmpfs; skipped where this machine cannot mount one)."""
import os
import pathlib
import socket
import sqlite3
import subprocess
import uuid

import pytest

from conftest import GW_BIN, Gateway, wait_for

BASE = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: alice, token: tok-admin, scopes: [admin] }
"""
QUICK = {"quick.yaml": "id: quick\nsteps:\n  - { id: a, kind: set, values: { v: 1 } }\n"}


def serve(directory, config_text, timeout=20):
    """Runs `gw serve` expecting it to refuse; returns (exit code, stderr)."""
    config = pathlib.Path(directory) / "gw.yaml"
    config.write_text(config_text)
    (pathlib.Path(directory) / "pipelines").mkdir(exist_ok=True)
    proc = subprocess.run([GW_BIN, "serve", "--config", str(config)], capture_output=True, text=True,
                          timeout=timeout, cwd=directory)
    return proc.returncode, proc.stderr


def seeded(directory, config):
    """A gateway that ran one run and stopped cleanly; returns (gateway, runId)."""
    gw = Gateway(directory, config=config, pipelines=QUICK).start()
    with gw.client() as c:
        run_id = c.post("/pipelines/quick/run", json={"input": {}}).json()["runId"]
    gw.stop()
    return gw, run_id


def assert_still_there(gw, run_id):
    gw.start()
    try:
        with gw.client() as c:
            assert c.get(f"/runs/{run_id}").json()["status"] == "completed"
    finally:
        gw.stop()


@pytest.fixture
def tmpfs(workdir):
    """A 4 MiB tmpfs mounted in the work folder; unmounted afterwards."""
    mount = workdir / "mnt"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}): read-only and full-disk cases need one")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_read_only_state_dir_is_refused_and_left_untouched(workdir, tmpfs):
    gw, run_id = seeded(workdir / "gw", BASE + f"stateDir: {tmpfs}/state\n")
    before = sorted(p.name for p in (tmpfs / "state").iterdir())
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    code, err = serve(workdir / "gw", BASE + f"stateDir: {tmpfs}/state\n")
    assert code != 0 and "not writable" in err and str(tmpfs / "state") in err, err
    subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    assert sorted(p.name for p in (tmpfs / "state").iterdir()) == before
    assert_still_there(gw, run_id)


def test_a_missing_state_dir_is_created_but_an_unusable_one_is_named(workdir):
    nested = workdir / "a" / "b" / "state"
    gw = Gateway(workdir / "gw", config=BASE + f"stateDir: {nested}\n", pipelines=QUICK).start()
    gw.stop()
    assert (nested / "gw.sqlite").exists()
    blocker = workdir / "file"
    blocker.write_text("not a folder")
    code, err = serve(workdir / "gw", BASE + f"stateDir: {blocker}\n")
    assert code != 0 and "not a directory" in err, err
    code, err = serve(workdir / "gw", BASE + f"stateDir: {blocker}/state\n")
    assert code != 0 and "cannot create stateDir" in err, err


def test_a_port_in_use_is_named(workdir):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        code, err = serve(workdir, BASE.replace("127.0.0.1:0", f"127.0.0.1:{port}"))
    assert code != 0, err
    assert f"127.0.0.1:{port}" in err and "in use" in err.lower(), err


@pytest.mark.parametrize("text, words", [
    ("listen: [127.0.0.1\nauth: {", ["gw.yaml"]),
    ("listen: 127.0.0.1:0\nlisten_typo: 1\n", ["listen_typo"]),
    ("\x00\x01\x02 binary", ["gw.yaml"]),
])
def test_a_corrupt_config_is_refused_with_its_name(workdir, text, words):
    code, err = serve(workdir, text)
    assert code != 0, err
    for word in words:
        assert word in err, err


def test_a_database_from_a_newer_gw_is_refused_and_not_touched(workdir):
    gw, run_id = seeded(workdir / "gw", BASE)
    path = workdir / "gw" / ".gw" / "gw.sqlite"
    db = sqlite3.connect(path)
    db.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
    db.commit()
    db.close()
    code, err = serve(workdir / "gw", BASE)
    assert code != 0 and "newer version" in err, err
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v99-from-the-future'").fetchone()[0] == 1
    assert db.execute("SELECT status FROM runs WHERE run_id = ?", (run_id,)).fetchone()[0] == "completed"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def fill(mount):
    """Fills the tmpfs; returns the filler file."""
    filler = mount / "filler"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_at_start_is_refused(workdir, tmpfs):
    filler = fill(tmpfs)
    code, err = serve(workdir, BASE + f"stateDir: {tmpfs}/state\n")
    assert code != 0 and str(tmpfs / "state") in err, err
    filler.unlink()


def test_a_disk_filling_up_under_load_loses_nothing_acknowledged(workdir, tmpfs):
    gw = Gateway(workdir / "gw", config=BASE + f"stateDir: {tmpfs}/state\n", pipelines=QUICK).start()
    acknowledged, refused = [], 0
    blob = "x" * 200_000
    with gw.client() as c:
        for i in range(40):
            r = c.post("/pipelines/quick/start", json={"input": {"blob": blob, "i": i}},
                       headers={"Idempotency-Key": uuid.uuid4().hex})
            if r.status_code == 202:
                acknowledged.append(r.json()["runId"])
            else:
                refused += 1
                assert r.status_code >= 500 and r.json()["error"]["message"], r.text
        assert refused > 0, "the 4 MiB disk never filled"
        assert c.get("/health").status_code == 200, "the gateway must survive a full disk"
    gw.stop()
    subprocess.run(["mount", "-o", "remount,size=64m", str(tmpfs)], check=True)
    gw.start()
    try:
        with gw.client() as c:
            for run_id in acknowledged:
                wait_for(c, run_id, lambda r: r["status"] == "completed")
    finally:
        gw.stop()
    db = sqlite3.connect(tmpfs / "state" / "gw.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
