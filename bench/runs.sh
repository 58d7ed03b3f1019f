#!/usr/bin/env bash
# Issue 3 figures (release build): see bench/runs.py. BENCH_STARTS=N changes the burst size.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_release
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q -r Tests/e2e/requirements.txt; }
start_gateway
trap stop_gateway EXIT
.venv/bin/python bench/runs.py
