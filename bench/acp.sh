#!/usr/bin/env bash
# Issue 6 figure (release build): the round-trip overhead gw adds to a one-line prompt of an `agent` step,
# against the test agent (agent-client-protocol SDK) with its process already running. See bench/acp.py.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_release
[ -x .venv/bin/python ] || { python3 -m venv .venv && .venv/bin/pip install -q -r Tests/e2e/requirements.txt; }
GW_BIN="$GW_BIN" .venv/bin/python bench/acp.py
