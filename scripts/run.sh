#!/usr/bin/env bash
# Starts the TraceChain platform with simulated scanners (gateway with the embedded SQLite ledger) and plays a
# supply-chain day.
# Ctrl-C stops it. Options pass through to `ScannerAgent demo` (--urls, --rate, --dir, --exit-when-done).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
dotnet build TraceChain.sln -c Release -nologo -v quiet
exec dotnet run --project src/ScannerAgent -c Release --no-build -- demo "$@"
