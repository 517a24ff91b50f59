#!/usr/bin/env bash
# The cost of keeping the per-node rollups: workflow throughput with them on vs off in the same
# server, switched at run time (the system property workflow.stats.rollups.enabled, set through
# the management CLI) in alternating windows, with OTLP exporting to a receiver on this machine
# (bench's OtlpSink) as a deployment does. Starts its own WildFly (bench-server.sh: ports +200, H2
# or BENCH_DB=postgres). SKIP_BUILD=1 reuses the built EAR. Figures go to docs/performance.md.
#   bench/rollup-cost-bench.sh [window-seconds=10] [windows=16] [clients=8]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
window=${1:-10} windows=${2:-16} clients=${3:-8}
source bench/bench-server.sh
prepare_bench
java -cp "$cp" dev.workflowtracing.bench.OtlpSink 4518 &
receiver=$!
trap 'kill "$receiver" 2>/dev/null || true; stop_bench_server' EXIT
start_bench_server "$root/target/rollup-cost-bench-server" -- \
  -Dotel.exporter.otlp.endpoint=http://localhost:4518
cli=("$wildfly/bin/jboss-cli.sh" --connect --controller=localhost:10190)
"${cli[@]}" --command='/system-property=workflow.stats.rollups.enabled:add(value=true)' >/dev/null
pid=$(bench_server_pid)
echo "database: ${BENCH_DB:-h2}"
echo
echo "| rollups | clients | windows | runs | runs/s | p50 ms | p95 ms | p99 ms | server CPU ms/run |"
echo "|---|---|---|---|---|---|---|---|---|"
java -cp "$cp" dev.workflowtracing.bench.LoadDriver alternating-rollups http://localhost:8280/ \
  "$window" "$windows" "$clients" "$pid" "$wildfly/bin/jboss-cli.sh" localhost:10190
