#!/usr/bin/env bash
# Trace by id here vs Zipkin 3.5.1 (in-memory store, the exec jar from Maven Central) on the same
# traces in one run: the 1,002-node sample fan-out (2,005 spans) and a 5,000-node fan-out (10,001
# spans), read alternately as a browser would (gzip, no cached copy); p50/p95 and their ratios,
# plus the 304 a second view costs here; then the 10,001-span trace opened from its URL in this
# Canvas and in Zipkin Lens in headless chromium (bench/canvas-vs-lens.mjs). Starts its own WildFly
# (bench-server.sh: ports +200, H2 or BENCH_DB=postgres) and Zipkin on port 9611. SKIP_BUILD=1
# reuses the built EAR. Figures go to docs/performance.md and docs/performance-canvas.md.
#   bench/trace-read-bench.sh [reads=200]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
reads=${1:-200}
source bench/bench-server.sh
prepare_bench
mvn -B -q dependency:copy -Dartifact=io.zipkin:zipkin-server:3.5.1:jar:exec -DoutputDirectory=target/zipkin
zipkin=""
stop() {
  [[ -n "$zipkin" ]] && { kill -TERM "$zipkin" 2>/dev/null; wait "$zipkin" 2>/dev/null || true; }
  stop_bench_server
}
trap stop EXIT
QUERY_PORT=9611 java -Xmx1g -jar target/zipkin/zipkin-server-3.5.1-exec.jar >"$root/target/zipkin.out" 2>&1 &
zipkin=$!
start_bench_server "$root/target/trace-read-bench-server" -- -Dotel.traces.exporter=none
until curl -sf http://localhost:9611/health >/dev/null; do sleep 0.5; done
echo "database: ${BENCH_DB:-h2}, $reads reads of each trace from each server"
java -cp "$cp" dev.workflowtracing.bench.TraceReadBench http://localhost:8280/ http://localhost:9611/ "$reads" fan-out fan-out-5000
cd trace-web/src/main/frontend
node bench/canvas-vs-lens.mjs http://localhost:8280/ http://localhost:9611/ \
  "$(cat "$root/target/trace-read-bench-fan-out-5000.trace")" "run fan-out-5000" "${VISITS:-5}"
