"""Fixtures that start a real `gw serve` (the built binary) on an ephemeral port."""
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time

import httpx
import pytest

GW_BIN = os.environ.get("GW_BIN", str(pathlib.Path(__file__).resolve().parents[2] / ".build/debug/gw"))

TOKENS = {"read": "tok-read", "operate": "tok-operate", "admin": "tok-admin"}

DEFAULT_CONFIG = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: reader, token: tok-read, scopes: [read] }
    - { name: operator, token: tok-operate, scopes: [operate] }
    - { name: alice, token: tok-admin, scopes: [admin] }
exec:
  allow: [echo, "true", sleep]
"""

HELLO = """\
id: hello
description: says hello
openai: true
steps:
  - id: greet
    kind: set
    values: { content: "hello" }
"""


class Gateway:
    """A running `gw serve` process."""

    def __init__(self, directory, config=DEFAULT_CONFIG, pipelines=None, env=None):
        self.dir = pathlib.Path(directory)
        (self.dir / "pipelines").mkdir(parents=True, exist_ok=True)
        (self.dir / "gw.yaml").write_text(config)
        for name, text in (pipelines or {"hello.yaml": HELLO}).items():
            (self.dir / "pipelines" / name).write_text(text)
        self.env = dict(os.environ, **(env or {}))
        self.env.pop("GW_TOKEN", None)
        self.proc = None
        self.url = None

    def start(self, timeout=20):
        self.log = open(self.dir / "serve.log", "ab")
        self.proc = subprocess.Popen(
            [GW_BIN, "serve", "--config", str(self.dir / "gw.yaml")],
            stdout=subprocess.PIPE, stderr=self.log, env=self.env, cwd=self.dir)
        deadline = time.time() + timeout
        while time.time() < deadline:
            line = self.proc.stdout.readline().decode()
            match = re.search(r"gw listening on (http://\S+)", line)
            if match:
                self.url = match.group(1)
                return self
            if self.proc.poll() is not None:
                raise RuntimeError(f"gw serve exited {self.proc.returncode}: {(self.dir / 'serve.log').read_text()}")
        raise RuntimeError("gw serve did not print its address")

    def stop(self, sig=signal.SIGTERM):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "log", None):
            self.log.close()

    def client(self, token="tok-admin"):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30)

    def cli(self, *args, token="tok-admin", env=None, input=None, timeout=60):
        """Runs `gw ARGS…` against this gateway; returns the CompletedProcess."""
        full_env = dict(os.environ, GW_ADDR=self.url, NO_COLOR="1", **(env or {}))
        if token is not None:
            full_env["GW_TOKEN"] = token
        else:
            full_env.pop("GW_TOKEN", None)
        return subprocess.run([GW_BIN, *args], capture_output=True, text=True, env=full_env,
                              input=input, timeout=timeout, cwd=self.dir)


@pytest.fixture
def workdir():
    path = tempfile.mkdtemp(prefix="gw-e2e-")
    yield pathlib.Path(path)
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def gateway(workdir):
    gw = Gateway(workdir).start()
    yield gw
    gw.stop()


@pytest.fixture
def make_gateway(workdir):
    """Factory for gateways with a custom config/pipelines; all are stopped at the end."""
    started = []

    def make(config=DEFAULT_CONFIG, pipelines=None, env=None, subdir="gw"):
        gw = Gateway(workdir / subdir, config=config, pipelines=pipelines, env=env)
        started.append(gw)
        return gw

    yield make
    for gw in started:
        gw.stop()


def wait_for(client, run_id, predicate, timeout=30):
    """Polls GET /runs/:id until predicate(run) holds; fails with the last record."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        run = client.get(f"/runs/{run_id}").json()
        if predicate(run):
            return run
        time.sleep(0.05)
    raise AssertionError(f"run {run_id} never reached the state: {client.get(f'/runs/{run_id}').json()}")
