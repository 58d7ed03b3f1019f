# Shared helpers for bench scripts: a release build of gw and a gateway on an ephemeral port
# (GW_BENCH_YAML: more gw.yaml lines, e.g. "storage: { sync: full }").
GW_BIN="${GW_BIN:-$PWD/.build-release/release/gw}"

build_release() {
  if [ -z "${GW_SKIP_BUILD:-}" ]; then
    swift build -c release --product gw --scratch-path .build-release 2>&1 | grep -E "error|Compiling|Build complete" | tail -1
  fi
  test -x "$GW_BIN"
}

start_gateway() {
  BENCH_DIR=$(mktemp -d /tmp/gw-bench-XXXX)
  mkdir -p "$BENCH_DIR/pipelines"
  cp bench/pipelines/*.yaml "$BENCH_DIR/pipelines/"
  cat > "$BENCH_DIR/gw.yaml" <<YAML
listen: 127.0.0.1:0
auth:
  tokens:
    - { name: bench, token: bench-token, scopes: [admin] }
exec:
  allow: ["true", sh]
${GW_BENCH_YAML:-}
YAML
  TOKEN=bench-token
  "$GW_BIN" serve --config "$BENCH_DIR/gw.yaml" > "$BENCH_DIR/out" 2> "$BENCH_DIR/log" &
  GW_PID=$!
  for _ in $(seq 100); do
    GW_URL=$(grep -o 'http://[0-9.:]*' "$BENCH_DIR/out" 2>/dev/null || true)
    [ -n "$GW_URL" ] && break
    sleep 0.1
  done
  [ -n "$GW_URL" ] || { cat "$BENCH_DIR/log"; exit 1; }
  export GW_URL TOKEN GW_PID BENCH_DIR
}

stop_gateway() {
  kill "$GW_PID" 2>/dev/null || true
  wait "$GW_PID" 2>/dev/null || true
  rm -rf "$BENCH_DIR"
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
