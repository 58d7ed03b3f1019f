"""Median wall time in ms of running a command N times: median_wall.py N CMD ARGS..."""
import statistics
import subprocess
import sys
import time

n = int(sys.argv[1])
times = []
for _ in range(n):
    start = time.perf_counter()
    subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.1f}")
