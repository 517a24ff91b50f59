#!/usr/bin/env bash
# What the index of a node's executions costs the span write path, on the embedded default's H2
# file database and on the local PostgreSQL (dev.workflowtracing.bench.SpanIndexCostBench): the
# same spans written alternately into a store with the index and one without.
#   bench/span-index-cost-bench.sh [spans=210000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/volume-db.sh
echo "| database | spans each | with the index, spans/s | without, spans/s | with / without |"
echo "|---|---|---|---|---|"
java -Xmx2g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.SpanIndexCostBench \
  h2 target/span-index-bench "${1:-210000}" 2>/dev/null | grep '^|'
java -Xmx2g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.SpanIndexCostBench \
  postgres "$VOLUME_DB?" workflow_tracing workflow_tracing "${1:-210000}" 2>/dev/null | grep '^|'
