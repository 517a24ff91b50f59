#!/usr/bin/env bash
# Runs accepted per second through the cluster's one URL with 2 servers against 1 (issue
# "cluster"): bin/cluster up 2 (PORT_OFFSET 2000, its own database), then alternating windows with
# both servers and with server 2 stopped gracefully (bin/cluster stop 2 / start 2): 2, 1, 1, 2, 2,
# 1, ... Each window: CLIENTS clients post hello-llm runs with Prefer: respond-async for SECONDS,
# then the queue drains (ClusterAcceptBench). The servers export every span over OTLP/HTTP to the
# bench's receiver (port 4518). On this 2-core machine both servers share the same cores, so this
# shows what the cluster path costs, not how it scales. Figures: docs/performance.md.
#   bench/cluster-bench.sh [seconds=20] [windows=8] [clients=8]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20} windows=${2:-8} clients=${3:-8}
export PORT_OFFSET=2000 TRACE_DB_NAME=workflow_tracing_cluster_bench
export CLUSTER_SERVER_OPTS="-Dotel.exporter.otlp.endpoint=http://localhost:4518"
balancer="http://localhost:$((8080 + PORT_OFFSET))/"
[[ "${SKIP_BUILD:-0}" == 1 ]] || mvn -B -q install -DskipTests -Dspotless.check.skip=true
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
trap 'bin/cluster down >/dev/null 2>&1 || true' EXIT
bin/cluster up 2 --empty-database
rows=$(mktemp)
window() { # label
  java -cp "$cp" dev.workflowtracing.bench.ClusterAcceptBench "$balancer" 4518 "$secs" "$clients" "$1" | tee -a "$rows"
}
servers=2
echo "| servers | clients | accepted | accepted/s | refused | executed/s (to the queue's end) |"
echo "|---|---|---|---|---|---|"
window "2 (warm-up)" >/dev/null
window "2 (warm-up)" >/dev/null
for ((w = 0; w < windows; w++)); do
  want=$(( (w % 4 == 0 || w % 4 == 3) ? 2 : 1 )) # 2, 1, 1, 2: neither always goes first
  if (( want != servers )); then
    if (( want == 1 )); then bin/cluster stop 2 >/dev/null; else bin/cluster start 2 >/dev/null; fi
    sleep 10 # the balancer learns of the change (mod_cluster)
    servers=$want
    # A server started again is a new JVM: warm it up as the first one was, or the 2-server
    # windows measure its JIT compiler (until 2026-12-03 they did).
    if (( want == 2 )); then window "2 (warm-up after the start)" >/dev/null; fi
  fi
  window "$want"
done
awk -F'|' '$2 ~ /^ [12] $/ { n = $2 + 0; a[n] += $5; e[n] += $7; c[n]++ }
  END { printf "\nmeans: accepted/s 2 servers %.1f, 1 server %.1f, ratio %.3f; executed/s %.1f vs %.1f, ratio %.3f\n",
    a[2]/c[2], a[1]/c[1], (a[2]/c[2])/(a[1]/c[1]), e[2]/c[2], e[1]/c[1], (e[2]/c[2])/(e[1]/c[1]) }' "$rows"
