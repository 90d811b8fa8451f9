#!/usr/bin/env bash
# 公文 PDFs: GB/T 9704 documents rendered, sealed and signed per second by the documents module (in-process).
#   bench/documents.sh [documents]      (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
./mvnw -B -q -ntp -DskipTests test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -cp "$CP" org.tongban.bench.DocumentPdfBench "${1:-200}"
