#!/usr/bin/env bash
# The dashboards (效能监管) at scale: p50/p99 of the province's and a department's figures and of a drill-down with N
# cases and their read models, against a primary-key read in the same run (in-process, ADR 0044).
#   bench/insight.sh [cases|smoke]      (default 10000000; smoke: 20000 cases, 30 calls)
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
java ${INSIGHT_BENCH_OPTS:-} -cp "$CP" org.tongban.bench.InsightBench "${1:-10000000}"
