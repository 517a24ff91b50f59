#!/usr/bin/env bash
# Fills the local PostgreSQL's database workflow_tracing_volume (emptied first) with a store of
# workflow runs spread over the last days, written with COPY straight into the partitioned tables
# (dev.workflowtracing.bench.StoreGenerator), and prints the rate and the disk it takes.
#   bench/store-generator.sh [runs=476191] [days=10] [spans-per-run=21] [artifacts|no-artifacts]
#   (the default: ~10 million spans)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/volume-db.sh
java -Xmx2g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.StoreGenerator \
  "$VOLUME_DB" workflow_tracing workflow_tracing \
  "${1:-476191}" "${2:-10}" "${3:-21}" "${4:-artifacts}"
