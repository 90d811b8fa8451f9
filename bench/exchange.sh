#!/usr/bin/env bash
# The exchange gateway against the same source query run directly: p50/p99 and calls/s at 8 clients, with the
# signed call log (in-process, embedded PostgreSQL).
#   bench/exchange.sh [calls per client]      (default 2000)
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
java -cp "$CP" org.tongban.bench.ExchangeGatewayBench "${1:-2000}"
