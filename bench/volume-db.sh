# Sourced by the benchmarks of a big store (store-generator.sh, migration-bench.sh,
# volume-read-bench.sh): the local PostgreSQL's database workflow_tracing_volume made if missing,
# the bench module built (unless SKIP_BUILD is set) and its classpath in $cp.
TRACE_DB_NAME=workflow_tracing_volume bin/setup-postgres
if [[ -z "${SKIP_BUILD:-}" || ! -f bench/target/bench.classpath ]]; then
  [[ -n "${SKIP_BUILD:-}" ]] || mvn -B -q install -DskipTests -Dspotless.check.skip=true -pl bench -am -P '!frontend'
  mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
fi
cp=$(cat bench/target/bench.classpath)
VOLUME_DB=jdbc:postgresql://localhost:5432/workflow_tracing_volume
