# Sourced by the in-process benchmark scripts: Java 25, the tests compiled, and their class path in CP.
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
./mvnw -B -q -ntp -DskipTests test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
