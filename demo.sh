#!/usr/bin/env bash
# Starts the demonstration: the national-systems SIMULATOR (VNeID …) on port 8090 (SIM_PORT) in the background, then
# the platform with demonstration data on port 8080 (SERVER_PORT) in the foreground. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f platform/target/platform.jar ] || [ ! -f national-sim/target/national-sim.jar ]; then
  ./mvnw -B -q -DskipTests package
fi
mkdir -p "${EGOV_DATA_DIR:-./data}"
# the simulated VNeID sends citizens back to the platform's port (SERVER_PORT, default 8080)
port="${SERVER_PORT:-8080}"
java -jar national-sim/target/national-sim.jar --server.port="${SIM_PORT:-8090}" \
  "--sim.vneid.clients[0].redirect-uris=http://localhost:$port/login/oauth2/code/vneid,http://127.0.0.1:$port/login/oauth2/code/vneid" \
  "--sim.vneid.clients[0].post-logout-redirect-uris=http://localhost:$port/,http://127.0.0.1:$port/" \
  > "${EGOV_DATA_DIR:-./data}/national-sim.log" 2>&1 &
simulator=$!
trap 'kill $simulator 2>/dev/null || true' EXIT
echo "Trình mô phỏng hệ thống quốc gia (SIMULATOR): http://localhost:${SIM_PORT:-8090}/ (log: ${EGOV_DATA_DIR:-./data}/national-sim.log)"
java -jar platform/target/platform.jar
