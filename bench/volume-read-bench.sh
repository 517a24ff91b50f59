#!/usr/bin/env bash
# Reads at volume (dev.workflowtracing.bench.VolumeReadBench) on the store that
# bench/store-generator.sh filled in workflow_tracing_volume: trace by id, the run list with each
# filter in both orders, and the partitions each plan reads. Its connection turns JIT off, as the
# server's datasource does (config/cli/postgresql.cli).
#   bench/store-generator.sh 476191 10 && bench/volume-read-bench.sh      # at ~10 million spans
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f bench/target/bench.classpath ]] || mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp=$(cat bench/target/bench.classpath)
java -Xmx2g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.VolumeReadBench \
  "jdbc:postgresql://localhost:5432/workflow_tracing_volume?options=-c%20jit%3Doff" workflow_tracing workflow_tracing
