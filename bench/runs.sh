#!/usr/bin/env bash
# Issue 3 figures (release build): see bench/runs.py. BENCH_STARTS=N changes the burst size.
# Every runs/s figure is printed beside the storage limit measured in the same run (bench/limit/run.sh)
# and its ratio to it, for `storage.sync` normal and full (a second gateway with `storage: { sync: full }`).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_release
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q -r Tests/e2e/requirements.txt; }
limit_rows=$(GW_BIN="$GW_BIN" bench/limit/run.sh)
export LIMIT_NORMAL=$(echo "$limit_rows" | awk -F'\t' '/sync normal/ {print $2+0}')
export LIMIT_FULL=$(echo "$limit_rows" | awk -F'\t' '/sync full/ {print $2+0}')
start_gateway
trap stop_gateway EXIT
.venv/bin/python bench/runs.py
stop_gateway
GW_BENCH_YAML="storage: { sync: full }" start_gateway
BENCH_SYNC=full .venv/bin/python bench/runs.py | tail -n +2
echo "$limit_rows" | tail -n +2
