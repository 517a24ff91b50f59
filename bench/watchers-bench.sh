#!/usr/bin/env bash
# Watchers of a running 1,000-node fan-out (issue "event streams"): fan-outs per second and the
# server's CPU seconds per fan-out with N watchers that each follow the run's events and read its
# trace once at the end (the Canvas now) vs the same watchers also re-reading the whole trace every
# second while the run goes on (the Canvas before), in alternating windows on one server. Starts
# its own WildFly (bench-server.sh: ports +200, H2 or BENCH_DB=postgres), exporting every span
# over OTLP/HTTP to the receiver the bench serves on port 4518. SKIP_BUILD=1 reuses the built EAR.
#   bench/watchers-bench.sh [seconds-per-window=20] [windows=6] [watchers=50]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${1:-20} windows=${2:-6} watchers=${3:-50}
otlp_port=4518
source bench/bench-server.sh
prepare_bench
trap stop_bench_server EXIT
base="$root/target/watchers-bench-server"
start_bench_server "$base" -- -Dotel.exporter.otlp.endpoint="http://localhost:$otlp_port"
pid=$(bench_server_pid)
java -cp "$cp" dev.workflowtracing.bench.WatchersBench http://localhost:8280/ "$pid" "$otlp_port" \
  "$secs" "$windows" "$watchers"
