#!/usr/bin/env bash
# Issue 8 figure (release build): 1,000 SSE subscribers on running runs, p99 delivery delay; see bench/sse.py.
# BENCH_SUBSCRIBERS=N and BENCH_RUNS=R change the size.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 65536 2>/dev/null || true
source bench/lib.sh
build_release
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q -r Tests/e2e/requirements.txt; }
start_gateway
trap stop_gateway EXIT
.venv/bin/python bench/sse.py
