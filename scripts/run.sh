#!/usr/bin/env bash
# Starts the TraceChain platform on this machine (embedded SQLite ledger). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
dotnet build TraceChain.sln -c Release -nologo -v quiet
exec dotnet run --project src/TraceGateway -c Release --no-build -- --urls "${TRACECHAIN_URL:-http://127.0.0.1:8080}"
