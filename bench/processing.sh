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
driver=ProcessingLoad
# shellcheck source=bench/platform-up.sh
source bench/platform-up.sh
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
