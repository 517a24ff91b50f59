#!/usr/bin/env bash
# The worst trace a workflow can make, scaled down: NODES parallel nodes failing all 10 attempts,
# each attempt with its stack trace. Reads it whole and with details=omit, alternating; bytes and
# times per read. Starts its own WildFly (bench-server.sh: ports +200, H2 or BENCH_DB=postgres)
# with the detail limit raised and a 2 GB heap, so the whole read is possible (on WildFly's default
# 512 MB heap the whole read of the 1,000-node trace ran out of memory). SKIP_BUILD=1 reuses the
# built EAR.
# Figures go to docs/performance.md.
#   bench/big-trace-bench.sh [nodes=1000] [reads=5]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
nodes=${1:-1000}
reads=${2:-5}
source bench/bench-server.sh
prepare_bench
trap stop_bench_server EXIT
start_bench_server "$root/target/big-trace-bench-server" JBOSS_JAVA_SIZING="-Xms64m -Xmx2g" -- \
  -Dotel.traces.exporter=none \
  -Dtracing.api.max-trace-detail-chars=1000000000000
echo "database: ${BENCH_DB:-h2}"
java -cp "$cp" dev.workflowtracing.bench.BigTraceBench http://localhost:8280/ "$nodes" "$reads"
