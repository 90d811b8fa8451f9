#!/usr/bin/env bash
# Passwords: one Argon2id check at Tongban's parameters (OWASP minimum) against Spring's defaults used before (JMH).
#   bench/passwords.sh [smoke]
set -euo pipefail
. "$(dirname "$0")/classpath.sh"
java -cp "$CP" org.tongban.bench.PasswordHashBench "$@"
