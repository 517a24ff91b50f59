#!/usr/bin/env bash
# OTLP spans ingested per second into PostgreSQL through POST /v1/traces (batches of 512 protobuf
# spans from several clients) beside the same spans through our own exporter path, in alternating
# windows of one run (dev.workflowtracing.bench.IngestBench); then every acknowledged span is
# looked up. Starts its own WildFly on PostgreSQL (bench-server.sh: ports +200). SKIP_BUILD=1
# reuses the built EAR. Figures go to docs/performance.md.
#   bench/ingest-bench.sh [windows=4] [seconds=10] [clients=4]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/bench-server.sh
prepare_bench
trap stop_bench_server EXIT
export BENCH_DB=postgres
start_bench_server "$root/target/ingest-bench-server" TRACING_INGEST_TOKENS=bench=bench-ingest-token-0123 --
java -Xmx1g -cp "$cp" dev.workflowtracing.bench.IngestBench http://localhost:8280/ bench-ingest-token-0123 \
  jdbc:postgresql://localhost:5432/workflow_tracing_bench workflow_tracing workflow_tracing \
  "${1:-4}" "${2:-10}" "${3:-4}"
