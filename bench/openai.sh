#!/usr/bin/env bash
# Issue 6 figures (release build): chat completions through an echo pipeline (wrk -c16 10 s: req/s, p50, p99),
# and through an `infer` step relaying a fake backend that streams 200 tokens every 10 ms (extra delay per
# chunk compared with reading the backend directly, time to first chunk). See bench/openai.py.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_release
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q -r Tests/e2e/requirements.txt; }
GW_BIN="$GW_BIN" .venv/bin/python bench/openai.py
