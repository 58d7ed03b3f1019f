"""Schedules, triggers and webhooks against the built binary; croniter is the oracle for fire times."""
import hashlib
import hmac
import json
import signal
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from croniter import croniter

NOOP = """\
id: noop
steps:
  - { id: s, kind: set, values: { a: 1 } }
"""

SLOW = """\
id: slow
steps:
  - { id: nap, kind: exec, command: [sleep, "2"] }
"""

EXPRESSIONS = [
    "*/15 * * * *", "0 3 * * *", "30 2 * * *", "30 1 * * *", "0 9 * * MON-FRI", "0 0 1 * *",
    "15 1,13 * * SUN", "0 */6 * * *", "@daily", "@hourly", "@weekly", "@monthly", "5 4 * * 0",
    "0 12 1-7 * MON", "0 0 29 2 *", "45 23 L * *".replace("L", "28-31"), "0 2 * MAR,NOV SUN",
]
ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns"]


def oracle(expression, zone, after, count):
    """croniter's fires after `after`, without the second pass of a doubled local time (gw fires it once)."""
    it = croniter(expression, after.astimezone(ZoneInfo(zone)))
    fires, seen = [], set()
    while len(fires) < count:
        fire = it.get_next(datetime)
        wall = fire.replace(tzinfo=None)
        if wall in seen:
            continue
        seen.add(wall)
        fires.append(fire.astimezone(timezone.utc))
    return fires


def parse(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def wait_for(predicate, timeout=10.0, interval=0.1):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


@pytest.mark.parametrize("zone", ZONES)
def test_preview_and_next_fire_match_croniter(make_gateway, zone):
    gw = make_gateway(pipelines={"noop.yaml": NOOP}).start()
    with gw.client() as c:
        for n, expression in enumerate(EXPRESSIONS):
            before = datetime.now(timezone.utc)
            added = c.post("/schedules", json={"id": f"s{n}", "pipelineId": "noop", "cron": expression, "timezone": zone})
            assert added.status_code == 201, added.text
            preview = c.get(f"/schedules/s{n}/preview", params={"count": 40}).json()["fires"]
            got = [parse(f["at"]) for f in preview]
            assert oracle(expression, zone, before, 1)[0] <= got[0], (expression, zone)
            assert got == oracle(expression, zone, got[0] - timedelta(seconds=1), 40), (expression, zone)
            assert parse(added.json()["nextFireAt"]) == got[0]
            for fire in preview[:3]:
                local = datetime.fromisoformat(fire["local"]).replace(tzinfo=ZoneInfo(zone))
                assert fire["offset"] == local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:]


def test_dst_preview_notes_gaps_and_fires_doubled_times_once(make_gateway):
    gw = make_gateway(pipelines={"noop.yaml": NOOP}).start()
    with gw.client() as c:
        c.post("/schedules", json={"id": "gap", "pipelineId": "noop", "cron": "30 2 * * *", "timezone": "America/New_York"})
        c.post("/schedules", json={"id": "twice", "pipelineId": "noop", "cron": "30 1 * * *", "timezone": "America/New_York"})
        gap = c.get("/schedules/gap/preview", params={"count": 400}).json()["fires"]
        noted = [f for f in gap if f.get("note")]
        assert noted and "does not exist" in noted[0]["note"] and noted[0]["local"].endswith("T03:00:00")
        twice = c.get("/schedules/twice/preview", params={"count": 400}).json()["fires"]
        locals_ = [f["local"] for f in twice]
        assert len(locals_) == len(set(locals_))
        assert any("first occurrence" in (f.get("note") or "") for f in twice)


def test_every_second_really_fires(make_gateway):
    pipeline = NOOP + "triggers:\n  - { id: tick, kind: schedule, every: 1s }\n"
    gw = make_gateway(pipelines={"noop.yaml": pipeline}).start()
    with gw.client() as c:
        schedule = wait_for(lambda: (s := c.get("/schedules/tick").json())["fired"] >= 3 and s, timeout=8)
        assert schedule and schedule["source"] == "pipeline" and schedule["lastOutcome"] == "started"
        runs = c.get("/runs", params={"pipelineId": "noop"}).json()["runs"]
        assert runs and all(r["trigger"]["kind"] == "schedule" and r["trigger"]["id"] == "tick" for r in runs)
        metrics = c.get("/metrics").text
        assert 'gw_schedule_fires_total{schedule="tick",outcome="started"}' in metrics
        assert "gw_schedule_lateness_seconds_count" in metrics


@pytest.mark.parametrize("overlap", ["skip", "queue"])
def test_overlap_with_a_slow_pipeline(make_gateway, overlap):
    gw = make_gateway(pipelines={"slow.yaml": SLOW}).start()
    with gw.client() as c:
        c.post("/schedules", json={"id": "o", "pipelineId": "slow", "every": "1s", "overlap": overlap}).raise_for_status()
        time.sleep(5.5)
        schedule = c.get("/schedules/o").json()
        c.post("/schedules/o/pause").raise_for_status()
        runs = c.get("/runs", params={"pipelineId": "slow"}).json()["runs"]
        spans = sorted((parse(r["startedAt"]), parse(r["finishedAt"]) if r.get("finishedAt") else None) for r in runs if r.get("startedAt"))
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end is not None and end <= start, "runs of one schedule overlapped"
        if overlap == "skip":
            assert 'outcome="skipped_overlap"' in c.get("/metrics").text
            assert schedule["queued"] == 0
        else:
            assert schedule["queued"] >= 1 or 'outcome="queued"' in c.get("/metrics").text
        assert 2 <= len(runs) <= 4


def test_catchup_after_the_gateway_was_killed(make_gateway):
    gw = make_gateway(pipelines={"noop.yaml": NOOP}).start()
    at = (datetime.now(timezone.utc) + timedelta(seconds=3)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    with gw.client() as c:
        c.post("/schedules", json={"id": "once", "pipelineId": "noop", "at": at}).raise_for_status()
        c.post("/schedules", json={"id": "never", "pipelineId": "noop", "at": at, "catchup": "none"}).raise_for_status()
        c.post("/schedules", json={"id": "all", "pipelineId": "noop", "every": "1s", "catchup": "all",
                                   "overlap": "allow"}).raise_for_status()
    gw.stop(signal.SIGKILL)
    killed_at = time.time()
    time.sleep(5)
    gw.start()
    with gw.client() as c:
        once = wait_for(lambda: (s := c.get("/schedules/once").json())["fired"] == 1 and s, timeout=5)
        assert once and "nextFireAt" not in once
        assert c.get("/schedules/never").json()["fired"] == 0
        runs = c.get("/runs", params={"pipelineId": "noop", "limit": 200}).json()["runs"]
        caught = [r for r in runs if r["trigger"]["id"] == "all" and parse(r["createdAt"]).timestamp() > killed_at]
        assert len(caught) >= 4, "every missed second is made up with catchup: all"


def github_headers(body, delivery, secret="gh-secret"):
    mac = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-GitHub-Delivery": delivery, "X-Hub-Signature-256": f"sha256={mac}"}


def test_webhook_signatures_and_replay(make_gateway):
    pipeline = NOOP + """triggers:
  - { id: gh, kind: webhook, path: github, secretEnv: GH_SECRET, signature: github }
  - { id: signed, kind: webhook, path: signed, secretEnv: HOOK_SECRET, signature: hmac-sha256, input: { ref: "${{ webhook.body.ref }}" } }
"""
    env = {"GH_SECRET": "gh-secret", "HOOK_SECRET": "hook-secret"}
    gw = make_gateway(pipelines={"noop.yaml": pipeline}, env=env).start()
    body = json.dumps({"ref": "main"}).encode()
    with gw.client(token=None) as c:
        ok = c.post("/hooks/github", content=body, headers=github_headers(body, "d-1"))
        assert ok.status_code == 202, ok.text
        assert c.post("/hooks/github", content=body, headers=github_headers(body, "d-2", "wrong")).status_code == 401
        replay = c.post("/hooks/github", content=body, headers=github_headers(body, "d-1"))
        assert replay.status_code == 409 and replay.json()["error"]["code"] == "replayed_delivery"
        t = int(time.time())
        for stamp, status in [(t, 202), (t - 400, 401)]:
            mac = hmac.new(b"hook-secret", f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
            r = c.post("/hooks/signed", content=body, headers={"Content-Type": "application/json",
                                                                 "X-Gw-Signature": f"t={stamp},v1={mac}"})
            assert r.status_code == status, r.text
    gw.stop(signal.SIGKILL)
    gw.start()
    with gw.client(token=None) as c:
        assert c.post("/hooks/github", content=body, headers=github_headers(body, "d-1")).status_code == 409
    with gw.client() as c:
        run = c.get(f"/runs/{ok.json()['runId']}").json()
        assert run["trigger"]["kind"] == "webhook" and run["input"]["body"] == {"ref": "main"}


def test_cli_schedules_and_triggers(make_gateway):
    pipeline = NOOP + "triggers:\n  - { id: by-hand, kind: manual }\n"
    gw = make_gateway(pipelines={"noop.yaml": pipeline}).start()
    added = gw.cli("schedules", "add", "noop", "--every", "5s", "--catchup", "none", "--jitter", "1s",
                   "--id", "five", "-o", "json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["catchup"] == "none"
    preview = gw.cli("schedules", "preview", "five", "--count", "3", "-o", "json")
    assert len(json.loads(preview.stdout)["fires"]) == 3
    assert gw.cli("schedules", "add", "noop", "--cron", "61 * * * *").returncode == 2
    assert gw.cli("schedules", "rm", "nope").returncode == 6
    listed = json.loads(gw.cli("triggers", "list", "-o", "json").stdout)
    assert {t["id"] for t in listed} == {"by-hand", "five"}
    fired = gw.cli("triggers", "fire", "by-hand", "-o", "json")
    assert fired.returncode == 0 and json.loads(fired.stdout)["runId"]
    assert gw.cli("schedules", "pause", "five").returncode == 0
    assert gw.cli("schedules", "rm", "five").returncode == 0
