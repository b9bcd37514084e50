#!/usr/bin/env bash
# Starts the demonstration: the national-systems SIMULATOR (VNeID …) on port 8090 in the background, then the
# platform with demonstration data on port 8080 in the foreground. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f platform/target/platform.jar ] || [ ! -f national-sim/target/national-sim.jar ]; then
  ./mvnw -B -q -DskipTests package
fi
mkdir -p "${EGOV_DATA_DIR:-./data}"
java -jar national-sim/target/national-sim.jar --server.port="${SIM_PORT:-8090}" > "${EGOV_DATA_DIR:-./data}/national-sim.log" 2>&1 &
simulator=$!
trap 'kill $simulator 2>/dev/null || true' EXIT
echo "Trình mô phỏng hệ thống quốc gia (SIMULATOR): http://localhost:${SIM_PORT:-8090}/ (log: ${EGOV_DATA_DIR:-./data}/national-sim.log)"
java -jar platform/target/platform.jar
