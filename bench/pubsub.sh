#!/usr/bin/env bash
# Benchmarks LGSP publish/subscribe end to end through the PostgreSQL backend on this machine: starts the simulator
# and a demonstration platform on a FRESH temporary data directory, runs bench PubSubLoad (publisher and subscriber
# systems, an approved push subscription to the driver's own webhook, publishers POSTing batches over HTTP), RESTARTS
# the platform (SIGTERM, then start again on the same data) when half of the events are published, and prints what was
# published and received: every idempotency key must arrive (lost 0) or the script fails. Builds nothing: run
# `./mvnw -B -DskipTests package` first.
#
# Usage: bench/pubsub.sh [events=60000] [batch=500] [publishers=4]
# Environment: as bench/platform-up.sh (PORT, SIM_PORT, PG_PORT, PLATFORM_JAVA_OPTS, KEEP_DIR=1), BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-60000}
batch=${2:-500}
publishers=${3:-4}
driver=PubSubLoad
# shellcheck source=bench/platform-up.sh
source bench/platform-up.sh
signal="$dir/restart-now"
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -cp "$cp" vn.gov.egov.bench.PubSubLoad "http://127.0.0.1:$port" "$pg_port" "$events" "$batch" \
  "$publishers" "$signal" &
load=$!
until [ -e "$signal" ]; do
  sleep 0.1
  kill -0 "$load" 2>/dev/null || { wait "$load"; exit $?; }
done
stopping=$(date +%s.%N)
kill "$platform"
wait "$platform" 2>/dev/null || true
echo "platform stopped in $(echo "$(date +%s.%N) - $stopping" | bc) s; starting it again on the same data"
mv "$dir/platform.log" "$dir/platform-before-restart.log"
# shellcheck disable=SC2086
EGOV_DATA_DIR="$dir" SERVER_PORT="$port" SIM_PORT="$sim_port" java ${PLATFORM_JAVA_OPTS:-} -jar platform/target/platform.jar \
  --egov.database.embedded.port="$pg_port" >"$dir/platform.log" 2>&1 &
platform=$!
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; do
  sleep 0.2
  kill -0 "$platform" 2>/dev/null || { echo "platform exited:"; tail -30 "$dir/platform.log"; exit 1; }
done
echo "platform up again $(echo "$(date +%s.%N) - $stopping" | bc) s after the stop"
wait "$load"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
