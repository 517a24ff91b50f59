#!/usr/bin/env bash
# A soak at saturation (issue "memory that lasts"): 8 clients run hello-llm as fast as the server
# answers for N minutes against bin/run's default (H2 file in the server's data directory, WildFly's
# 512 MB heap) or BENCH_DB=postgres, exporting every span over OTLP/HTTP to the bench's receiver
# (port 4518). Every minute: runs/s, refusals, the live heap after a full GC, the stored spans; then
# whether the last minute's runs have complete traces, the class histogram, how long SIGTERM takes
# to stop the server, and whether the last run (and the first, unless the span cap evicted it) is
# still there after a restart.
# MAX_SPANS=200000 soaks with a low span cap (the retention tick then runs every minute).
#   bench/soak-bench.sh [minutes=30] [clients=8]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
minutes=${1:-30} clients=${2:-8}
otlp_port=4518
source bench/bench-server.sh
prepare_bench
trap stop_bench_server EXIT
base="$root/target/soak-bench-server"
opts=(-Dotel.exporter.otlp.endpoint="http://localhost:$otlp_port" -Dtracing.retention.interval-minutes=1)
[[ -n "${MAX_SPANS:-}" ]] && opts+=(-Dtracing.retention.max-spans="$MAX_SPANS")
start_bench_server "$base" -- "${opts[@]}"
pid=$(bench_server_pid)
out=$(mktemp -d)
java -cp "$cp" dev.workflowtracing.bench.SoakBench http://localhost:8280/ "$pid" "$otlp_port" \
  "$minutes" "$clients" "$out"
grep -c OutOfMemoryError "$base/log/server.log" | sed 's/^/OutOfMemoryError lines in the server log: /' || true
started=$(date +%s%N)
kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
echo "SIGTERM to stopped: $((($(date +%s%N) - started) / 1000000)) ms"
wait "$bench_server" 2>/dev/null || true
restart_bench_server
for which in first last; do
  run=$(cat "$out/$which-run")
  answer=$(curl -s -u admin:admin-password "http://localhost:8280/api/runs/$run")
  status=$(grep -o '"status":"[A-Z]*"' <<<"$answer" || echo "no run (the cap evicts the oldest)")
  trace=$(grep -o '"traceId":"[0-9a-f]*"' <<<"$answer" | cut -d'"' -f4 || true)
  spans=""
  [[ -n $trace ]] && spans=$(curl -s -u admin:admin-password "http://localhost:8280/api/traces/$trace?details=omit" | grep -o '"complete":[a-z]*' | head -1)
  echo "after a restart, the soak's $which run $run: ${status} ${spans}"
done
