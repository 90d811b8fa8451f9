#!/usr/bin/env bash
# Licenses: SM2 sign/verify through Tongban's code against raw BouncyCastle (JMH), then batch issuance of licenses
# per second (in-process, embedded PostgreSQL).
#   bench/licenses.sh [rows]      (default 100000 rows)
#   bench/licenses.sh smoke       (one short JMH iteration and 200 rows: that it runs, not a measurement)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
./mvnw -B -q -ntp -DskipTests test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "${1:-}" = smoke ]; then
  java -cp "$CP" org.tongban.bench.LicenseCryptoBench smoke
  java -cp "$CP" org.tongban.bench.LicenseBatchBench 200
else
  java -cp "$CP" org.tongban.bench.LicenseCryptoBench
  java -cp "$CP" org.tongban.bench.LicenseBatchBench "${1:-100000}"
fi
