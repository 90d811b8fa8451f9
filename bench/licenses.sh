#!/usr/bin/env bash
# Licenses: SM2 sign/verify through Tongban's code against raw BouncyCastle (JMH), then batch issuance of licenses
# per second (in-process, embedded PostgreSQL).
#   bench/licenses.sh [rows]      (default 100000 rows)
#   bench/licenses.sh smoke       (one short JMH iteration and 200 rows: that it runs, not a measurement)
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
if [ "${1:-}" = smoke ]; then
  java -cp "$CP" org.tongban.bench.LicenseCryptoBench smoke
  java -cp "$CP" org.tongban.bench.LicenseBatchBench 200
else
  java -cp "$CP" org.tongban.bench.LicenseCryptoBench
  java -cp "$CP" org.tongban.bench.LicenseBatchBench "${1:-100000}"
fi
