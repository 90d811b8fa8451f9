#!/usr/bin/env bash
# The seeding tool: open tasks of officials with their cases, and catalogue items, at scale.
#   bench/seed.sh [tasks] [items]          (defaults 1000000 and 3000)
# Seeds the database named by TONGBAN_DB_URL (create it first: createdb -h 127.0.0.1 -U postgres tongban_bench),
# or, when that is unset, the embedded PostgreSQL under TONGBAN_DATA_DIR (default ./data). The platform started
# later on the same database must use the same TONGBAN_DATA_DIR (its development keys live there).
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
java -cp "$CP" org.tongban.bench.Seed "${1:-1000000}" "${2:-3000}"
