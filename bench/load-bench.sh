#!/usr/bin/env bash
# Workflow throughput with tracing on vs off in the same server (recording switched at runtime
# in alternating windows), server startup time, throughput with 10% sampling, and a soak that
# reports the share of complete trace trees. Starts its own WildFly (ports +200, H2, tracing
# defaults) from the built EAR; figures go to docs/performance.md.
#   bench/load-bench.sh [window-seconds=10] [windows=16] [clients=8] [soak-seconds=300] [soak-runs-per-second=5]
# BENCH_OTLP=1: OTLP export on, to a receiver the script starts (bench's OtlpSink, port 4518).
# The database is bin/run's default, an H2 file in the server's data directory (bench-server.sh).
# BENCH_DB=postgres: each server gets a fresh PostgreSQL database (workflow_tracing_bench on this
# machine's cluster, bin/setup-postgres); BENCH_DB=h2-mem: WildFly's own in-memory ExampleDS, which
# the figures of this benchmark before 2026-12-03 were measured on.
# ON_OFF_ONLY=1: only the on/off windows (no sampled server, no soak). SKIP_BUILD=1: the built EAR.
# BENCH_SERVER_ENV="KEY=value ...": more settings for the on/off server, for example
# TRACING_PERSISTENCE_RUN_END_WAIT_MS=0 to leave the durable end of runs out.
set -euo pipefail
# standalone.sh forwards TERM/INT to the server JVM only when it runs it in the background.
export LAUNCH_JBOSS_IN_BACKGROUND=1
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=bench/bench-server.sh
source bench/bench-server.sh
window=${1:-10} windows=${2:-16} clients=${3:-8} soak_secs=${4:-300} rate=${5:-5}
prepare_bench
mkdir -p "$root/target"
base="$root/target/bench-server"
url="http://localhost:8280/"

start_server() { # env assignments for the server, e.g. TRACING_ENABLED=false
  local t0=$(date +%s%N)
  start_bench_server "$base" "$@" -- "${otlp_opts[@]}"
  server=$bench_server
  echo "startup (process start to EAR deployed, $*): $(( ($(date +%s%N) - t0) / 1000000 )) ms"
}
# BENCH_OTLP=1: the servers export OTLP/HTTP to a receiver on this machine (bench's OtlpSink), as
# a deployment does; otherwise OTLP export is off.
otlp_opts=(-Dotel.traces.exporter=none)
receiver=""
if [[ "${BENCH_OTLP:-0}" == 1 ]]; then
  java -cp "$cp" dev.workflowtracing.bench.OtlpSink 4518 &
  receiver=$!
  otlp_opts=(-Dotel.exporter.otlp.endpoint=http://localhost:4518)
fi
server=""
# Each kill may fail (the server was stopped already): under set -e that would end the trap early.
trap '[[ -z "$server" ]] || kill -TERM "$server" 2>/dev/null || true; [[ -z "$receiver" ]] || kill "$receiver" 2>/dev/null || true' EXIT
stop_server() {
  stop_bench_server
  while (echo >/dev/tcp/localhost/8280) 2>/dev/null; do sleep 0.5; done
}

server_pid() { pgrep -f "^[^ ]*java .*jboss.server.base.dir=$base" | head -1; }

# On and off in one server: fresh servers for each mode differed here by more than tracing's cost
# (the same configuration used 5.3 to 8.1 ms of CPU per run on servers minutes apart).
# shellcheck disable=SC2086 # BENCH_SERVER_ENV is a list of assignments
start_server TRACING_ENABLED=true ${BENCH_SERVER_ENV:-}
echo
echo "| tracing | clients | windows | runs | runs/s | p50 ms | p95 ms | p99 ms | server CPU ms/run |"
echo "|---|---|---|---|---|---|---|---|---|"
java -cp "$cp" dev.workflowtracing.bench.LoadDriver alternating "$url" "$window" "$windows" "$clients" "$(server_pid)"
stop_server

[[ "${ON_OFF_ONLY:-0}" == 1 ]] && exit 0

# Sampling is set at startup: 10% sampled vs recording paused, on a server of its own.
start_server TRACING_ENABLED=true OTEL_TRACES_SAMPLER=parentbased_traceidratio OTEL_TRACES_SAMPLER_ARG=0.1
java -cp "$cp" dev.workflowtracing.bench.LoadDriver alternating "$url" "$window" "$windows" "$clients" "$(server_pid)" "on, 10% sampled"
stop_server

start_server TRACING_ENABLED=true
java -cp "$cp" dev.workflowtracing.bench.LoadDriver soak "$url" "$soak_secs" "$rate"
stop_server
