#!/usr/bin/env bash
# Fault test for the cluster (issue "cluster"): PostgreSQL stopped for 30 s in the middle of a 90 s
# soak at 4 runs/s through the balancer of bin/cluster up 2 (PORT_OFFSET 3500, its own database).
# Reports the runs answered with a trace, the share of complete trace trees once the database is
# back (LoadDriver soak), both servers' span counters, and that both still hold their leases (no
# server ended the other's runs as ABORTED). Needs root (pg_ctlcluster) and a built EAR
# (SKIP_BUILD=1), or builds it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT_OFFSET=3500 TRACE_DB_NAME=workflow_tracing_cluster_outage
export CLUSTER_SERVER_OPTS="-Dotel.traces.exporter=none"
balancer="http://localhost:$((8080 + PORT_OFFSET))/"
version=$(ls /etc/postgresql | sort -n | tail -1)
[[ "${SKIP_BUILD:-0}" == 1 ]] || mvn -B -q install -DskipTests -Dspotless.check.skip=true
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
source bench/postgres-outage.sh
trap 'pg_ctlcluster "$version" main start 2>/dev/null || true; bin/cluster down >/dev/null 2>&1 || true' EXIT
bin/cluster up 2 --empty-database

load_through_postgres_outage "$balancer"
for i in 1 2; do
  url="http://localhost:$((8080 + PORT_OFFSET + 100 * i))/"
  echo "server $i:"
  curl -s -u admin:admin-password "${url}api/metrics" |
    grep -E "^workflow_tracing_(spans_(dropped|failed|exported)_total|retry_buffer|runs_)" | sed 's/^/  /'
done
aborted=$(curl -s -u admin:admin-password "${balancer}api/traces?status=ABORTED&limit=100" | { grep -o '"runId"' || true; } | wc -l)
echo "runs ABORTED: $aborted"
for i in 1 2; do
  echo "server $i log: $(grep -c ' ERROR ' "target/cluster/server-$i/log/server.log" || true) ERROR lines," \
    "$(grep -ci 'aborted\|gone' "target/cluster/server-$i/log/server.log" || true) lines on aborted runs or gone servers"
done
