#!/usr/bin/env bash
# Benchmarks the one-stop statistics (issue 5: one province-year of 400,000 dossiers under 1 s, 10 million under 3 s):
# starts a demonstration platform on a FRESH temporary data directory (or DATA_DIR, kept), writes the synthetic
# dossiers into the statistics module's tables (bench StatisticsLoad: read model rows + daily/monthly rollups +
# indexes), then times GET /api/v1/statistics/dossiers over HTTP. Builds nothing: run `./mvnw -B -DskipTests package`.
#
# Usage: bench/statistics.sh [dossiers=400000] [years=1] [repetitions=10] [load|measure|both]
#   bench/statistics.sh 400000 1        one province-year
#   bench/statistics.sh 10000000 5      ten million over 2021–2025 (several minutes of loading; ~6 GB of disk)
# Environment: PORT (18081), PG_PORT (15433), DATA_DIR (reuse a directory: e.g. load once, then `... measure`),
# PLATFORM_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
dossiers=${1:-400000}
years=${2:-1}
repetitions=${3:-10}
mode=${4:-both}
port=${PORT:-18081}
pg_port=${PG_PORT:-15433}
for f in platform/target/platform.jar bench/target/classpath.txt bench/target/classes/vn/gov/egov/bench/StatisticsLoad.class; do
  [ -e "$f" ] || { echo "missing $f: run ./mvnw -B -DskipTests package first" >&2; exit 1; }
done
if [ -n "${DATA_DIR:-}" ]; then dir=$DATA_DIR; keep=1; mkdir -p "$dir"; else dir=$(mktemp -d); keep=${KEEP_DIR:-0}; fi
platform=""
stop() {
  [ -n "$platform" ] && kill "$platform" 2>/dev/null && wait "$platform" 2>/dev/null || true
  if [ "$keep" = 1 ]; then echo "data directory and logs kept in $dir"; else rm -rf "$dir"; fi
}
trap stop EXIT

# shellcheck disable=SC2086
EGOV_DATA_DIR="$dir" SERVER_PORT="$port" java ${PLATFORM_JAVA_OPTS:-} -jar platform/target/platform.jar \
  --egov.database.embedded.port="$pg_port" >"$dir/platform.log" 2>&1 &
platform=$!
started=$(date +%s)
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; do
  sleep 0.5
  kill -0 "$platform" 2>/dev/null || { echo "platform exited:"; tail -30 "$dir/platform.log"; exit 1; }
  [ $(( $(date +%s) - started )) -lt 180 ] || { echo "no health UP after 180 s"; tail -30 "$dir/platform.log"; exit 1; }
done
echo "platform pid $platform up after $(( $(date +%s) - started )) s (data: $dir, PostgreSQL port $pg_port); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" vn.gov.egov.bench.StatisticsLoad "$pg_port" "http://127.0.0.1:$port" \
  "$dossiers" "$years" "$repetitions" "$mode"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
