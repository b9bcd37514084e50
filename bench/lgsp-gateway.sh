#!/usr/bin/env bash
# Benchmarks the LGSP gateway's pass-through of 1 KB JSON calls (token check, access check, quota, message log) in
# the same run against calling the upstream directly and through nginx: starts the simulator and a demonstration
# platform on a FRESH temporary data directory (bench/platform-up.sh), one nginx (installed with apt-get when
# missing) serving the upstream (`return 200` with a 1 KB JSON body) on UPSTREAM_PORT and proxying it with kept-alive
# upstream connections on NGINX_PORT, registers a service whose endpoint is that upstream and a consumer with a
# right (bench GatewayLoad, in the platform's database), then drives C keep-alive connections for D seconds at each
# target. Builds nothing: run `./mvnw -B -DskipTests package` first.
#
# Usage: bench/lgsp-gateway.sh [connections=32] [seconds=20]
# Environment: PORT (18080), SIM_PORT (18090), PG_PORT (15432), UPSTREAM_PORT (18181), NGINX_PORT (18182),
# PLATFORM_JAVA_OPTS (e.g. "-XX:StartFlightRecording=filename=/tmp/gateway.jfr,settings=profile"), KEEP_DIR=1.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-32}
seconds=${2:-20}
upstream_port=${UPSTREAM_PORT:-18181}
nginx_port=${NGINX_PORT:-18182}
command -v nginx >/dev/null || apt-get install -y nginx >/dev/null
driver=GatewayLoad
# shellcheck source=bench/platform-up.sh
source bench/platform-up.sh
body=$(python3 -c 'import json; s=json.dumps({"ma":"BENCH","noiDung":""}); print(json.dumps({"ma":"BENCH","noiDung":"x"*(1024-len(s))}))')
mkdir -p "$dir/nginx/logs"
cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream upstream_1kb { server 127.0.0.1:$upstream_port; keepalive 64; }
  server {
    listen 127.0.0.1:$upstream_port;
    location / { default_type application/json; return 200 '$body'; }
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://upstream_1kb; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf"
trap 'nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -s quit 2>/dev/null || true; stop' EXIT
echo "upstream body: $(curl -s "http://127.0.0.1:$upstream_port/data" | wc -c) bytes; nginx $(nginx -v 2>&1 | cut -d/ -f2)"
postmaster=$(head -1 "$dir/postgres/postmaster.pid")
# shellcheck disable=SC2086
java "-Dbench.platformPid=$platform" "-Dbench.postgresPid=$postmaster" ${BENCH_JAVA_OPTS:-} -cp "$cp" vn.gov.egov.bench.GatewayLoad "http://127.0.0.1:$port" "$pg_port" \
  "http://127.0.0.1:$upstream_port/data" "http://127.0.0.1:$nginx_port/data" "$connections" "$seconds"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
