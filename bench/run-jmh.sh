#!/usr/bin/env bash
# Runs the JMH benchmarks without a fat jar: bench/run-jmh.sh [JMH options, e.g. a benchmark name regex]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -pl bench -am package
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
