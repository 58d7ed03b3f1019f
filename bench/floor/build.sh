#!/usr/bin/env bash
# Builds the start-up floors of `gw --version` / `gw health` into bench/floor/bin (swiftc -O, a few seconds each):
# foundation (imports Foundation, prints), essentials (FoundationEssentials only), bare (the standard library
# only), and foundation-static (as foundation, with the Swift runtime and Foundation linked statically).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p bin
for name in foundation essentials bare; do
  [ bin/$name -nt $name.swift ] || swiftc -O -o bin/$name $name.swift
done
[ bin/foundation-static -nt foundation.swift ] || swiftc -O -static-stdlib -o bin/foundation-static foundation.swift 2>/dev/null
