#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine: installs what the tests need, builds, tests,
# and ends with one line "N passed, N failed" summed over all test projects.
set -euo pipefail
cd "$(dirname "$0")/.."

# Services the integration tests need (PostgreSQL, Chromium) are installed and started by scripts/services.sh
# when it exists; it prints the environment the tests read.
if [[ -x scripts/services.sh ]]; then
  eval "$(scripts/services.sh start)"
  trap 'scripts/services.sh stop >/dev/null 2>&1 || true' EXIT
fi

log=$(mktemp)
set +e
dotnet test Huiqi.slnx -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
echo "tests: $passed passed, $failed failed"
exit $status
