#!/usr/bin/env bash
# Submissions and task completions per second against raw Flowable, in-process on embedded PostgreSQL.
#   bench/cases.sh [n]      (default 1000 per measurement; a warm-up round runs first)
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
java -cp "$CP" org.tongban.bench.CaseBench "${1:-1000}"
