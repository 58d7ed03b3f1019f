"""Load, bounded to stay quick (issue 8): 200 concurrent sync runs; `GET /runs` listing hammered while runs are
written; memory stays bounded. The 1,000-subscriber SSE figure lives in bench/sse.py (not in the suite)."""
import asyncio
import time

import httpx

from conftest import Gateway

CONFIG = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: alice, token: tok-admin, scopes: [admin] }
exec:
  allow: [echo]
"""
PIPELINES = {
    "quick.yaml": "id: quick\nsteps:\n  - { id: a, kind: set, values: { v: \"${{ input.n }}\" } }\noutput: ${{ steps.a.output.v }}\n",
    "two.yaml": "id: two\nsteps:\n  - { id: a, kind: exec, command: [echo, hi] }\n  - { id: b, kind: set, values: { v: 2 } }\n",
}
HEADERS = {"Authorization": "Bearer tok-admin"}


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


async def sync_runs(url, count):
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=count)
    async with httpx.AsyncClient(base_url=url, headers=HEADERS, timeout=60, limits=limits) as c:
        answers = await asyncio.gather(*[c.post("/pipelines/quick/run", json={"input": {"n": i}}) for i in range(count)])
    return answers


def test_200_concurrent_sync_runs_all_complete_with_their_own_output(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    try:
        started = time.time()
        answers = asyncio.run(sync_runs(gw.url, 200))
        took = time.time() - started
        assert [a.status_code for a in answers] == [200] * 200, {a.status_code for a in answers}
        assert [a.json()["output"] for a in answers] == list(range(200))
        assert len({a.json()["runId"] for a in answers}) == 200
        assert took < 30, f"200 sync runs took {took:.1f}s"
    finally:
        gw.stop()


async def write_and_list(url, writers, seconds):
    errors, listed, written = [], 0, 0
    stop = time.time() + seconds

    async def writer(c):
        nonlocal written
        while time.time() < stop:
            r = await c.post("/pipelines/two/start", json={"input": {}})
            if r.status_code != 202:
                errors.append(("start", r.status_code, r.text[:200]))
            written += 1

    async def lister(c, status):
        nonlocal listed
        while time.time() < stop:
            cursor, seen = None, set()
            while True:
                params = {"limit": 100, **({"cursor": cursor} if cursor else {}), **({"status": status} if status else {})}
                r = await c.get("/runs", params=params)
                if r.status_code != 200:
                    errors.append(("list", r.status_code, r.text[:200]))
                    break
                page = r.json()
                ids = [run["runId"] for run in page["runs"]]
                if seen & set(ids) or ids != sorted(ids, reverse=True):
                    errors.append(("list", "page overlaps or is out of order", ids[:3]))
                seen |= set(ids)
                listed += 1
                cursor = page.get("nextCursor")
                if not cursor:
                    break

    async with httpx.AsyncClient(base_url=url, headers=HEADERS, timeout=30) as c:
        await asyncio.gather(*[writer(c) for _ in range(writers)],
                             *[lister(c, s) for s in (None, None, "completed", "running", None, None)])
    return errors, listed, written


def test_listing_runs_while_they_are_written_is_consistent_and_memory_stays_bounded(workdir):
    gw = Gateway(workdir, config=CONFIG, pipelines=PIPELINES).start()
    try:
        errors, listed, written = asyncio.run(write_and_list(gw.url, writers=8, seconds=4))
        assert not errors, errors[:5]
        warm = rss_kib(gw.proc.pid)
        errors, listed2, written2 = asyncio.run(write_and_list(gw.url, writers=8, seconds=6))
        assert not errors, errors[:5]
        grown = rss_kib(gw.proc.pid) - warm
        assert listed2 > 50 and written2 > 100, (listed2, written2)
        # Twice the work again must not cost memory proportional to it: a generous bound per run written.
        assert grown < 64 * 1024, f"RSS grew {grown} KiB over {written2} more runs and {listed2} pages"
    finally:
        gw.stop()
