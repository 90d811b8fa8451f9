#!/usr/bin/env bash
# A short run of each in-process benchmark script, so that CI sees that every one still runs (the figures printed
# are not measurements: sizes are tiny and the machine is building). .ci/run calls this after the tests.
#   bench/smoke.sh
# Not covered yet: bench/run.sh, bench/scale.sh with bench/seed.sh, and bench/licenses-scale.sh, which start the
# platform and load it over loopback with wrk and pgbench (issue 16).
set -euo pipefail
cd "$(dirname "$0")/.."
# Build once for every step (each script would otherwise compile and resolve the class path again).
echo "== build"
. bench/classpath.sh
export TONGBAN_BENCH_BUILT=1
for step in "cases.sh 20" "exchange.sh 10" "licenses.sh smoke" "passwords.sh smoke" "documents.sh 4" "todo.sh smoke" "policies.sh smoke" "directory.sh smoke"; do
  echo "== bench/$step"
  start=$(date +%s)
  # shellcheck disable=SC2086
  bench/$step
  echo "== bench/$step: ran in $(( $(date +%s) - start )) s"
done
