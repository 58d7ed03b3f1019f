#!/usr/bin/env bash
# Issue 4 figures (release build): approve latency, RSS and GET /approvals with BENCH_WAITING (10000) runs
# waiting on approvals, and restart-to-ready with all of them (kill -9, start, until an approval can be decided).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_release
start_gateway
echo -e "figure\tvalue\tgoal"
.venv/bin/python bench/approvals.py
kill -9 "$GW_PID"; wait "$GW_PID" 2>/dev/null || true
t0=$(date +%s.%N)
"$GW_BIN" serve --config "$BENCH_DIR/gw.yaml" > "$BENCH_DIR/out2" 2>> "$BENCH_DIR/log" &
GW_PID=$!
until grep -q listening "$BENCH_DIR/out2" 2>/dev/null; do sleep 0.01; done
t1=$(date +%s.%N)
GW_URL=$(grep -o 'http://[0-9.:]*' "$BENCH_DIR/out2")
RUN=$(curl -s -H "Authorization: Bearer $TOKEN" "$GW_URL/approvals" | python3 -c "import json,sys; print(json.load(sys.stdin)[-1]['runId'])")
until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" "$GW_URL/runs/$RUN/approve")" = 200 ]; do sleep 0.01; done
t2=$(date +%s.%N)
python3 -c "print(f'restart to listening (kill -9, {10000} waiting)\t{($t1-$t0)*1000:.0f} ms\t<1 s'); print(f'restart to an approval decided (last recovered run)\t{($t2-$t0)*1000:.0f} ms\t-')"
echo -e "RSS after restart with all runs waiting\t$(( $(rss_kb $GW_PID) / 1024 )) MB\t<150 MB"
stop_gateway
