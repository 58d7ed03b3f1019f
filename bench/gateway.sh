#!/usr/bin/env bash
# Issue 2 figures (release build): wrk 16 connections x 10 s on authenticated GET /gateway vs a bare
# Hummingbird hello server; idle RSS of `gw serve` beside the hello server's (`gw health`: bench/startup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_release
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
(cd bench/hello && swift build -c release 2>&1 | tail -1)

start_gateway
sleep 1
idle_rss=$(rss_kb "$GW_PID")
gw_out=$(wrk -t2 -c16 -d10s --latency -H "Authorization: Bearer $TOKEN" "$GW_URL/gateway")
bench/hello/.build/release/hello 7081 >/dev/null 2>&1 & HELLO_PID=$!
sleep 1
hello_idle_rss=$(rss_kb "$HELLO_PID")
hello_out=$(wrk -t2 -c16 -d10s --latency "http://127.0.0.1:7081/hello")
kill $HELLO_PID

gw_rps=$(echo "$gw_out" | awk '/Requests\/sec/ {print $2}')
hello_rps=$(echo "$hello_out" | awk '/Requests\/sec/ {print $2}')
gw_p99=$(echo "$gw_out" | awk '$1=="99%" {print $2}')
hello_p99=$(echo "$hello_out" | awk '$1=="99%" {print $2}')
stop_gateway

ratio=$(python3 -c "print(f'{$gw_rps / $hello_rps * 100:.0f}%')")
printf 'figure\tvalue\tgoal\tpeer\tratio\n'
printf 'GET /gateway req/s (wrk -c16 10s)\t%s\t>=70%% of peer\t%s (bare Hummingbird)\t%s\n' "$gw_rps" "$hello_rps" "$ratio"
printf 'GET /gateway p99\t%s\t-\t%s\t-\n' "$gw_p99" "$hello_p99"
printf 'gw serve idle RSS\t%s MB\t<30 MB\t%s MB (bare Hummingbird, idle)\t-\n' "$(( idle_rss / 1024 ))" "$(( hello_idle_rss / 1024 ))"
