#!/usr/bin/env bash
# Fault test: PostgreSQL is stopped for 30 s in the middle of a 90 s soak (4 runs/s) against a
# server on PostgreSQL. Reports failed runs, the share of complete trace trees once the database
# is back, and the spans the pipeline dropped. Needs root (pg_ctlcluster) and a built EAR
# (bin/test or bench/load-bench.sh builds it).
set -euo pipefail
# standalone.sh forwards TERM/INT to the server JVM only when it runs it in the background.
export LAUNCH_JBOSS_IN_BACKGROUND=1
cd "$(dirname "$0")/.."
root=$(pwd)
bin/setup-postgres
version=$(ls /etc/postgresql | sort -n | tail -1)
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
source bench/postgres-outage.sh
wildfly="$root/trace-ear/target/wildfly-39.0.1.Final"
base="$root/target/outage-server"
mkdir -p "$root/target"
url="http://localhost:8380/"
rm -rf "$base" && cp -r "$wildfly/standalone" "$base" && rm -rf "$base"/deployments/* "$base"/log "$base"/data "$base"/tmp
config/cli/add-users.sh "$wildfly" "$base/configuration" >/dev/null
TRACE_BASE_DIR="$base" bin/configure-postgres >/dev/null
cp trace-ear/target/workflow-tracing.ear "$base/deployments/"
"$wildfly/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset=300 \
  -Dotel.traces.exporter=none >"$base.out" 2>&1 &
server=$!
trap 'pg_ctlcluster "$version" main start 2>/dev/null || true; kill -TERM $server 2>/dev/null || true' EXIT
until [[ -f "$base/deployments/workflow-tracing.ear.deployed" ]]; do sleep 0.5; done

load_through_postgres_outage "$url"
curl -s -u admin:admin-password "${url}api/metrics" | grep -E "^workflow_tracing_(spans_(dropped|failed|exported)_total|retry_buffer)"
echo "warnings in the server log: $(grep -c 'WARN' "$base/log/server.log" || true)"
