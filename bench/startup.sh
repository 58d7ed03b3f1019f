#!/usr/bin/env bash
# CLI start-up (release build): median wall of `gw --version` and `gw health` (against a gateway here),
# beside the floors measured in the same run (bench/floor: Swift binaries that only print).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_release
bench/floor/build.sh
N=${BENCH_STARTUP_N:-100}
wall() { python3 bench/median_wall.py "$N" "$@"; }
floor_foundation=$(wall bench/floor/bin/foundation)
floor_static=$(wall bench/floor/bin/foundation-static)
floor_essentials=$(wall bench/floor/bin/essentials)
floor_bare=$(wall bench/floor/bin/bare)
floors="floors: Foundation $floor_foundation ms, static $floor_static, Essentials $floor_essentials, bare $floor_bare"
# The same objects linked statically (bench/relink-static, seconds): what a static release starts in.
static_bin=$(bench/relink-static 2>/dev/null || true)
version_ms=$(wall "$GW_BIN" --version)
[ -n "$static_bin" ] && static_version_ms=$(wall "$static_bin" --version)
start_gateway
trap stop_gateway EXIT
health_ms=$(wall "$GW_BIN" health --addr "$GW_URL")
[ -n "$static_bin" ] && static_health_ms=$(wall "$static_bin" health --addr "$GW_URL")
ratio() { python3 -c "print(f'{$1 / $2:.1f}x')"; }
printf 'figure\tvalue\tgoal\tpeer\tratio\n'
printf 'gw --version median wall\t%s ms\t<8 ms\t%s\t%s Foundation floor\n' "$version_ms" "$floors" "$(ratio "$version_ms" "$floor_foundation")"
printf 'gw health median wall\t%s ms\t<10 ms\t%s\t%s Foundation floor\n' "$health_ms" "$floors" "$(ratio "$health_ms" "$floor_foundation")"
if [ -n "$static_bin" ]; then
  printf '  gw --version, static stdlib (relinked)\t%s ms\t<8 ms\tstatic floor %s ms\t%s static floor\n' "$static_version_ms" "$floor_static" "$(ratio "$static_version_ms" "$floor_static")"
  printf '  gw health, static stdlib (relinked)\t%s ms\t<10 ms\tstatic floor %s ms\t%s static floor\n' "$static_health_ms" "$floor_static" "$(ratio "$static_health_ms" "$floor_static")"
fi
