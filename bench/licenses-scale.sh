#!/usr/bin/env bash
# Issue 4 at scale, on loopback: online verification throughput (POST /api/v1/licenses/verify) beside raw SM2
# verification and a trivial endpoint, and the wallet listing (GET /api/v1/licenses/mine) with millions of licenses.
#   export TONGBAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/tongban_lbench TONGBAN_DATA_DIR=/tmp/tongban-lbench
#   createdb -h 127.0.0.1 -U postgres tongban_lbench
#   bench/licenses-scale.sh seed 10000000     # first start (migrations, demo data), then bulk SQL (bench/licenses-scale/)
#   bench/licenses-scale.sh                   # SECTIONS (default "verify raw wallet") pick parts
#   dropdb -h 127.0.0.1 -U postgres tongban_lbench; rm -rf /tmp/tongban-lbench
# JAR=path measures another build on the same data. DURATION (default 20s) is each wrk run, CLIENTS (8) the wallet's
# concurrency, VERIFY_CLIENTS (16) verification's. Needs wrk, psql and pgbench. Starts the platform on PORT (18091)
# and stops it at the end.
set -euo pipefail
# The load comes from one address: without this the per-address rate limits (ADR 0011) are what gets measured.
export TONGBAN_RATELIMITS_FACTOR=${TONGBAN_RATELIMITS_FACTOR:-1000000}
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
: "${TONGBAN_DB_URL:?name the database}" "${TONGBAN_DATA_DIR:?the data directory (the development keys live there)}"
export TONGBAN_DB_URL TONGBAN_DATA_DIR
PORT=${PORT:-18091}
BASE=http://localhost:$PORT
DURATION=${DURATION:-20s}
SECTIONS=${SECTIONS:-verify raw wallet}
PGURL=$(echo "$TONGBAN_DB_URL" | sed -E 's#^jdbc:postgresql://([^/]+)/([^?]+).*#postgresql://'"${TONGBAN_DB_USER:-postgres}"'@\1/\2#')
OUT=$(mktemp -d /tmp/tongban-lscale.XXXXXX)
if [ -z "${JAR:-}" ]; then
  ./mvnw -o -B -q -ntp -DskipTests package
  JAR=$(ls target/tongban-*.jar | grep -v -e plain -e verifier | head -1)
fi

PID=
start() {
  PORT=$PORT TONGBAN_ORIGINS=$BASE TONGBAN_ISSUER=$BASE java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" >"$OUT/app.log" 2>&1 &
  PID=$!
  until curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 $PID 2>/dev/null || { echo "platform died; see $OUT/app.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "platform  $(basename "$JAR") ready; output in $OUT"
}
stop() { [ -n "$PID" ] && { kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; PID=; }; }
trap stop EXIT

if [ "${1:-}" = seed ]; then
  ROWS=${2:-10000000} HOLDERS=${HOLDERS:-1000000} CHUNK=500000
  start; stop   # migrations and demo data
  # The demo citizen's blind index: the person whose seven demo licenses are masked 张*.
  CITIZEN=$(psql -At "$PGURL" -c "select encode(holder_idx, 'hex') from licenses.license where holder_name_masked = '张*' order by id limit 1")
  psql -q "$PGURL" -f bench/licenses-scale/prepare.sql
  BASEID=$(psql -At "$PGURL" -c "select max(id) from licenses.license")
  T=$(psql -At "$PGURL" -c "select count(*) from public.lbench_tpl")
  t0=$(date +%s)
  seq 1 $CHUNK "$ROWS" | xargs -P 2 -I{} sh -c "psql -q '$PGURL' -v lo={} -v hi=\$(( {} + $CHUNK - 1 < $ROWS ? {} + $CHUNK - 1 : $ROWS )) \
    -v base=$BASEID -v rows=$ROWS -v holders=$HOLDERS -v extra=5 -v citizen=$CITIZEN -v templates=$T -f bench/licenses-scale/chunk.sql"
  t1=$(date +%s)
  psql -q "$PGURL" -f bench/licenses-scale/finish.sql
  echo "seeded    $ROWS licenses in $((t1 - t0)) s, indexes and analyze in $(( $(date +%s) - t1 )) s;" \
    "$(psql -At "$PGURL" -c "select count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('licenses.license')) from licenses.license")"
  exit 0
fi

signin() { # identifier, a page of theirs: the Cookie header of a signed-in session; its CSRF token in $OUT/<identifier>.csrf
  local jar=$OUT/$1.jar csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "identifier=$1" --data-urlencode "password=Tongban@2026" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  # Signing in replaces the CSRF token; a page of the session gives the new one (masked, as forms and scripts send it).
  curl -s -c "$jar" -b "$jar" "$BASE${2:-/home}" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1 >"$OUT/$1.csrf"
  sed -E 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}'
}

latency() { # label, threads, connections, path, cookie or "", wrk script or ""
  local label=$1 t=$2 c=$3 path=$4 cookie=${5:-} script=${6:-} args=()
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  [ -n "$script" ] && args+=(-s "$script")
  wrk -t"$t" -c"$c" -d10s "${args[@]}" "$BASE$path" >/dev/null   # warm-up
  wrk -t"$t" -c"$c" -d"$DURATION" --latency "${args[@]}" "$BASE$path" >"$OUT/wrk.txt"
  printf 'http      %-44s c=%-3s %s\n' "$label" "$c" "$(awk '/^ +50%/{p50=$2} /^ +90%/{p90=$2} /^ +99%/{p99=$2}
    /Requests\/sec/{rps=$2} /Non-2xx/{bad=$NF} END{printf "p50 %s  p90 %s  p99 %s  %s req/s%s", p50, p90, p99, rps,
    bad ? "  NON-2XX " bad : ""}' "$OUT/wrk.txt")"
}

if [[ $SECTIONS == *verify* || $SECTIONS == *wallet* ]]; then
  start
  echo "load      $(cut -d' ' -f1-3 /proc/loadavg)"
fi

if [[ $SECTIONS == *verify* ]]; then
  # Show tokens live licenses.show-seconds (60 by default, at most 600): 600 for the run, set as the operator does.
  OPERATOR=$(signin operator /console/platform/settings)
  curl -s -o /dev/null -H "Cookie: $OPERATOR" --data-urlencode "key=licenses.show-seconds" --data-urlencode "value=600" \
    --data-urlencode "_csrf=$(cat "$OUT/operator.csrf")" "$BASE/console/platform/settings"
  sleep 11   # settings are cached for ten seconds
  CITIZEN=$(signin citizen /citizen/licenses)
  LICENCE=$(curl -s -H "Cookie: $CITIZEN" "$BASE/api/v1/licenses/mine?limit=100" | grep -o '"identifier":"[^"]*"' |
    tail -1 | cut -d'"' -f4)   # the oldest: one of the demo licenses, whose content decrypts
  SHOWN=$(curl -s -H "Cookie: $CITIZEN" -H "X-CSRF-TOKEN: $(cat "$OUT/citizen.csrf")" -H 'Content-Type: application/json' \
    -d '{}' "$BASE/api/v1/licenses/$LICENCE/show")
  export TOKEN=$(echo "$SHOWN" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
  echo "setting   licenses.show-seconds = $(psql -At "$PGURL" -c "select value from platform.setting where key = 'licenses.show-seconds'")"
  echo "token     $LICENCE: $(echo "$SHOWN" | grep -o '"expiresAt":"[^"]*"') (${#TOKEN} characters)"
  echo "check     $(curl -s -D "$OUT/headers" -H 'Content-Type: application/json' -d "{\"token\":\"$TOKEN\"}" \
    "$BASE/api/v1/licenses/verify" | grep -o '"outcome":"[^"]*"'); Set-Cookie: $(grep -ci '^set-cookie' "$OUT/headers")"
  VC=${VERIFY_CLIENTS:-16}
  latency "GET /actuator/health/liveness (baseline)" 2 "$VC" /actuator/health/liveness
  latency "POST /api/v1/licenses/verify" 2 "$VC" /api/v1/licenses/verify "" bench/licenses-scale/verify.lua
  if [ -n "${PROFILE:-}" ]; then   # a JFR recording of 20 s of verification, summarised by hot methods
    jcmd $PID JFR.start name=v settings=profile filename="$OUT/verify.jfr" >/dev/null
    wrk -t2 -c"$VC" -d20s -s bench/licenses-scale/verify.lua "$BASE/api/v1/licenses/verify" >/dev/null
    jcmd $PID JFR.stop name=v >/dev/null
    jfr print --events jdk.ExecutionSample "$OUT/verify.jfr" | grep -A1 'stackTrace = \[' | grep -v -e stackTrace -e '^--' |
      sed -E 's/line:.*//; s/^ +//' | sort | uniq -c | sort -rn | head -25
    echo "jfr       $OUT/verify.jfr"
  fi
fi

if [[ $SECTIONS == *wallet* ]]; then
  CITIZEN=${CITIZEN:-$(signin citizen /citizen/licenses)}
  echo "check     GET /api/v1/licenses/mine as citizen: $(curl -s -H "Cookie: $CITIZEN" "$BASE/api/v1/licenses/mine" |
    grep -o '"identifier"' | wc -l) licenses; $(psql -At "$PGURL" -c "select count(*) || ' licenses in the register, ' ||
    pg_size_pretty(pg_total_relation_size('licenses.license')) from licenses.license")"
  C=${CLIENTS:-8}
  latency "GET /api/v1/me (baseline, same session)" 2 "$C" /api/v1/me "$CITIZEN"
  latency "GET /api/v1/licenses/mine (citizen)" 1 1 /api/v1/licenses/mine "$CITIZEN"
  latency "GET /api/v1/licenses/mine (citizen)" 2 "$C" /api/v1/licenses/mine "$CITIZEN"
  latency "GET /citizen/licenses (wallet page)" 2 "$C" /citizen/licenses "$CITIZEN"
  # The listing query as LicenseStore.ofHolders sends it, beside a primary-key look-up, with pgbench.
  IDX=$(psql -At "$PGURL" -c "select encode(holder_idx, 'hex') from licenses.license where holder_name_masked = '张*' order by id limit 1")
  OTHER=$(psql -At "$PGURL" -c "select encode(holder_idx, 'hex') from licenses.license order by id desc limit 1")
  printf '\\set id random(1, %s)\nselect * from licenses.license where id = :id;\n' \
    "$(psql -At "$PGURL" -c "select max(id) from licenses.license")" >"$OUT/pk.sql"
  for who in citizen other; do
    h=$IDX; [ $who = other ] && h=$OTHER
    echo "select * from licenses.license where holder_idx = any(array[decode('$h', 'hex')]) and id < 9223372036854775807 order by id desc limit 21;" >"$OUT/$who.sql"
  done
  for q in pk citizen other; do
    rm -f "$OUT"/pgb*
    pgbench -n -M prepared -f "$OUT/$q.sql" -c "$C" -j 2 -T 5 "$PGURL" >/dev/null 2>&1
    pgbench -n -M prepared -f "$OUT/$q.sql" -c "$C" -j 2 -T "${DURATION%s}" -l --log-prefix="$OUT/pgb" "$PGURL" >/dev/null 2>&1
    printf 'sql       %-44s c=%-3s %s\n' "$q" "$C" "$(cat "$OUT"/pgb* | awk '{print $3}' | sort -n |
      awk '{a[NR]=$1} END{printf "p50 %.2fms  p99 %.2fms  %d queries", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, NR}')"
  done
  for q in citizen other; do
    psql -At "$PGURL" -c "explain (analyze, buffers) $(cat "$OUT/$q.sql")" >"$OUT/plan-$q.txt"
    echo "plan      $q:"; sed 's/^/          /' "$OUT/plan-$q.txt"
  done
fi
stop

if [[ $SECTIONS == *raw* ]]; then
  # Raw SM2 verification on 2 threads (JMH group: raw BouncyCastle and Tongban's Sm2.verify side by side), and a whole
  # show token verified offline on 2 threads, with the platform stopped.
  ./mvnw -o -B -q -ntp -DskipTests test-compile
  ./mvnw -o -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
  CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
  echo "load      $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$CP" org.openjdk.jmh.Main 'LicenseCryptoBench\.(verify|tongbanVerifyShowToken)' -t 2 -f 1 -wi 2 -w 3s -i 3 -r 5s \
    -rf text -rff "$OUT/jmh.txt" >"$OUT/jmh.log" 2>&1 || true
  sed 's/^/raw       /' "$OUT/jmh.txt"
fi
