#!/usr/bin/env bash
# The LGSP message log's throughput on a fresh embedded PostgreSQL (temporary directory, removed afterwards):
# callers' record() rate and latency, records written per second (hash-chained, batch-inserted, committed), chain
# verification speed. Builds nothing: run `./mvnw -B -DskipTests package` (or `-pl bench -am package`) first.
#
# Usage: bench/messagelog.sh [records=300000] [threads=8] [bodyBytes=0] [batch=500]
set -euo pipefail
cd "$(dirname "$0")/.."
for f in bench/target/classpath.txt bench/target/classes/vn/gov/egov/lgsp/messagelog/MessageLogThroughput.class; do
  [ -e "$f" ] || { echo "missing $f: run ./mvnw -B -DskipTests -pl bench -am package first" >&2; exit 1; }
done
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  vn.gov.egov.lgsp.messagelog.MessageLogThroughput "$@"
