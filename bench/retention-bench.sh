#!/usr/bin/env bash
# Retention of one day out of a store of several days (dev.workflowtracing.bench.RetentionBench):
# fills workflow_tracing_volume with bench/store-generator.sh, then drops the oldest day's
# partitions and deletes the next day's rows, and prints both times.
#   bench/retention-bench.sh [runs=238095] [days=10]      # ~5 million spans over 10 days
set -euo pipefail
cd "$(dirname "$0")/.."
bench/store-generator.sh "${1:-238095}" "${2:-10}" 21
cp=$(cat bench/target/bench.classpath)
java -cp "bench/target/classes:$cp" dev.workflowtracing.bench.RetentionBench \
  jdbc:postgresql://localhost:5432/workflow_tracing_volume workflow_tracing workflow_tracing
