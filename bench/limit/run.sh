#!/usr/bin/env bash
# The storage limit of the 3-step `set` pipeline's runs/s (bench/pipelines/three.yaml), for `storage.sync`
# normal and full: how many runs per second SQLite itself can commit when it only has to write the rows a
# real run writes, in the group commit's batches. Prints figure/value/goal rows (TSV).
#
# 1. The gw under test ($GW_BIN) serves a temp stateDir with trace.so preloaded (logs each statement and its
#    bound values) and runs `three` once; extract.py keeps that run's writes. So the schema, indexes,
#    statements and values are the real ones, whatever the engine commits today.
# 2. limit.c replays those writes for $LIMIT_RUNS runs on a copy of that database (WAL, the same
#    `synchronous`), 512 submissions per transaction (StoreWriter.maxBatch), 64 runs in flight, with prepared
#    statements and nothing else: no HTTP, no JSON, no tasks. Median of $LIMIT_REPEAT repeats.
# C rather than Swift/GRDB: it builds in a second, adds nothing between the statements and SQLite, and the
# schema still comes from the real gw. Needs cc and libsqlite3-dev.
set -euo pipefail
cd "$(dirname "$0")/../.."
GW_BIN="${GW_BIN:-$PWD/.build-release/release/gw}"
RUNS=${LIMIT_RUNS:-10000}
REPEAT=${LIMIT_REPEAT:-3}
PER_TX=${LIMIT_PER_TX:-512}
out=$(mktemp -d /tmp/gw-limit-XXXX)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$out"' EXIT

cc -O2 -shared -fPIC -o "$out/trace.so" bench/limit/trace.c -ldl
cc -O2 -o "$out/limit" bench/limit/limit.c -lsqlite3

mkdir -p "$out/gw/pipelines"
cp bench/pipelines/three.yaml "$out/gw/pipelines/"
printf 'listen: 127.0.0.1:0\nauth:\n  tokens:\n    - { name: bench, token: bench-token, scopes: [admin] }\n' > "$out/gw/gw.yaml"
GW_SQL_TRACE="$out/trace" LD_PRELOAD="$out/trace.so" "$GW_BIN" serve --config "$out/gw/gw.yaml" > "$out/gw/out" 2> "$out/gw/log" &
pid=$!
url=
for _ in $(seq 100); do
  url=$(grep -o 'http://[0-9.:]*' "$out/gw/out" 2>/dev/null || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$out/gw/log" >&2; exit 1; }
run_id=$(curl -sf -X POST -H "Authorization: Bearer bench-token" "$url/pipelines/three/run" |
  python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["status"]=="completed", r; print(r["runId"])')
sleep 0.3
kill "$pid"; wait "$pid" || true
python3 bench/limit/extract.py "$out/trace" "$run_id" > "$out/run.trace"

measure() {  # sync mode -> median runs/s of $REPEAT replays on fresh copies of the real database
  for _ in $(seq "$REPEAT"); do
    rm -f "$out/db"*
    cp "$out/gw/.gw/gw.sqlite" "$out/db"
    "$out/limit" "$out/db" "$out/run.trace" "$run_id" "$RUNS" "$PER_TX" "$1" | awk '{print $1}'
  done | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}
cp "$out/gw/.gw/gw.sqlite" "$out/db"
subs=$("$out/limit" "$out/db" "$out/run.trace" "$run_id" 1 1 normal | awk -F'\t' '{print $2}')
normal=$(measure normal)
full=$(measure full)
printf 'figure\tvalue\tgoal\n'
printf 'storage limit, 3-step set run, sync normal (%s, %s per tx)\t%s runs/s\t-\n' "$subs" "$PER_TX" "$normal"
printf 'storage limit, 3-step set run, sync full (%s, %s per tx)\t%s runs/s\t-\n' "$subs" "$PER_TX" "$full"
