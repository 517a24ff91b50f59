#!/usr/bin/env bash
# Run comparison of two 2,005-span runs (the 1,002-node sample fan-out) beside reading one trace,
# in turn (dev.workflowtracing.bench.CompareBench). Starts its own WildFly (bench-server.sh: ports
# +200, H2 or BENCH_DB=postgres). SKIP_BUILD=1 reuses the built EAR. Figures go to
# docs/performance.md.
#   bench/compare-bench.sh [reads=200]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/bench-server.sh
prepare_bench
trap stop_bench_server EXIT
start_bench_server "$root/target/compare-bench-server" -- -Dotel.traces.exporter=none
echo "database: ${BENCH_DB:-h2}"
java -cp "$cp" dev.workflowtracing.bench.CompareBench http://localhost:8280/ "${1:-200}"
