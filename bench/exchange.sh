#!/usr/bin/env bash
# The exchange gateway against the same source query run directly: p50/p99 and calls/s at 8 clients, with the
# signed call log (in-process, embedded PostgreSQL).
#   bench/exchange.sh [calls per client]      (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
./mvnw -B -q -ntp -DskipTests test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -cp "$CP" org.tongban.bench.ExchangeGatewayBench "${1:-2000}"
