"""Issue 6 figure: ACP round-trip overhead of an `agent` step for a one-line prompt to the test agent
(Tests/e2e/agents/echo_agent.py, built on the agent-client-protocol SDK), its process already running.

Three measurements, N sequential samples each after a warm-up:
  direct  — a minimal raw JSON-RPC client on the agent's stdio: session/prompt until its answer (the agent's own cost)
  step    — the agent step's time inside gw (step.started → step.completed, from the run's events: 1 ms resolution)
  runs    — POST /pipelines/<id>/run latency of the agent pipeline and of a one-`set`-step pipeline
gw's ACP overhead ≈ step − direct; end to end, agent run − set run − direct.
"""
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime

import httpx

ROOT = pathlib.Path(__file__).resolve().parents[1]
GW_BIN = os.environ.get("GW_BIN", str(ROOT / ".build-release/release/gw"))
AGENT = ROOT / "Tests/e2e/agents/echo_agent.py"
N = int(os.environ.get("N", "200"))
HEADERS = {"Authorization": "Bearer bench-token"}


def direct(state):
    proc = subprocess.Popen([sys.executable, str(AGENT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=dict(os.environ, ECHO_STATE=state), cwd=state)
    ids = iter(range(1, 10**6))

    def call(method, params):
        i = next(ids)
        proc.stdin.write((json.dumps({"jsonrpc": "2.0", "id": i, "method": method, "params": params}) + "\n").encode())
        proc.stdin.flush()
        while True:
            message = json.loads(proc.stdout.readline())
            if message.get("id") == i:
                return message["result"]

    call("initialize", {"protocolVersion": 1, "clientCapabilities": {}})
    sid = call("session/new", {"cwd": state, "mcpServers": []})["sessionId"]
    samples = []
    for k in range(N + 20):
        started = time.perf_counter()
        call("session/prompt", {"sessionId": sid, "prompt": [{"type": "text", "text": f"hello {k}"}]})
        samples.append(time.perf_counter() - started)
    proc.stdin.close()
    proc.wait()
    return samples[20:]


def start_gateway(directory):
    (directory / "pipelines").mkdir(parents=True)
    (directory / "pipelines/talk.yaml").write_text(
        "id: talk\nsteps:\n  - { id: a, kind: agent, agent: echo, prompt: '${{ input.prompt }}', session: bench }\n")
    (directory / "pipelines/noop.yaml").write_text("id: noop\nsteps:\n  - { id: a, kind: set, values: { v: 1 } }\n")
    (directory / "gw.yaml").write_text(
        "listen: 127.0.0.1:0\nauth:\n  tokens:\n    - { name: bench, token: bench-token, scopes: [admin] }\n"
        f"agents:\n  echo:\n    command: [{json.dumps(sys.executable)}, {json.dumps(str(AGENT))}]\n"
        f"    env: {{ ECHO_STATE: {json.dumps(str(directory / 'echo'))} }}\n")
    proc = subprocess.Popen([GW_BIN, "serve", "--config", str(directory / "gw.yaml")], stdout=subprocess.PIPE,
                            stderr=open(directory / "log", "wb"))
    while True:
        match = re.search(r"(http://[0-9.:]+)", proc.stdout.readline().decode())
        if match:
            return proc, match.group(1)
        if proc.poll() is not None:
            sys.exit((directory / "log").read_text())


def through_gw(url, pipeline):
    runs, steps = [], []
    with httpx.Client(base_url=url, headers=HEADERS, timeout=30) as c:
        for k in range(N + 20):
            started = time.perf_counter()
            record = c.post(f"/pipelines/{pipeline}/run", json={"input": {"prompt": f"hello {k}"}}).json()
            runs.append(time.perf_counter() - started)
            assert record["status"] == "completed", record
            if pipeline == "talk":
                events = c.get(f"/runs/{record['runId']}/events", headers={"Accept": "application/json"}).json()["events"]
                at = {e["type"]: datetime.fromisoformat(e["at"].replace("Z", "+00:00")) for e in events}
                steps.append((at["step.completed"] - at["step.started"]).total_seconds())
    return runs[20:], steps[20:]


def show(label, samples):
    q = statistics.quantiles(samples, n=100)
    print(f"  {label:<28} p50 {statistics.median(samples) * 1000:7.2f} ms   p99 {q[98] * 1000:7.2f} ms")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        directory = pathlib.Path(tmp)
        (directory / "direct").mkdir()
        d = direct(str(directory / "direct"))
        proc, url = start_gateway(directory / "gw")
        try:
            talk, steps = through_gw(url, "talk")
            noop, _ = through_gw(url, "noop")
        finally:
            proc.terminate()
            proc.wait()
    print(f"ACP round trip, one-line prompt, warm agent process, {N} sequential samples each:")
    show("direct JSON-RPC client", d)
    show("agent step inside gw (1 ms)", steps)
    show("run: agent pipeline", talk)
    show("run: one set step", noop)
    med = statistics.median
    print(f"  gw ACP overhead (step - direct):            {(med(steps) - med(d)) * 1000:6.2f} ms p50")
    print(f"  end to end (agent run - set run - direct):  {(med(talk) - med(noop) - med(d)) * 1000:6.2f} ms p50")
    print("figure\tvalue\tgoal\tpeer\tratio")
    print(f"ACP one-line prompt, agent step p50 (warm agent)\t{med(steps) * 1000:.2f} ms\t-\t"
          f"{med(d) * 1000:.2f} ms (raw JSON-RPC client)\t-")
    print(f"ACP overhead gw adds (agent run - set run - direct) p50\t{(med(talk) - med(noop) - med(d)) * 1000:.2f} ms\t-\t-\t-")


if __name__ == "__main__":
    main()
