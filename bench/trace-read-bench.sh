#!/usr/bin/env bash
# Trace by id here vs Zipkin 3.5.1 (in-memory store, the exec jar from Maven Central) on the same
# traces in one run: the 1,002-node sample fan-out (2,005 spans) and a 5,000-node fan-out (10,001
# spans), read alternately as a browser would (gzip, no cached copy); p50/p95 and their ratios,
# plus the 304 a second view costs here; then the 10,001-span trace opened from its URL in this
# Canvas and in Zipkin Lens in headless chromium (bench/canvas-vs-lens.mjs). Starts its own WildFly (ports +200, H2; BENCH_DB=postgres
# for PostgreSQL) and Zipkin on port 9611. Figures go to docs/performance.md.
#   bench/trace-read-bench.sh [reads=200]
set -euo pipefail
export LAUNCH_JBOSS_IN_BACKGROUND=1
cd "$(dirname "$0")/.."
root=$(pwd)
reads=${1:-200}
[[ -n "${SKIP_BUILD:-}" ]] || mvn -B -q install -DskipTests -Dspotless.check.skip=true
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
mvn -B -q dependency:copy -Dartifact=io.zipkin:zipkin-server:3.5.1:jar:exec -DoutputDirectory=target/zipkin
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
wildfly="$root/trace-ear/target/wildfly-39.0.1.Final"
base="$root/target/trace-read-bench-server"
rm -rf "$base" && cp -r "$wildfly/standalone" "$base" && rm -rf "$base"/deployments/* "$base"/log "$base"/data "$base"/tmp
config/cli/add-users.sh "$wildfly" "$base/configuration" >/dev/null
db_env=()
if [[ "${BENCH_DB:-h2}" == postgres ]]; then
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd su postgres -c "psql -qc 'drop database if exists workflow_tracing_reads'"
  TRACE_DB_NAME=workflow_tracing_reads bin/setup-postgres >/dev/null
  JBOSS_HOME="$wildfly" TRACE_BASE_DIR="$base" bin/configure-postgres >/dev/null
  db_env=(TRACE_DB_URL=jdbc:postgresql://localhost:5432/workflow_tracing_reads)
fi
cp trace-ear/target/workflow-tracing.ear "$base/deployments/"
env "${db_env[@]}" "$wildfly/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset=200 -Dwildfly.elytron.realm.ApplicationRealm.brute-force.enabled=false \
  -Dotel.traces.exporter=none >"$base.out" 2>&1 &
server=$!
QUERY_PORT=9611 java -Xmx1g -jar target/zipkin/zipkin-server-3.5.1-exec.jar >"$root/target/zipkin.out" 2>&1 &
zipkin=$!
stop() {
  kill -TERM "$server" "$zipkin" 2>/dev/null; wait "$server" "$zipkin" 2>/dev/null
  pkill -f "jboss.server.base.dir=$base" 2>/dev/null
  while pgrep -f "jboss.server.base.dir=$base" >/dev/null; do sleep 0.5; done
}
trap stop EXIT
until [[ -f "$base/deployments/workflow-tracing.ear.deployed" ]]; do
  [[ -f "$base/deployments/workflow-tracing.ear.failed" ]] && { echo "deploy failed: see $base.out"; exit 1; }
  sleep 0.2
done
until curl -sf http://localhost:9611/health >/dev/null; do sleep 0.5; done
echo "database: ${BENCH_DB:-h2}, $reads reads of each trace from each server"
java -cp "$cp" dev.workflowtracing.bench.TraceReadBench http://localhost:8280/ http://localhost:9611/ "$reads" fan-out fan-out-5000
cd trace-web/src/main/frontend
node bench/canvas-vs-lens.mjs http://localhost:8280/ http://localhost:9611/ \
  "$(cat "$root/target/trace-read-bench-fan-out-5000.trace")" "run fan-out-5000" "${VISITS:-5}"
