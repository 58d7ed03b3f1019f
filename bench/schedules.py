"""Issue 5 figures against a running gateway (GW_URL, TOKEN, GW_PID): fire lateness p50/p99/max from the
gw_schedule_lateness_seconds histogram, scheduled runs started per second, and RSS."""
import os
import re
import time

import httpx

URL, TOKEN, PID = os.environ["GW_URL"], os.environ["TOKEN"], os.environ["GW_PID"]
N = int(os.environ.get("BENCH_SCHEDULES", "1000"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "60"))


def histogram(text, name):
    """Cumulative (upper bound, count) pairs of an unlabelled histogram."""
    buckets = []
    for match in re.finditer(rf'^{name}_bucket{{le="([^"]+)"}} (\S+)$', text, re.M):
        buckets.append((float("inf") if match.group(1) == "+Inf" else float(match.group(1)), float(match.group(2))))
    return buckets


def delta(after, before):
    return [(le, count - dict(before).get(le, 0)) for le, count in after]


def quantile(buckets, q):
    """Linear interpolation inside the bucket holding quantile q (as Prometheus' histogram_quantile)."""
    total = buckets[-1][1]
    rank, lower, below = q * total, 0.0, 0.0
    for le, count in buckets:
        if count >= rank:
            if le == float("inf"):
                return lower
            return lower + (le - lower) * (rank - below) / max(count - below, 1e-9)
        lower, below = le, count
    return lower


def started(text):
    return sum(float(m.group(1)) for m in re.finditer(r'^gw_runs_started_total{[^}]*trigger="schedule"[^}]*} (\S+)$', text, re.M))


def rss_mb():
    with open(f"/proc/{PID}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def main():
    with httpx.Client(base_url=URL, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60) as client:
        for i in range(N):
            client.post("/schedules", json={"id": f"b{i}", "pipelineId": "setone", "every": "1s",
                                            "overlap": "allow"}).raise_for_status()
        time.sleep(2)
        first = client.get("/metrics").text
        begin = time.time()
        time.sleep(SECONDS)
        last = client.get("/metrics").text
        elapsed = time.time() - begin
        lateness = delta(histogram(last, "gw_schedule_lateness_seconds"), histogram(first, "gw_schedule_lateness_seconds"))
        total = lateness[-1][1] if lateness else 0
        max_bucket = next((le for le, count in lateness if count >= total), float("inf"))
        print("figure\tvalue\tgoal")
        print(f"schedule fires measured ({N} x every 1s, {elapsed:.0f} s)\t{int(total)}\t-")
        print(f"schedule lateness p50\t{quantile(lateness, 0.50) * 1000:.2f} ms\t-")
        print(f"schedule lateness p99\t{quantile(lateness, 0.99) * 1000:.2f} ms\t<10 ms")
        print(f"schedule lateness max\t<= {max_bucket * 1000:g} ms (histogram bucket)\t-")
        print(f"scheduled runs started/s\t{(started(last) - started(first)) / elapsed:.0f}\t-")
        print(f"RSS with {N} schedules\t{rss_mb():.0f} MB\t-")


if __name__ == "__main__":
    main()
