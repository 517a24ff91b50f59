#!/usr/bin/env bash
# Reads at volume (dev.workflowtracing.bench.VolumeReadBench) on the store that
# bench/store-generator.sh filled in workflow_tracing_volume: trace by id, the run list with each
# filter in both orders, and the partitions each plan reads. Its connection turns JIT off, as the
# server's datasource does (config/cli/postgresql.cli).
#   bench/store-generator.sh 476191 10 && bench/volume-read-bench.sh      # at ~10 million spans
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BUILD=${SKIP_BUILD:-1} # reads what the generator built
source bench/volume-db.sh
java -Xmx2g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.VolumeReadBench \
  "$VOLUME_DB?options=-c%20jit%3Doff" workflow_tracing workflow_tracing
