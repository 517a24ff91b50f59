#!/usr/bin/env bash
# Span persistence and trace-query benchmark on the local PostgreSQL (its own database,
# workflow_tracing_bench, wiped at the start). Prints Markdown tables for docs/performance.md.
#   bench/persistence-bench.sh [spans-for-throughput, default 200000]
set -euo pipefail
cd "$(dirname "$0")/.."
TRACE_DB_NAME=workflow_tracing_bench bin/setup-postgres
mvn -B -q install -DskipTests -Dspotless.check.skip=true -pl bench -am -P '!frontend'
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp=$(cat bench/target/bench.classpath)
java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "bench/target/classes:$cp" dev.workflowtracing.bench.PersistenceBench \
  jdbc:postgresql://localhost:5432/workflow_tracing_bench workflow_tracing workflow_tracing "${1:-200000}"
