"""Issue 3 figures against a running gateway (GW_URL, TOKEN): sync run latency, start throughput,
exec overhead, start → first SSE event, RSS after the burst (GW_PID)."""
import asyncio
import os
import statistics
import sys
import time

import httpx

URL, TOKEN = os.environ["GW_URL"], os.environ["TOKEN"]
HEADERS = {"Authorization": f"Bearer {TOKEN}"}
N_STARTS = int(os.environ.get("BENCH_STARTS", "10000"))
CONCURRENCY = 32


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def sync_run_latency(client, pipeline, n):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.post(f"/pipelines/{pipeline}/run")
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200 and response.json()["status"] == "completed", response.text
    return times


async def start_burst():
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(base_url=URL, headers=HEADERS, limits=limits, timeout=60) as client:
        queue = asyncio.Queue()
        for _ in range(N_STARTS):
            queue.put_nowait(None)
        ids = []

        async def worker():
            while not queue.empty():
                queue.get_nowait()
                response = await client.post("/pipelines/three/start")
                assert response.status_code == 202, response.text
                ids.append(response.json()["runId"])

        start = time.perf_counter()
        await asyncio.gather(*[worker() for _ in range(CONCURRENCY)])
        accepted = time.perf_counter() - start
        while True:
            state = (await client.get("/gateway")).json()
            if state["runsInFlight"] == 0:
                break
            await asyncio.sleep(0.02)
        done = time.perf_counter() - start
        last = (await client.get(f"/runs/{ids[-1]}/events", headers={"Accept": "application/json"})).json()["events"]
        assert len(last) == 9 and last[-1]["type"] == "run.completed"
        return accepted, done


def first_event_latency(n):
    times = []
    with httpx.Client(base_url=URL, headers=HEADERS, timeout=30) as client:
        for _ in range(n):
            start = time.perf_counter()
            run_id = client.post("/pipelines/setone/start").json()["runId"]
            with client.stream("GET", f"/runs/{run_id}/events") as stream:
                for line in stream.iter_lines():
                    if line.startswith("id:"):
                        times.append((time.perf_counter() - start) * 1000)
                        break
    return times


def rss_mb():
    with open(f"/proc/{os.environ['GW_PID']}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return -1


def main():
    rows = []
    with httpx.Client(base_url=URL, headers=HEADERS, timeout=60) as client:
        sync_run_latency(client, "three", 50)
        lat = sync_run_latency(client, "three", 500)
        rows.append(("sync run 3-step set p50", f"{statistics.median(lat):.2f} ms", "<2 ms"))
        rows.append(("sync run 3-step set p99", f"{pct(lat, 99):.2f} ms", "-"))
        set1 = sync_run_latency(client, "setone", 300)
        ex = sync_run_latency(client, "exectrue", 300)
        rows.append(("exec `true` step overhead p50", f"{statistics.median(ex) - statistics.median(set1):.2f} ms", "-"))
    accepted, done = asyncio.run(start_burst())
    rows.append((f"{N_STARTS} starts at c={CONCURRENCY}, all completed", f"{N_STARTS / done:.0f} runs/s", ">=2000 runs/s"))
    rows.append(("  (starts accepted)", f"{N_STARTS / accepted:.0f} starts/s", "-"))
    rows.append((f"RSS after {N_STARTS} runs", f"{rss_mb()} MB", "-"))
    fe = first_event_latency(200)
    rows.append(("start -> first SSE event p50", f"{statistics.median(fe):.2f} ms", "-"))
    print("figure\tvalue\tgoal")
    for row in rows:
        print("\t".join(row))


if __name__ == "__main__":
    sys.exit(main())
