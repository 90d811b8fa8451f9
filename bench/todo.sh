#!/usr/bin/env bash
# The unified to-do at scale: p50/p99 of the whole to-do of an official whose department has N open items of three
# sources (cases, documents, rectifications), against a primary-key read in the same run (in-process, ADR 0040).
#   bench/todo.sh [items|smoke]      (default 1000000; smoke: 3000 items, 50 calls)
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
java ${TODO_BENCH_OPTS:-} -cp "$CP" org.tongban.bench.TodoBench "${1:-1000000}"
