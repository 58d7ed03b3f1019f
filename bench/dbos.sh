#!/usr/bin/env bash
# Optional peer: DBOS on SQLite running the 3-step pipeline's shape (bench/peers/dbos_bench.py), side by side
# with bench/runs.sh in the same bench/run-all. Skipped, with a message, unless bench/peers/setup was run.
set -euo pipefail
cd "$(dirname "$0")/.."
py=bench/peers/.venv/bin/python
if ! [ -x "$py" ] || ! "$py" -c "import dbos" 2>/dev/null; then
  echo "DBOS not installed: run bench/peers/setup to add it (optional peer, own venv)" >&2
  printf 'figure\tvalue\tgoal\n'
  printf 'DBOS peer\tskipped (not installed: bench/peers/setup)\t-\n'
  exit 0
fi
"$py" bench/peers/dbos_bench.py
