#!/usr/bin/env bash
# The move of an existing store to the partitioned layout (schema version 9), timed
# (dev.workflowtracing.bench.MigrationBench): workflow_tracing_volume at version 8 is filled, then
# migrated. Empties that database.
#   bench/migration-bench.sh [runs=95238] [days=10]        # ~2 million spans
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/volume-db.sh
java -Xmx2g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.MigrationBench \
  "$VOLUME_DB" workflow_tracing workflow_tracing \
  "${1:-95238}" "${2:-10}"
