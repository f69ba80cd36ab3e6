#!/usr/bin/env bash
# Runs every benchmark and writes BENCHMARKS.md and bench/results.json. --quick: smaller sizes, at most 90 s.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
dotnet build bench/TraceChain.Bench -c Release -nologo -v quiet
exec dotnet bench/TraceChain.Bench/bin/Release/net10.0/TraceChain.Bench.dll "$@"
