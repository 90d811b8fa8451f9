#!/usr/bin/env bash
# Benchmarks of the platform foundation, on loopback only. Prints the figures that docs/benchmarks.md records.
#   bench/run.sh            build, measure cold and warm start and heap, then run the load generator
# Needs Java 25 (JAVA_HOME). Uses port 18080 and a fresh data directory under /tmp; stops what it starts.
set -euo pipefail
# The load comes from one address: without this the per-address rate limits (ADR 0011) are what gets measured.
export TONGBAN_RATELIMITS_FACTOR=${TONGBAN_RATELIMITS_FACTOR:-1000000}
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
PORT=18080
DATA=$(mktemp -d /tmp/tongban-bench.XXXXXX)
./mvnw -B -q -ntp -DskipTests package
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
JAR=$(ls target/tongban-*.jar | grep -v plain | head -1)

start() {
  local t0 pid dir=${DIR:-$DATA}
  t0=$(date +%s%N)
  PORT=$PORT TONGBAN_DATA_DIR=$dir TONGBAN_ORIGINS=http://localhost:$PORT TONGBAN_ISSUER=http://localhost:$PORT \
    java ${JAVA_OPTS:-} -jar "${RUN_JAR:-$JAR}" >"$DATA/app.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "platform died; see $DATA/app.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$pid $(( ($(date +%s%N) - t0) / 1000000 ))"
}

heap() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}'
}

# The same build, extracted and with a JDK 25 AOT cache from a training run, as a production image would ship it.
rm -rf target/extracted
java -Djarmode=tools -jar "$JAR" extract --destination target/extracted >/dev/null
EXTRACTED=target/extracted/$(basename "$JAR")
TRAIN=$(mktemp -d /tmp/tongban-train.XXXXXX)
PORT=$PORT TONGBAN_DATA_DIR=$TRAIN java -XX:AOTCacheOutput=target/extracted/app.aot -Dspring.context.exit=onRefresh \
  -jar "$EXTRACTED" >"$TRAIN/train.log" 2>&1
rm -rf "$TRAIN"
AOT_DATA=$(mktemp -d /tmp/tongban-aot.XXXXXX)
read -r PID COLD < <(DIR=$AOT_DATA RUN_JAR=$EXTRACTED JAVA_OPTS=-XX:AOTCache=target/extracted/app.aot start)
echo "start     extracted jar + AOT cache, first start to ready: ${COLD} ms"
kill "$PID"; wait "$PID" 2>/dev/null || true
read -r PID WARM < <(DIR=$AOT_DATA RUN_JAR=$EXTRACTED JAVA_OPTS=-XX:AOTCache=target/extracted/app.aot start)
echo "start     extracted jar + AOT cache, later start to ready: ${WARM} ms; heap used after full GC: $(heap "$PID")"
kill "$PID"; wait "$PID" 2>/dev/null || true
rm -rf "$AOT_DATA"

read -r PID COLD < <(start)
echo "start     fat jar, first start (initdb, migrations, demo data) to ready: ${COLD} ms; heap used after full GC: $(heap "$PID")"
kill "$PID"; wait "$PID" 2>/dev/null || true
read -r PID WARM < <(start)
echo "start     fat jar, later start to ready: ${WARM} ms; heap used after full GC: $(heap "$PID")"

CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -cp "$CP" org.tongban.bench.LoadBench "http://localhost:$PORT" password
java -cp "$CP" org.tongban.bench.LoadBench "http://localhost:$PORT" passkey
# Page latency with wrk (Debian package wrk): a load generator in C takes less of the 2 cores than one in Java.
if command -v wrk >/dev/null; then
  for path in /assets/css/tongban.css /; do
    wrk -t2 -c100 -d10s "http://localhost:$PORT$path" >/dev/null          # warm-up
    echo "portal    wrk -t2 -c100 -d30s --latency $path"
    wrk -t2 -c100 -d30s --latency "http://localhost:$PORT$path" | grep -E '^\s+(50|75|90|99)%|Requests/sec|Non-2xx'
  done
else
  echo "portal    wrk not installed (apt-get install wrk); falling back to the Java client"
  java -cp "$CP" org.tongban.bench.LoadBench "http://localhost:$PORT" portal
fi
kill "$PID"; wait "$PID" 2>/dev/null || true
rm -rf "$DATA"
