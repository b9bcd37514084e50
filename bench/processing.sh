#!/usr/bin/env bash
# Benchmarks the full life of dossiers through a five-step route on this machine: starts the national-systems
# simulator and a demonstration platform on a FRESH temporary data directory (fixed embedded PostgreSQL port), waits
# for health, runs bench ProcessingLoad (publishes the five-step route, submits N dossiers, then C workers accept each
# and drive it through every step with the demonstration officials' tokens until RETURNED; then the plain-JDBC
# baseline of the same database work without the process engine), prints the figures, stops everything and removes
# the directory. Builds nothing: run `./mvnw -B -DskipTests package` first.
#
# Usage: bench/processing.sh [dossiers=300] [connections=16]
# Environment: PORT (18080), SIM_PORT (18090), PG_PORT (15432), PLATFORM_JAVA_OPTS (extra JVM flags of the platform,
# e.g. "-XX:StartFlightRecording=filename=/tmp/platform.jfr,settings=profile"), BENCH_JAVA_OPTS (-D options of the
# driver, see ProcessingLoad: bench.route=6, bench.delivery=ONLINE, bench.submitConnections…), KEEP_DIR=1 keeps the
# data directory and logs, JFR_DUMP=/tmp/p.jfr writes the platform's flight recording there before stopping it.
set -euo pipefail
cd "$(dirname "$0")/.."
dossiers=${1:-300}
connections=${2:-16}
port=${PORT:-18080}
sim_port=${SIM_PORT:-18090}
pg_port=${PG_PORT:-15432}
for f in platform/target/platform.jar national-sim/target/national-sim.jar bench/target/classpath.txt bench/target/classes/vn/gov/egov/bench/ProcessingLoad.class; do
  [ -e "$f" ] || { echo "missing $f: run ./mvnw -B -DskipTests package first" >&2; exit 1; }
done
dir=$(mktemp -d)
simulator=""
platform=""
stop() {
  [ -n "$platform" ] && kill "$platform" 2>/dev/null && wait "$platform" 2>/dev/null || true
  [ -n "$simulator" ] && kill "$simulator" 2>/dev/null && wait "$simulator" 2>/dev/null || true
  if [ "${KEEP_DIR:-0}" = 1 ]; then echo "data directory and logs kept in $dir"; else rm -rf "$dir"; fi
}
trap stop EXIT

java -jar national-sim/target/national-sim.jar --server.port="$sim_port" >"$dir/national-sim.log" 2>&1 &
simulator=$!
# shellcheck disable=SC2086
EGOV_DATA_DIR="$dir" SERVER_PORT="$port" SIM_PORT="$sim_port" java ${PLATFORM_JAVA_OPTS:-} -jar platform/target/platform.jar \
  --egov.database.embedded.port="$pg_port" >"$dir/platform.log" 2>&1 &
platform=$!
started=$(date +%s)
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"' \
    && curl -sf "http://localhost:$sim_port/vneid/test-identities" >/dev/null; do
  sleep 0.5
  kill -0 "$platform" 2>/dev/null || { echo "platform exited:"; tail -30 "$dir/platform.log"; exit 1; }
  kill -0 "$simulator" 2>/dev/null || { echo "simulator exited:"; tail -30 "$dir/national-sim.log"; exit 1; }
  [ $(( $(date +%s) - started )) -lt 180 ] || { echo "no health UP after 180 s"; tail -30 "$dir/platform.log"; exit 1; }
done
echo "platform pid $platform up after $(( $(date +%s) - started )) s (data: $dir, PostgreSQL port $pg_port); java: $(java -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

cp="bench/target/classes:$(cat bench/target/classpath.txt)"
postmaster=$(head -1 "$dir/postgres/postmaster.pid")
# shellcheck disable=SC2086
java -Dbench.platformPid="$platform" -Dbench.postgresPid="$postmaster" ${BENCH_JAVA_OPTS:-} -Xmx1g -cp "$cp" \
  vn.gov.egov.bench.ProcessingLoad "http://127.0.0.1:$port" "http://localhost:$sim_port" "$pg_port" "$dossiers" "$connections"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# a flight recording started with PLATFORM_JAVA_OPTS (-XX:StartFlightRecording) is written here before the stop
if [ -n "${JFR_DUMP:-}" ]; then jcmd "$platform" JFR.dump filename="$JFR_DUMP" >/dev/null && echo "flight recording: $JFR_DUMP"; fi
if grep -q "ERROR" "$dir/platform.log"; then
  echo "platform log errors (first 5):"; grep "ERROR" "$dir/platform.log" | head -5
fi
