# Sourced by the in-process benchmark scripts: Java 25, the tests compiled, and their class path in CP.
# bench/smoke.sh builds once and sets TONGBAN_BENCH_BUILT=1, so that the scripts it runs do not build again.
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if [[ "${TONGBAN_BENCH_BUILT:-}" != 1 || ! -s target/bench-classpath.txt ]]; then
  ./mvnw -B -q -ntp -DskipTests test-compile
  ./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
