# Sourced by the benchmark scripts: starts the national-systems simulator and a demonstration platform on a FRESH
# temporary data directory (fixed embedded PostgreSQL port), waits for health and the simulator's VNeID, and stops
# both and removes the directory on exit. Expects $driver (the bench class the caller runs); sets port, sim_port,
# pg_port, dir, simulator, platform (pids) and cp (the bench class path).
# Environment: PORT (18080), SIM_PORT (18090), PG_PORT (15432), PLATFORM_JAVA_OPTS, KEEP_DIR=1, STARTUP_TIMEOUT (180 s).
port=${PORT:-18080}
sim_port=${SIM_PORT:-18090}
pg_port=${PG_PORT:-15432}
for f in platform/target/platform.jar national-sim/target/national-sim.jar bench/target/classpath.txt "bench/target/classes/vn/gov/egov/bench/$driver.class"; do
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
  [ $(( $(date +%s) - started )) -lt "${STARTUP_TIMEOUT:-180}" ] || { echo "no health UP after ${STARTUP_TIMEOUT:-180} s"; tail -30 "$dir/platform.log"; exit 1; }
done
echo "platform pid $platform up after $(( $(date +%s) - started )) s (data: $dir, PostgreSQL port $pg_port); java: $(java -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
