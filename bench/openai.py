"""Issue 6 figures: the OpenAI-compatible surface of a release `gw serve`.

1. POST /v1/chat/completions on an echo pipeline with wrk (16 connections, 10 s): req/s, p50, p99.
2. A streaming chat completion relayed by an `infer` step from a fake backend that sends 200 tokens every
   10 ms, each token carrying its send time: the delay of each chunk read through gw minus the same delay
   read from the backend directly (p50, p99), and the time to first chunk both ways.
"""
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import httpx

ROOT = pathlib.Path(__file__).resolve().parents[1]
GW_BIN = os.environ.get("GW_BIN", str(ROOT / ".build-release/release/gw"))
TOKEN = "bench-token"
HEADERS = {"Authorization": f"Bearer {TOKEN}"}
STREAMS = 5


def start_fake():
    proc = subprocess.Popen([sys.executable, str(ROOT / "Tests/e2e/fake_llm.py")], stdout=subprocess.PIPE)
    return proc, proc.stdout.readline().decode().strip()


def start_gateway(directory, fake_url):
    (directory / "pipelines").mkdir()
    for pipeline in (ROOT / "bench/openai").glob("*.yaml"):
        shutil.copy(pipeline, directory / "pipelines")
    (directory / "gw.yaml").write_text(
        "listen: 127.0.0.1:0\nauth:\n  tokens:\n    - { name: bench, token: bench-token, scopes: [admin] }\n"
        f"backends:\n  fake: {{ baseURL: \"{fake_url}\" }}\n")
    proc = subprocess.Popen([GW_BIN, "serve", "--config", str(directory / "gw.yaml")], stdout=subprocess.PIPE,
                            stderr=open(directory / "log", "wb"))
    while True:
        line = proc.stdout.readline().decode()
        match = re.search(r"(http://[0-9.:]+)", line)
        if match:
            return proc, match.group(1)
        if proc.poll() is not None:
            sys.exit((directory / "log").read_text())


def wrk_echo(url, directory):
    script = directory / "chat.lua"
    body = json.dumps({"model": "echo", "messages": [{"role": "user", "content": "hi"}]})
    script.write_text(f"wrk.method = 'POST'\nwrk.body = '{body}'\nwrk.headers['Content-Type'] = 'application/json'\n"
                      f"wrk.headers['Authorization'] = 'Bearer {TOKEN}'\n")
    out = subprocess.run(["wrk", "-t2", "-c16", "-d10s", "--latency", "-s", str(script), url + "/v1/chat/completions"],
                         capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        sys.exit(out)
    pick = lambda pattern: re.search(pattern, out).group(1)
    return pick(r"Requests/sec:\s+(\S+)"), pick(r"\s50%\s+(\S+)"), pick(r"\s99%\s+(\S+)")


def stream(client, url, body, headers):
    """Time to first chunk and the delay of every token (receive time minus send time)."""
    started, first, delays = time.time(), None, []
    with client.stream("POST", url, json=body, headers=headers) as response:
        for line in response.iter_lines():
            if not line.startswith("data: {"):
                continue
            choices = json.loads(line[6:]).get("choices") or [{}]
            content = choices[0].get("delta", {}).get("content") or ""
            now = time.time()
            for sent in re.findall(r"t=([0-9.]+);", content):
                first = first if first is not None else now - started
                delays.append(now - float(sent))
    return first, delays


def streaming_figures(gw_url, fake_url):
    body = {"model": "cadence-200-10", "stream": True, "messages": [{"role": "user", "content": "go"}]}
    relay = dict(body, model="relay")
    direct, through = ([], []), ([], [])
    with httpx.Client(timeout=60) as client:
        for _ in range(STREAMS):
            for (firsts, delays), (url, payload, headers) in (
                    (direct, (fake_url + "/chat/completions", body, {})),
                    (through, (gw_url + "/v1/chat/completions", relay, HEADERS))):
                first, chunk_delays = stream(client, url, payload, headers)
                if len(chunk_delays) != 200:
                    sys.exit(f"expected 200 tokens from {url}, got {len(chunk_delays)}")
                firsts.append(first)
                delays.extend(chunk_delays)
    pct = lambda values, q: statistics.quantiles(values, n=100)[q - 1] * 1000
    extra50 = pct(through[1], 50) - pct(direct[1], 50)
    extra99 = pct(through[1], 99) - pct(direct[1], 99)
    return extra50, extra99, statistics.median(through[0]) * 1000, statistics.median(direct[0]) * 1000


def main():
    directory = pathlib.Path(tempfile.mkdtemp(prefix="gw-bench-openai-"))
    fake, fake_url = start_fake()
    gw, gw_url = start_gateway(directory, fake_url)
    try:
        rps, p50, p99 = wrk_echo(gw_url, directory)
        extra50, extra99, ttfc, ttfc_direct = streaming_figures(gw_url, fake_url)
    finally:
        gw.terminate()
        fake.terminate()
        gw.wait()
        shutil.rmtree(directory, ignore_errors=True)
    print("figure\tvalue\tgoal\tpeer")
    print(f"chat completion req/s (echo, wrk -c16 10s)\t{rps}\t-\t-")
    print(f"chat completion p50 / p99 (echo, -c16)\t{p50} / {p99}\t-\t-")
    print(f"extra delay per chunk, p50 (200 tokens x 10 ms, {STREAMS} streams)\t{extra50:.3f} ms\t<1 ms\t-")
    print(f"extra delay per chunk, p99\t{extra99:.3f} ms\t-\t-")
    print(f"time to first chunk through gw (median)\t{ttfc:.1f} ms\t-\t{ttfc_direct:.1f} ms direct from the backend")


if __name__ == "__main__":
    main()
