#!/usr/bin/env bash
# Runs every benchmark and writes BENCHMARKS.md and bench/results.json. --quick: smaller sizes, at most 90 s.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
# The zxing-js comparison runs under node; Debian's nodejs/npm when the machine has none.
command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
dotnet build bench/TraceChain.Bench -c Release -nologo -v quiet
exec dotnet bench/TraceChain.Bench/bin/Release/net10.0/TraceChain.Bench.dll "$@"
