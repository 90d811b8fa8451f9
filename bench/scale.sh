#!/usr/bin/env bash
# Issue 3 at scale, on loopback: the officials' inbox with 1,000,000 open tasks and the catalogue search with 3,000
# items, each beside a baseline measured in the same run. Seed first, with the same two variables:
#   export TONGBAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/tongban_bench TONGBAN_DATA_DIR=/tmp/tongban-scale
#   bench/seed.sh && bench/scale.sh
# JAR=path runs another build against the same database (e.g. the one before a change). DURATION (default 20s) is
# each wrk run. Needs wrk, psql and pgbench (Debian: wrk, postgresql-client). Starts the platform on PORT (18081)
# and stops it at the end. SECTIONS (default "inbox sql catalog") picks parts.
set -euo pipefail
# The load comes from one address: without this the per-address rate limits (ADR 0011) are what gets measured.
export TONGBAN_RATELIMITS_FACTOR=${TONGBAN_RATELIMITS_FACTOR:-1000000}
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
: "${TONGBAN_DB_URL:?name the seeded database}" "${TONGBAN_DATA_DIR:?the data directory used when seeding}"
PORT=${PORT:-18081}
BASE=http://localhost:$PORT
DURATION=${DURATION:-20s}
if [ -z "${JAR:-}" ]; then
  ./mvnw -B -q -ntp -DskipTests package
  JAR=$(ls target/tongban-*.jar | grep -v plain | head -1)
fi
PGURL=$(echo "$TONGBAN_DB_URL" | sed -E 's#^jdbc:postgresql://([^/]+)/([^?]+).*#postgresql://'"${TONGBAN_DB_USER:-postgres}"'@\1/\2#')
OUT=$(mktemp -d /tmp/tongban-scale.XXXXXX)
PORT=$PORT TONGBAN_ORIGINS=$BASE TONGBAN_ISSUER=$BASE java -jar "$JAR" >"$OUT/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
t0=$(date +%s)
until curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $PID 2>/dev/null || { echo "platform died; see $OUT/app.log" >&2; exit 1; }
  sleep 0.5
done
echo "platform  $(basename "$JAR") ready in $(( $(date +%s) - t0 )) s; output in $OUT"
grep -ho "Officials' inbox filled.*" "$OUT/app.log" || true
# A database seeded before the inbox table existed was filled by this start: vacuum it as autovacuum soon would.
psql -q "$PGURL" -c "vacuum (analyze) workflow.task_inbox" 2>/dev/null || true
psql -At "$PGURL" -c "select 'data      ' || (select count(*) from workflow.act_ru_task) || ' open tasks, ' ||
  (select count(*) from workflow.act_ru_task t where exists (select 1 from workflow.act_ru_identitylink l
     where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ = '440100-SCJG')) || ' at 440100-SCJG, ' ||
  (select count(*) from workflow.act_ru_task t where exists (select 1 from workflow.act_ru_identitylink l
     where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ = '440100-GA')) || ' at 440100-GA, ' ||
  (select count(*) from catalog.service_item where status = 'PUBLISHED') || ' published items'"

signin() { # the Cookie header of a signed-in session
  local jar csrf
  jar=$(mktemp)
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "identifier=$1" --data-urlencode "password=Tongban@2026" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  sed -E 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}'
  rm -f "$jar"
}

latency() { # label, connections, path, cookie or "", wrk script or ""
  local label=$1 c=$2 path=$3 cookie=${4:-} script=${5:-} args=()
  [ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
  [ -n "$script" ] && args+=(-s "$script")
  local t=2; [ "$c" -lt 2 ] && t=1
  wrk -t$t -c"$c" -d5s "${args[@]}" "$BASE$path" >/dev/null   # warm-up
  wrk -t$t -c"$c" -d"$DURATION" --latency "${args[@]}" "$BASE$path" >"$OUT/wrk.txt"
  printf 'http      %-46s c=%-3s %s\n' "$label" "$c" "$(awk '/^ +50%/{p50=$2} /^ +90%/{p90=$2} /^ +99%/{p99=$2}
    /Requests\/sec/{rps=$2} /Non-2xx/{bad=$NF} END{printf "p50 %s  p90 %s  p99 %s  %s req/s%s", p50, p90, p99, rps,
    bad ? "  NON-2XX " bad : ""}' "$OUT/wrk.txt")"
}

rawsql() { # label, clients, sql file, department
  sed "s/DEPT/$4/g" "$3" >"$OUT/q.sql"
  rm -f "$OUT"/pgb*
  pgbench -n -f "$OUT/q.sql" -c "$2" -j 2 -T 5 "$PGURL" >/dev/null 2>&1
  pgbench -n -f "$OUT/q.sql" -c "$2" -j 2 -T "${DURATION%s}" -l --log-prefix="$OUT/pgb" "$PGURL" >"$OUT/pgbench.txt" 2>&1
  printf 'sql       %-46s c=%-3s %s\n' "$1" "$2" "$(cat "$OUT"/pgb* | awk '{print $3}' | sort -n |
    awk '{a[NR]=$1} END{printf "p50 %.2fms  p99 %.2fms  %d queries", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, NR}')"
}

plan() { # label, sql file, department
  sed "s/DEPT/$3/g" "$2" | grep -v '^--' | sed '1s/^/explain (analyze, buffers) /' >"$OUT/plan.sql"
  psql -At "$PGURL" -f "$OUT/plan.sql" >"$OUT/plan-$1.txt"
  printf 'plan      %-20s %s | %s\n' "$1" "$(head -3 "$OUT/plan-$1.txt" | sed -E 's/ +/ /g' | tr '\n' ' ' | cut -c1-240)" \
    "$(grep -E 'Execution Time' "$OUT/plan-$1.txt")"
}

OFFICIAL=$(signin official)
POLICE=$(signin police)
rows=$(curl -s -H "Cookie: $OFFICIAL" "$BASE/api/v1/office/inbox" | grep -o '"caseNumber"' | wc -l)
echo "check     GET /api/v1/office/inbox as official: $rows rows; counts $(curl -s -H "Cookie: $OFFICIAL" "$BASE/api/v1/office/inbox/counts")"

# The officials' inbox: the endpoint as a signed-in official, beside an endpoint of the same session that reads one
# row (who am I), and the raw SQL the inbox sends beside a primary-key look-up, at the same concurrency.
C=${INBOX_CLIENTS:-8}
SECTIONS=${SECTIONS:-inbox sql catalog}
if [[ $SECTIONS == *inbox* ]]; then
latency "GET /api/v1/me (baseline, same session)" "$C" /api/v1/me "$OFFICIAL"
latency "GET /api/v1/office/inbox (official, SCJG)" 1 /api/v1/office/inbox "$OFFICIAL"
latency "GET /api/v1/office/inbox (official, SCJG)" "$C" /api/v1/office/inbox "$OFFICIAL"
latency "GET /api/v1/office/inbox?step=decide" "$C" "/api/v1/office/inbox?step=decide" "$OFFICIAL"
latency "GET /api/v1/office/inbox?mine=true" "$C" "/api/v1/office/inbox?mine=true" "$OFFICIAL"
latency "GET /api/v1/office/inbox/counts" "$C" /api/v1/office/inbox/counts "$OFFICIAL"
latency "GET /api/v1/office/inbox (police, GA)" "$C" /api/v1/office/inbox "$POLICE"
fi
if [[ $SECTIONS == *sql* ]]; then
rawsql "primary-key look-up of a task (baseline)" "$C" bench/scale/pk.sql 440100-SCJG
TABLE=$(psql -At "$PGURL" -c "select to_regclass('workflow.task_inbox') is not null")
for dept in 440100-SCJG 440100-JY; do
  rawsql "Flowable's inbox query, $dept" "$C" bench/scale/flowable-inbox.sql $dept
  plan "flowable-$dept" bench/scale/flowable-inbox.sql $dept
  if [ "$TABLE" = t ]; then
    rawsql "task_inbox query, $dept" "$C" bench/scale/table-inbox.sql $dept
    plan "table-$dept" bench/scale/table-inbox.sql $dept
  fi
done
fi

# Catalogue search at 100 connections, beside a static file and a trivial endpoint.
if [[ $SECTIONS == *catalog* ]]; then
latency "static /assets/img/favicon.svg (baseline)" 100 /assets/img/favicon.svg
latency "GET /actuator/health/liveness (baseline)" 100 /actuator/health/liveness
latency "catalogue search, 12 queries in turn" 100 /api/v1/catalog/items "" bench/scale/catalog.lua
latency "catalogue search q=sbk" 100 "/api/v1/catalog/items?q=sbk"
# The same 100 clients as people use a search box: each waits 100 ms after an answer before its next search.
export THINK_MS=100
latency "liveness, 100 ms think time (baseline)" 100 /actuator/health/liveness "" bench/scale/think.lua
latency "catalogue search, 100 ms think time" 100 /api/v1/catalog/items "" bench/scale/catalog.lua
unset THINK_MS
fi
