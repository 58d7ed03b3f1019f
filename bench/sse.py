"""1,000 SSE subscribers on running runs (issue 8): BENCH_RUNS runs (default 10) of `ticker` (a 3 s sleep, then
30 log lines 100 ms apart), BENCH_SUBSCRIBERS subscribers (default 1,000) spread over them, all connected
during the sleep. Every subscriber must receive every event of its run; the delivery delay of a `step.log`
event is the time it was read minus its `at`. Prints rows: figure, value, goal."""
import asyncio
import json
import os
import statistics
import time
from urllib.parse import urlparse

import httpx

URL, TOKEN = os.environ["GW_URL"], os.environ["TOKEN"]
RUNS = int(os.environ.get("BENCH_RUNS", "10"))
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "1000"))


def parse_at(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


async def subscribe(host, port, run_id, delays, received):
    """A bare HTTP/1.1 SSE reader (chunked), light enough to run 1,000 of in one process."""
    reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
    writer.write((f"GET /runs/{run_id}/events HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {TOKEN}\r\n"
                  "Accept: text/event-stream\r\n\r\n").encode())
    await writer.drain()
    while (await reader.readline()) not in (b"\r\n", b""):
        pass
    buffer, count = b"", 0
    while True:
        size_line = await reader.readline()
        if not size_line:
            break
        size = int(size_line.strip() or b"0", 16)
        if size == 0:
            break
        buffer += await reader.readexactly(size)
        await reader.readexactly(2)
        now = time.time()
        while b"\n\n" in buffer:
            frame, buffer = buffer.split(b"\n\n", 1)
            for line in frame.split(b"\n"):
                if line.startswith(b"data: "):
                    event = json.loads(line[6:])
                    count += 1
                    if event["type"] == "step.log":
                        delays.append(now - parse_at(event["at"]))
    writer.close()
    received[run_id].append(count)


async def main():
    target = urlparse(URL)
    async with httpx.AsyncClient(base_url=URL, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30) as c:
        run_ids = [(await c.post("/pipelines/ticker/start", json={"input": {}})).json()["runId"] for _ in range(RUNS)]
        delays, received = [], {r: [] for r in run_ids}
        started = time.time()
        tasks = [asyncio.create_task(subscribe(target.hostname, target.port, run_ids[i % RUNS], delays, received))
                 for i in range(SUBSCRIBERS)]
        connect_s = time.time() - started
        await asyncio.gather(*tasks)
        totals = {}
        for r in run_ids:
            totals[r] = len((await c.get(f"/runs/{r}/events", headers={"Accept": "application/json"})).json()["events"])
    complete = sum(1 for r in run_ids for n in received[r] if n == totals[r])
    delays.sort()
    p = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))] * 1000
    print("figure\tvalue\tgoal")
    print(f"SSE subscribers receiving every event\t{complete}/{SUBSCRIBERS}\tall")
    print(f"SSE delivery delay p50 ({SUBSCRIBERS} subscribers, {RUNS} runs)\t{p(0.5):.1f} ms\t-")
    print(f"SSE delivery delay p99 ({SUBSCRIBERS} subscribers, {RUNS} runs)\t{p(0.99):.1f} ms\t<250 ms")
    print(f"SSE deliveries measured\t{len(delays)}\t-")


asyncio.run(main())
