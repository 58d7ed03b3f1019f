"""Crash-and-restart soak (issue 8): a mixed workload against `gw serve`, SIGKILLed at random moments N times.

Workload, from client threads while the gateway dies and comes back: async starts and sync runs with
Idempotency-Keys (retried with the same key after a failure), exec/sleep/set steps, approval gates being
approved, wait steps being resumed, a schedule firing every second, SSE readers following runs.
After the last restart the workload drains and the invariants are checked:
every run a client saw acknowledged exists; every run ends terminal or visibly waiting; events are gapless
per run; no idempotency key ran twice; no approval lost or applied twice; `PRAGMA integrity_check` is ok.

    scripts/soak --kills 50            (GW_BIN picks the binary, default .build/debug/gw)
Prints one line: `soak: PASS kills=… runs=… …` or `soak: FAIL … — first problems`; exit status 0 / 1.
"""
import argparse
import json
import pathlib
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time
import uuid

import httpx

import conftest
from conftest import Gateway

CONFIG = """\
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: alice, token: tok-admin, scopes: [admin] }
exec:
  allow: [sleep, echo]
"""

PIPELINES = {
    "quick.yaml": "id: quick\nsteps:\n  - { id: a, kind: set, values: { v: 1 } }\n",
    "work.yaml": """\
id: work
steps:
  - { id: first, kind: set, values: { v: 1 } }
  - { id: run, kind: exec, command: [sleep, "0.3"] }
  - { id: nap, kind: sleep, duration: 300ms }
  - { id: say, kind: exec, command: [echo, done] }
""",
    "gate.yaml": """\
id: gate
steps:
  - { id: build, kind: exec, command: [echo, built] }
  - { id: ok, kind: approval, message: ship?, timeout: 1h }
  - { id: after, kind: set, values: { shipped: true } }
""",
    "ask.yaml": "id: ask\nsteps:\n  - { id: q, kind: wait, timeout: 1h }\n  - { id: z, kind: set, values: { v: 2 } }\n",
    "tick.yaml": """\
id: tick
triggers:
  - { id: every-second, kind: schedule, every: 1s }
steps:
  - { id: t, kind: set, values: { v: 1 } }
""",
}

TERMINAL = {"completed", "failed", "cancelled"}


class Ledger:
    """What the clients saw acknowledged, shared by the worker threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked = {}            # runId -> (pipelineId, key)
        self.keys = {}             # (pipelineId, key) -> set of runIds answered for it
        self.approved = set()      # (runId, stepId) acknowledged 200
        self.resumed = set()
        self.sse_gaps = []
        self.errors = 0

    def ack(self, pipeline, key, run_id):
        with self.lock:
            self.acked[run_id] = (pipeline, key)
            self.keys.setdefault((pipeline, key), set()).add(run_id)


class Soak:
    def __init__(self, kills, seed, directory, min_up=0.4, max_up=2.5):
        self.kills, self.rng = kills, random.Random(seed)
        self.gw = Gateway(directory, config=CONFIG, pipelines=PIPELINES)
        self.ledger, self.stop = Ledger(), threading.Event()
        self.min_up, self.max_up = min_up, max_up
        self.url = None

    # --- workload -------------------------------------------------------------------------------
    def client(self):
        return httpx.Client(headers={"Authorization": "Bearer tok-admin"}, timeout=10)

    def submitter(self, n):
        rng = random.Random(n)
        with self.client() as c:
            while not self.stop.is_set():
                pipeline = rng.choice(["quick", "work", "work", "gate", "ask"])
                key, sync = uuid.uuid4().hex, rng.random() < 0.4
                for _ in range(50):          # retry the same key until one answer arrives
                    if self.stop.is_set():
                        break
                    try:
                        if sync:
                            r = c.post(f"{self.url}/pipelines/{pipeline}/run?wait=3s", json={"input": {"n": n}},
                                       headers={"Idempotency-Key": key})
                        else:
                            r = c.post(f"{self.url}/pipelines/{pipeline}/start", json={"input": {"n": n}},
                                       headers={"Idempotency-Key": key})
                        if r.status_code in (200, 202):
                            self.ledger.ack(pipeline, key, r.json()["runId"])
                            break
                        if r.status_code >= 500 and r.status_code != 503:
                            with self.ledger.lock:
                                self.ledger.errors += 1
                    except httpx.HTTPError:
                        pass
                    time.sleep(0.2)
                time.sleep(rng.uniform(0.02, 0.15))

    def decider(self):
        """Approves pending approvals and resumes waiting `ask` runs."""
        with self.client() as c:
            while not self.stop.is_set():
                try:
                    for a in c.get(f"{self.url}/approvals").json():
                        r = c.post(f"{self.url}/runs/{a['runId']}/approve", json={"stepId": a["stepId"], "reason": "soak"})
                        if r.status_code == 200:
                            with self.ledger.lock:
                                self.ledger.approved.add((a["runId"], a["stepId"]))
                    for run in c.get(f"{self.url}/runs?pipelineId=ask&status=waiting&limit=100").json()["runs"]:
                        r = c.post(f"{self.url}/runs/{run['runId']}/resume", json={"output": {"ok": True}})
                        if r.status_code == 200:
                            with self.ledger.lock:
                                self.ledger.resumed.add(run["runId"])
                except (httpx.HTTPError, ValueError, KeyError):
                    pass
                time.sleep(0.1)

    def reader(self, n):
        """Follows random acknowledged runs over SSE; the seqs it sees must be consecutive."""
        rng = random.Random(1000 + n)
        while not self.stop.is_set():
            with self.ledger.lock:
                ids = list(self.ledger.acked)
            if not ids:
                time.sleep(0.1)
                continue
            run_id, last = rng.choice(ids), 0
            try:
                with httpx.stream("GET", f"{self.url}/runs/{run_id}/events", timeout=httpx.Timeout(10, read=5),
                                  headers={"Authorization": "Bearer tok-admin", "Accept": "text/event-stream"}) as r:
                    for line in r.iter_lines():
                        if line.startswith("id: "):
                            seq = int(line[4:])
                            if seq != last + 1:
                                with self.ledger.lock:
                                    self.ledger.sse_gaps.append((run_id, last, seq))
                            last = seq
                        if self.stop.is_set():
                            break
            except (httpx.HTTPError, ValueError):
                pass

    # --- the run --------------------------------------------------------------------------------
    def run(self):
        self.url = self.gw.start().url
        threads = [threading.Thread(target=self.submitter, args=(i,), daemon=True) for i in range(4)]
        threads += [threading.Thread(target=self.decider, daemon=True)]
        threads += [threading.Thread(target=self.reader, args=(i,), daemon=True) for i in range(3)]
        for t in threads:
            t.start()
        for _ in range(self.kills):
            time.sleep(self.rng.uniform(self.min_up, self.max_up))
            self.gw.stop(signal.SIGKILL)
            self.gw.start()
            self.url = self.gw.url
        time.sleep(1)
        self.stop.set()
        for t in threads:
            t.join(timeout=20)
        self.stop.clear()                      # the decider keeps deciding while the workload drains
        decider = threading.Thread(target=self.decider, daemon=True)
        decider.start()
        try:
            return self.check()
        finally:
            self.stop.set()
            decider.join(timeout=5)
            self.gw.stop()

    def settle(self, c, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            runs = self.all_runs(c)
            if all(r["status"] in TERMINAL for r in runs):
                return runs
            time.sleep(0.5)
        return self.all_runs(c)

    def all_runs(self, c):
        runs, cursor = [], None
        while True:
            page = c.get(f"{self.url}/runs", params={"limit": 1000, **({"cursor": cursor} if cursor else {})}).json()
            runs += page["runs"]
            cursor = page.get("nextCursor")
            if not cursor:
                return runs

    def check(self):
        problems, L = [], self.ledger
        with self.client() as c:
            runs = self.settle(c)
            by_id = {r["runId"]: r for r in runs}
            for run_id in L.acked:
                if run_id not in by_id:
                    problems.append(f"acknowledged run {run_id} is missing")
            for r in runs:
                if r["status"] not in TERMINAL and not (r["status"] == "waiting" and r.get("waitingOn")):
                    problems.append(f"run {r['runId']} ({r['pipelineId']}) stuck {r['status']}")
            events_checked = 0
            for r in runs:
                evs = c.get(f"{self.url}/runs/{r['runId']}/events", headers={"Accept": "application/json"}).json()["events"]
                events_checked += len(evs)
                if [e["seq"] for e in evs] != list(range(1, len(evs) + 1)):
                    problems.append(f"run {r['runId']} has gaps in its events")
                if [e["type"] for e in evs[:2]] != ["run.queued", "run.started"]:
                    problems.append(f"run {r['runId']} does not start with run.queued, run.started")
                decisions = {}
                for e in evs:
                    if e["type"] in ("approval.approved", "approval.denied"):
                        decisions[e["stepId"]] = decisions.get(e["stepId"], 0) + 1
                for step, count in decisions.items():
                    if count > 1:
                        problems.append(f"approval {r['runId']}/{step} applied {count} times")
                for (run_id, step) in [k for k in L.approved if k[0] == r["runId"]]:
                    if decisions.get(step, 0) != 1:
                        problems.append(f"acknowledged approval {run_id}/{step} lost")
            audit = c.get(f"{self.url}/audit/verify").json()
            if not audit.get("ok"):
                problems.append(f"audit chain broken: {audit}")
        for (pipeline, key), ids in L.keys.items():
            if len(ids) > 1:
                problems.append(f"idempotency key {pipeline}/{key} answered with {len(ids)} runs")
        self.gw.stop()
        db = sqlite3.connect(self.gw.dir / ".gw" / "gw.sqlite")
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        dup = db.execute("SELECT COUNT(*) FROM (SELECT pipeline_id, idempotency_key FROM runs "
                         "WHERE idempotency_key IS NOT NULL GROUP BY 1, 2 HAVING COUNT(*) > 1)").fetchone()[0]
        db.close()
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        if dup:
            problems.append(f"{dup} idempotency keys ran twice")
        problems += [f"SSE gap in {g[0]}: {g[1]} then {g[2]}" for g in L.sse_gaps]
        if L.errors:
            problems.append(f"{L.errors} 5xx answers")
        statuses = {}
        for r in runs:
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
        verdict = "PASS" if not problems else "FAIL"
        line = (f"soak: {verdict} kills={self.kills} runs={len(runs)} acknowledged={len(L.acked)} "
                f"statuses={json.dumps(statuses, sort_keys=True, separators=(',', ':'))} events={events_checked} "
                f"approved={len(L.approved)} resumed={len(L.resumed)} keys={len(L.keys)} integrity={integrity}")
        if problems:
            line += " — " + "; ".join(problems[:5]) + (f" (+{len(problems) - 5} more)" if len(problems) > 5 else "")
        return not problems, line


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=10, help="how many SIGKILLs (default 10)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--dir", default=None, help="work folder (default: a fresh temp folder)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    directory = args.dir or tempfile.mkdtemp(prefix="gw-soak-")
    # A private copy of the binary: a long soak must not die of (or run) a rebuild made meanwhile.
    copy = pathlib.Path(directory) / "gw-under-soak"
    shutil.copy2(conftest.GW_BIN, copy)
    conftest.GW_BIN = str(copy)
    ok, line = Soak(args.kills, seed, directory).run()
    print(f"{line} seed={seed} dir={directory}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
