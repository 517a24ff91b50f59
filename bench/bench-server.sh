# Sourced by the benchmarks: a WildFly of their own (ports +200, the built EAR, the demo users) in
# a base dir of its own, started in the background and stopped (waiting for it) on exit.
#   prepare_bench        builds the project (unless SKIP_BUILD=1) and the bench classpath;
#                        sets $cp (the bench's classes and libraries) and $wildfly
#   start_bench_server <base-dir> [env assignments...] -- [server options...]
# Needs $root (the project); sets $bench_server.
prepare_bench() {
  [[ -n "${SKIP_BUILD:-}" ]] || mvn -B -q install -DskipTests -Dspotless.check.skip=true
  mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
  cp="bench/target/classes:$(cat bench/target/bench.classpath)"
  wildfly="$root/trace-ear/target/wildfly-39.0.1.Final"
}

start_bench_server() {
  local base=$1
  shift
  local env_vars=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do env_vars+=("$1"); shift; done
  [[ "${1:-}" == "--" ]] && shift
  # On a fresh clone the project's own target directory does not exist yet.
  mkdir -p "$(dirname "$base")"
  rm -rf "$base"
  cp -r "$wildfly/standalone" "$base"
  rm -rf "$base"/deployments/* "$base"/log "$base"/data "$base"/tmp
  "$root/config/cli/add-users.sh" "$wildfly" "$base/configuration" >/dev/null
  if [[ "${BENCH_DB:-h2}" == postgres ]]; then
    local db=workflow_tracing_bench sudo_cmd=""
    [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
    $sudo_cmd su postgres -c "psql -qc 'drop database if exists $db'"
    (cd "$root" && TRACE_DB_NAME=$db bin/setup-postgres >/dev/null && JBOSS_HOME="$wildfly" TRACE_BASE_DIR="$base" bin/configure-postgres >/dev/null)
    env_vars+=(TRACE_DB_URL=jdbc:postgresql://localhost:5432/$db)
  elif [[ "${BENCH_DB:-h2}" != h2-mem ]]; then
    # The embedded default, as bin/run has it: an H2 file in the server's data directory.
    (cd "$root" && JBOSS_HOME="$wildfly" TRACE_BASE_DIR="$base" bin/configure-h2 >/dev/null)
  fi
  cp "$root/trace-ear/target/workflow-tracing.ear" "$base/deployments/"
  env "${env_vars[@]}" LAUNCH_JBOSS_IN_BACKGROUND=1 "$wildfly/bin/standalone.sh" -c standalone-full.xml \
    -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset=200 \
    -Dwildfly.elytron.realm.ApplicationRealm.brute-force.enabled=false "$@" >"$base.out" 2>&1 &
  bench_server=$!
  bench_server_base=$base
  bench_env=("${env_vars[@]}" "BENCH_RESTARTED=1")
  bench_opts=("$@")
  until [[ -f "$base/deployments/workflow-tracing.ear.deployed" ]]; do
    [[ -f "$base/deployments/workflow-tracing.ear.failed" ]] && { echo "deploy failed: see $base.out"; return 1; }
    sleep 0.2
  done
}

# Starts the server again on the base dir it had (its data kept), after stop_bench_server.
restart_bench_server() {
  local base=$bench_server_base
  rm -f "$base/deployments/workflow-tracing.ear.deployed"
  env "${bench_env[@]}" LAUNCH_JBOSS_IN_BACKGROUND=1 "$wildfly/bin/standalone.sh" -c standalone-full.xml \
    -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset=200 \
    -Dwildfly.elytron.realm.ApplicationRealm.brute-force.enabled=false "${bench_opts[@]}" >>"$base.out" 2>&1 &
  bench_server=$!
  until [[ -f "$base/deployments/workflow-tracing.ear.deployed" ]]; do sleep 0.2; done
}

# The server's JVM (standalone.sh is its parent).
bench_server_pid() {
  pgrep -f "jboss.server.base.dir=$bench_server_base" | while read -r p; do
    [[ "$(cat /proc/$p/comm 2>/dev/null)" == java ]] && echo "$p"; done | head -1
}

stop_bench_server() {
  [[ -z "${bench_server:-}" ]] && return 0
  kill -TERM "$bench_server" 2>/dev/null; wait "$bench_server" 2>/dev/null || true
  pkill -f "jboss.server.base.dir=$bench_server_base" 2>/dev/null || true
  while pgrep -f "jboss.server.base.dir=$bench_server_base" >/dev/null; do sleep 0.5; done
}
