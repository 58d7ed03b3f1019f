"""Issue 4 figures against a gateway started by bench/approvals.sh: approve → next step started latency,
RSS with N runs waiting on approvals, restart-to-ready, GET /approvals latency."""
import json
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

URL, TOKEN = os.environ["GW_URL"], os.environ["TOKEN"]
H = {"Authorization": f"Bearer {TOKEN}"}
N = int(os.environ.get("BENCH_WAITING", "10000"))


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) // 1024 for l in f if l.startswith("VmRSS"))


def approve_latency(client, n=200):
    times = []
    for _ in range(n):
        run_id = client.post("/pipelines/gate/start").json()["runId"]
        while client.get(f"/runs/{run_id}").json()["status"] != "waiting":
            time.sleep(0.001)
        start = time.perf_counter()
        with client.stream("GET", f"/runs/{run_id}/events?since=5") as events:
            client.post(f"/runs/{run_id}/approve")
            for line in events.iter_lines():
                if line.startswith("data:") and '"stepId":"next"' in line and "step.started" in line:
                    times.append((time.perf_counter() - start) * 1000)
                    break
    return times


def fill(n):
    def start(_):
        with httpx.Client(base_url=URL, headers=H, timeout=60) as c:
            for _ in range(n // 16):
                c.post("/pipelines/gate/start")
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(start, range(16)))
    with httpx.Client(base_url=URL, headers=H, timeout=60) as c:
        while len(c.get("/approvals").json()) < (n // 16) * 16:
            time.sleep(0.2)


def main():
    rows = []
    with httpx.Client(base_url=URL, headers=H, timeout=60) as client:
        lat = approve_latency(client)
        rows.append(("approve -> next step started p50", f"{statistics.median(lat):.2f} ms", "-"))
        rows.append(("approve -> next step started p99", f"{pct(lat, 99):.2f} ms", "-"))
    fill(N)
    rows.append((f"RSS with {N} runs waiting on approvals", f"{rss_mb(os.environ['GW_PID'])} MB", "<150 MB"))
    with httpx.Client(base_url=URL, headers=H, timeout=60) as client:
        times = []
        for _ in range(20):
            start = time.perf_counter()
            assert len(client.get("/approvals").json()) >= N
            times.append((time.perf_counter() - start) * 1000)
        rows.append((f"GET /approvals with {N} pending p50", f"{statistics.median(times):.1f} ms", "-"))
    print("\n".join("\t".join(r) for r in rows))


if __name__ == "__main__":
    sys.exit(main())
