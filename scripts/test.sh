#!/usr/bin/env bash
# Runs every test of TraceChain: installs what is missing, builds in Release, tests, prints a summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh

results=artifacts/test-results
rm -rf "$results"
dotnet build TraceChain.sln -c Release -nologo -v quiet
status=0
dotnet test TraceChain.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" --blame-hang-timeout 5m -- RunConfiguration.TreatNoTestsAsError=false || status=$?

# One closing line over all test projects, from the TRX files the runs wrote.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [[ -e $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + total - p - f))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
