#!/usr/bin/env bash
# Per-node statistics over 7 days of rollups (dev.workflowtracing.bench.StatsBench), on the local
# PostgreSQL's workflow_tracing_volume (emptied first).
#   bench/stats-bench.sh [runs=10000] [nodes=10]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/volume-db.sh
java -Xmx1g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.StatsBench \
  "$VOLUME_DB?options=-c%20jit%3Doff" workflow_tracing workflow_tracing "${1:-10000}" "${2:-10}"
