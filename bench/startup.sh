#!/usr/bin/env bash
# Measures the platform's start-up to /actuator/health UP: once on a fresh data directory (initdb, Flyway,
# reference data) and once on the existing one. Usage: bench/startup.sh [path/to/platform.jar]
set -euo pipefail
jar=${1:-platform/target/platform.jar}
dir=$(mktemp -d)
port=${PORT:-18080}
measure() {
  local start end
  start=$(date +%s.%N)
  EGOV_DATA_DIR="$dir" SERVER_PORT=$port java -jar "$jar" >"$dir/run-$1.log" 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
    sleep 0.1
    kill -0 $pid 2>/dev/null || { echo "platform exited; see $dir/run-$1.log"; exit 1; }
  done
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v w="$1" 'BEGIN { printf "%s start: %.1f s to health UP\n", w, e - s }'
  kill $pid; wait $pid 2>/dev/null || true
}
measure fresh
measure existing
rm -rf "$dir"
