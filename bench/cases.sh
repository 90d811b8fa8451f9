#!/usr/bin/env bash
# Submissions and task completions per second against raw Flowable, in-process on embedded PostgreSQL.
#   bench/cases.sh [n]      (default 1000 per measurement; a warm-up round runs first)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
./mvnw -B -q -ntp -DskipTests test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.tongban.bench.CaseBench "${1:-1000}"
