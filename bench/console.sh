#!/usr/bin/env bash
# Issue 13 figures (web console in chromium-headless-shell): see bench/console.py. BENCH_RUNS=N changes the volume.
# Uses GW_BIN as given (bench/run-all passes the release build); GW_CONSOLE_DIR serves the console from disk.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_release
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q -r Tests/e2e/requirements.txt; }
start_gateway
trap stop_gateway EXIT
echo -e "figure\tvalue\tgoal"
.venv/bin/python bench/console.py
