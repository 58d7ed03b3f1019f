#!/usr/bin/env bash
# Issue 5 figures (release build): 1,000 `every: 1s` schedules on a no-op pipeline; see bench/schedules.py.
# BENCH_SCHEDULES=N and BENCH_SECONDS=S change the size and the length.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_release
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q -r Tests/e2e/requirements.txt; }
start_gateway
trap stop_gateway EXIT
.venv/bin/python bench/schedules.py
