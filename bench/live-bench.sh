#!/usr/bin/env bash
# Runs on the run queue (issue "live runs"): accepted runs per second, time from accept to the
# first node's start (p50/p95), and run throughput with 100 event-stream watchers vs none, in
# alternating windows on one server. Starts its own WildFly (bench-server.sh: ports +200, H2 or
# BENCH_DB=postgres, tracing defaults), exporting every span over OTLP/HTTP to the receiver the
# bench itself serves on port 4518. SKIP_BUILD=1 reuses the built EAR. Figures: docs/performance.md.
#   bench/live-bench.sh [seconds-per-window=10] [clients=8] [windows=8] [watchers=100]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${1:-10} clients=${2:-8} windows=${3:-8} watchers=${4:-100}
otlp_port=4518
source bench/bench-server.sh
prepare_bench
trap stop_bench_server EXIT
start_bench_server "$root/target/live-bench-server" -- -Dotel.exporter.otlp.endpoint="http://localhost:$otlp_port"
java -cp "$cp" dev.workflowtracing.bench.LiveRunBench http://localhost:8280/ "$otlp_port" "$secs" "$clients" "$windows" "$watchers"
