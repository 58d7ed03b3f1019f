"""DBOS (PyPI `dbos`, on SQLite) running the 3-step `set` pipeline's shape side by side with gw: a workflow of
three steps, each returning the previous one's value. Prints figure/value/goal rows (TSV) like bench/*.sh:
sequential workflow latency p50 and throughput from 32 threads, for SQLite `synchronous` NORMAL and FULL,
both in WAL mode like gw (DBOS's own default is the rollback journal with FULL).

Needs its own venv (kept out of CI and of the project's requirements): bench/peers/setup. Run through
bench/dbos.sh, which skips with a message when it is not installed.
Env: DBOS_RUNS (throughput workflows, default 1000), DBOS_THREADS (default 32), DBOS_LATENCY_N (default 200).
"""
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa
from dbos import DBOS, DBOSConfig
from sqlalchemy import event

RUNS = int(os.environ.get("DBOS_RUNS", "1000"))
THREADS = int(os.environ.get("DBOS_THREADS", "32"))
LATENCY_N = int(os.environ.get("DBOS_LATENCY_N", "200"))


@DBOS.step()
def step_a() -> int:
    return 1


@DBOS.step()
def step_b(v: int) -> int:
    return v


@DBOS.step()
def step_c(v: int) -> int:
    return v


@DBOS.workflow()
def three() -> int:
    return step_c(step_b(step_a()))


def engine(path: str, sync: str) -> sa.Engine:
    """The engine DBOS builds for SQLite (IMMEDIATE transactions, busy timeout, foreign keys) plus WAL and
    the given `synchronous`."""
    e = sa.create_engine(f"sqlite:///{path}", pool_size=THREADS + 4, max_overflow=0)

    @event.listens_for(e, "connect")
    def on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = "IMMEDIATE"
        dbapi_conn.execute("PRAGMA busy_timeout=30000")
        dbapi_conn.execute("PRAGMA foreign_keys=ON")
        dbapi_conn.execute("PRAGMA journal_mode=WAL")
        dbapi_conn.execute(f"PRAGMA synchronous={sync}")

    return e


def measure(sync: str) -> list[tuple[str, ...]]:
    folder = tempfile.mkdtemp(prefix="dbos-bench-")
    path = os.path.join(folder, "dbos.sqlite")
    config: DBOSConfig = {"name": "gw-peer", "system_database_url": f"sqlite:///{path}",
                          "system_database_engine": engine(path, sync), "log_level": "WARNING"}
    DBOS(config=config)
    DBOS.launch()
    try:
        for _ in range(20):
            three()
        latencies = []
        for _ in range(LATENCY_N):
            start = time.perf_counter()
            assert three() == 1
            latencies.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        with ThreadPoolExecutor(THREADS) as pool:
            results = list(pool.map(lambda _: three(), range(RUNS)))
        seconds = time.perf_counter() - start
        assert results == [1] * RUNS
    finally:
        DBOS.destroy()
    return [
        (f"DBOS 3-step workflow p50, sync {sync.lower()}", f"{statistics.median(latencies):.2f} ms", "-"),
        (f"DBOS {RUNS} workflows at {THREADS} threads, sync {sync.lower()}", f"{RUNS / seconds:.0f} runs/s", "-"),
    ]


def main() -> int:
    rows = measure("NORMAL") + measure("FULL")
    print("figure\tvalue\tgoal")
    for row in rows:
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
