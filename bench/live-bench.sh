#!/usr/bin/env bash
# Runs on the run queue (issue "live runs"): accepted runs per second, time from accept to the
# first node's start (p50/p95), and run throughput with 100 event-stream watchers vs none, in
# alternating windows on one server. Starts its own WildFly (ports +200, H2, tracing defaults)
# from the built EAR, exporting every span over OTLP/HTTP to the receiver the bench itself serves
# on port 4318+200. Figures go to docs/performance.md.
#   bench/live-bench.sh [seconds-per-window=10] [clients=8] [windows=8] [watchers=100]
set -euo pipefail
export LAUNCH_JBOSS_IN_BACKGROUND=1
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${1:-10} clients=${2:-8} windows=${3:-8} watchers=${4:-100}
otlp_port=4518
[[ -n "${SKIP_BUILD:-}" ]] || mvn -B -q install -DskipTests -Dspotless.check.skip=true
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
wildfly="$root/trace-ear/target/wildfly-39.0.1.Final"
base="$root/target/live-bench-server"
rm -rf "$base" && cp -r "$wildfly/standalone" "$base" && rm -rf "$base"/deployments/* "$base"/log "$base"/data "$base"/tmp
config/cli/add-users.sh "$wildfly" "$base/configuration" >/dev/null
cp trace-ear/target/workflow-tracing.ear "$base/deployments/"
"$wildfly/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset=200 -Dwildfly.elytron.realm.ApplicationRealm.brute-force.enabled=false \
  -Dotel.exporter.otlp.endpoint="http://localhost:$otlp_port" >"$base.out" 2>&1 &
server=$!
stop() {
  kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null; pkill -f "jboss.server.base.dir=$base" 2>/dev/null
  while pgrep -f "jboss.server.base.dir=$base" >/dev/null; do sleep 0.5; done
}
trap stop EXIT
until [[ -f "$base/deployments/workflow-tracing.ear.deployed" ]]; do
  [[ -f "$base/deployments/workflow-tracing.ear.failed" ]] && { echo "deploy failed: see $base.out"; exit 1; }
  sleep 0.2
done
java -cp "$cp" dev.workflowtracing.bench.LiveRunBench http://localhost:8280/ "$otlp_port" "$secs" "$clients" "$windows" "$watchers"
