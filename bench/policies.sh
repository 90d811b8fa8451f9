#!/usr/bin/env bash
# Policy matching: one policy's four CEL conditions evaluated over N in-memory enterprise profiles by the policies
# module's compiled programs, against the same conditions as plain Java predicates (JMH, one run).
#   bench/policies.sh [profiles]   (default 100000 profiles)
#   bench/policies.sh smoke        (one short JMH iteration over 1000 profiles: that it runs, not a measurement)
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
if [ "${1:-}" = smoke ]; then
  java -cp "$CP" org.tongban.bench.PolicyMatchBench smoke 1000
else
  java -cp "$CP" org.tongban.bench.PolicyMatchBench full "${1:-100000}"
fi
