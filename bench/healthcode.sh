#!/usr/bin/env bash
# Health-code verification on 2 threads (in-process): the platform's online check of a live health code (the
# verifier's checks with the trust list, then the health code's register) against raw SM2 verification in the same
# run, and how many such nodes 23,000 verifications/s would take (issue 14; target ≥ 5,000/s on 2 cores).
#   bench/healthcode.sh [seconds|smoke]      (default 20 s per measurement; smoke: 3 s, not a measurement)
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
java -XX:ActiveProcessorCount=2 -cp "$CP" org.tongban.bench.HealthCodeBench "${1:-20}"
