"""Issue 3 figures against a running gateway (GW_URL, TOKEN): sync run latency, start throughput,
exec overhead, start → first SSE event, RSS after the burst (GW_PID). LIMIT_NORMAL / LIMIT_FULL
(runs/s, from bench/limit/run.sh) add the storage limit and the ratio to it beside the runs/s figure."""
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


def _burst_worker(args):
    """One client process: `threads` keep-alive connections posting starts until `count` are done."""
    count, threads = args
    import http.client
    import threading
    from urllib.parse import urlparse
    target = urlparse(URL)
    ids, lock, remaining = [], threading.Lock(), [count]

    def loop():
        conn = http.client.HTTPConnection(target.hostname, target.port)
        while True:
            with lock:
                if remaining[0] == 0:
                    break
                remaining[0] -= 1
            conn.request("POST", "/pipelines/three/start", body="{}",
                         headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
            response = conn.getresponse()
            body = response.read()
            assert response.status == 202, body
            ids.append(body)
        conn.close()

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return len(ids)


def start_burst():
    """N_STARTS starts over 32 keep-alive connections (4 client processes x 8 threads), then waits until
    every run has completed; checks the last run's events were all persisted."""
    from multiprocessing import Pool
    processes = 4
    start = time.perf_counter()
    with Pool(processes) as pool:
        done_counts = pool.map(_burst_worker, [(N_STARTS // processes, CONCURRENCY // processes)] * processes)
    accepted = time.perf_counter() - start
    assert sum(done_counts) == N_STARTS
    with httpx.Client(base_url=URL, headers=HEADERS, timeout=60) as client:
        while client.get("/gateway").json()["runsInFlight"] > 0:
            time.sleep(0.02)
        done = time.perf_counter() - start
        last = client.get("/runs?limit=1").json()["runs"][0]["runId"]
        events = client.get(f"/runs/{last}/events", headers={"Accept": "application/json"}).json()["events"]
        assert len(events) == 9 and events[-1]["type"] == "run.completed"
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


def limit_columns(runs_per_s, sync):
    """Peer and ratio columns of a runs/s figure: the storage limit (bench/limit) measured in this run."""
    limit = float(os.environ.get(f"LIMIT_{sync.upper()}") or 0)
    if not limit:
        return ("-", "-")
    return (f"limit {limit:.0f} runs/s (sync {sync})", f"{runs_per_s / limit * 100:.0f}%")


def main():
    """All figures with `storage.sync: normal` (the default); with BENCH_SYNC=full only the burst."""
    sync = os.environ.get("BENCH_SYNC", "normal")
    rows = []
    if sync == "normal":
        with httpx.Client(base_url=URL, headers=HEADERS, timeout=60) as client:
            sync_run_latency(client, "three", 50)
            lat = sync_run_latency(client, "three", 500)
            rows.append(("sync run 3-step set p50", f"{statistics.median(lat):.2f} ms", "<2 ms"))
            rows.append(("sync run 3-step set p99", f"{pct(lat, 99):.2f} ms", "-"))
            set1 = sync_run_latency(client, "setone", 300)
            ex = sync_run_latency(client, "exectrue", 300)
            rows.append(("exec `true` step overhead p50", f"{statistics.median(ex) - statistics.median(set1):.2f} ms", "-"))
    accepted, done = start_burst()
    goal = ">=2000 runs/s, >=50% of limit" if sync == "normal" else ">=500 runs/s"
    rows.append((f"{N_STARTS} starts at c={CONCURRENCY}, all completed, sync {sync}", f"{N_STARTS / done:.0f} runs/s", goal,
                 *limit_columns(N_STARTS / done, sync)))
    rows.append((f"  (starts accepted, sync {sync})", f"{N_STARTS / accepted:.0f} starts/s", "-"))
    rows.append((f"RSS after {N_STARTS} runs, sync {sync}", f"{rss_mb()} MB", "-"))
    if sync == "normal":
        fe = first_event_latency(200)
        rows.append(("start -> first SSE event p50", f"{statistics.median(fe):.2f} ms", "-"))
    print("figure\tvalue\tgoal\tpeer\tratio")
    for row in rows:
        print("\t".join(row + ("-",) * (5 - len(row))))


if __name__ == "__main__":
    sys.exit(main())
