#!/usr/bin/env bash
# The move of an existing store to the partitioned layout (schema version 9), timed
# (dev.workflowtracing.bench.MigrationBench): workflow_tracing_volume at version 8 is filled, then
# migrated. Empties that database.
#   bench/migration-bench.sh [runs=95238] [days=10]        # ~2 million spans
set -euo pipefail
cd "$(dirname "$0")/.."
TRACE_DB_NAME=workflow_tracing_volume bin/setup-postgres
[[ -n "${SKIP_BUILD:-}" ]] || mvn -B -q install -DskipTests -Dspotless.check.skip=true -pl bench -am -P '!frontend'
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp=$(cat bench/target/bench.classpath)
java -Xmx2g -cp "bench/target/classes:$cp" dev.workflowtracing.bench.MigrationBench \
  jdbc:postgresql://localhost:5432/workflow_tracing_volume workflow_tracing workflow_tracing \
  "${1:-95238}" "${2:-10}"
