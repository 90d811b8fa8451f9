#!/usr/bin/env bash
# The directory's search at scale: p50/p99 of searches by initials, pinyin, name and department over N entries, as an
# official sees them, against a primary-key read of one entry in the same run (in-process, ADR 0046).
#   bench/directory.sh [entries|smoke]      (default 100000; smoke: 2000 entries, 50 calls)
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
java ${DIRECTORY_BENCH_OPTS:-} -cp "$CP" org.tongban.directory.internal.DirectoryBench "${1:-100000}"
