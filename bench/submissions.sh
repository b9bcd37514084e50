#!/usr/bin/env bash
# Benchmarks online submission and the public status look-up on this machine: starts the national-systems simulator
# and a demonstration platform on a FRESH temporary data directory (fixed embedded PostgreSQL port), waits for health,
# runs bench SubmissionLoad (HTTP submissions, then the plain-JDBC baseline of the same rows) and StatusLookUpLoad
# (open loop at a fixed rate over the codes just created), prints the figures, stops everything and removes the
# directory. Builds nothing: run `./mvnw -B -DskipTests package` first.
#
# Usage: bench/submissions.sh [connections=8] [seconds=30] [rate=500]
# Environment: PORT (18080), SIM_PORT (18090), PG_PORT (15432), PLATFORM_JAVA_OPTS (extra JVM flags of the platform,
# e.g. "-XX:StartFlightRecording=filename=/tmp/platform.jfr,settings=profile"), BENCH_JAVA_OPTS (-D options of the
# drivers, see SubmissionLoad), KEEP_DIR=1 keeps the data directory and logs.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-8}
seconds=${2:-30}
rate=${3:-500}
driver=SubmissionLoad
# shellcheck source=bench/platform-up.sh
source bench/platform-up.sh
postmaster=$(head -1 "$dir/postgres/postmaster.pid")
cpu="-Dbench.platformPid=$platform -Dbench.postgresPid=$postmaster"
# shellcheck disable=SC2086
java $cpu ${BENCH_JAVA_OPTS:-} -Xmx2g -cp "$cp" vn.gov.egov.bench.SubmissionLoad "http://127.0.0.1:$port" "http://localhost:$sim_port" \
  "$pg_port" "$connections" "$seconds" "$dir/codes.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java $cpu ${BENCH_JAVA_OPTS:-} -cp "$cp" vn.gov.egov.bench.StatusLookUpLoad "http://127.0.0.1:$port" "$dir/codes.txt" "$rate" "$seconds"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
