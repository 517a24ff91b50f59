#!/usr/bin/env bash
# Questions across runs at volume (dev.workflowtracing.bench.AcrossRunsVolumeBench): per-node
# statistics and one node's executions over 7 days, on the store bench/store-generator.sh left in
# the local PostgreSQL's workflow_tracing_volume (not emptied: run the generator first).
#   bench/store-generator.sh 476191 10 21 && bench/across-runs-volume-bench.sh   # ~10 million spans
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/volume-db.sh
java -Xmx1g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.AcrossRunsVolumeBench \
  "$VOLUME_DB?options=-c%20jit%3Doff" workflow_tracing workflow_tracing
