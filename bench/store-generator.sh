#!/usr/bin/env bash
# Fills the local PostgreSQL's database workflow_tracing_volume (emptied first) with a store of
# workflow runs spread over the last days, written with COPY straight into the partitioned tables
# (dev.workflowtracing.bench.StoreGenerator), and prints the rate and the disk it takes.
#   bench/store-generator.sh [runs=476191] [days=10] [spans-per-run=21] [artifacts|no-artifacts]
#   (the default: ~10 million spans)
set -euo pipefail
cd "$(dirname "$0")/.."
TRACE_DB_NAME=workflow_tracing_volume bin/setup-postgres
[[ -n "${SKIP_BUILD:-}" ]] || mvn -B -q install -DskipTests -Dspotless.check.skip=true -pl bench -am -P '!frontend'
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp=$(cat bench/target/bench.classpath)
java -Xmx2g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.StoreGenerator \
  jdbc:postgresql://localhost:5432/workflow_tracing_volume workflow_tracing workflow_tracing \
  "${1:-476191}" "${2:-10}" "${3:-21}" "${4:-artifacts}"
