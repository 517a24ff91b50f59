# Sourced by the outage benchmarks: runs under load while PostgreSQL is down for 30 s.
#   load_through_postgres_outage <url>   90 s of LoadDriver's soak (4 runs/s) against <url>,
#                                        PostgreSQL stopped from 30 s to 60 s; needs $cp, $version
load_through_postgres_outage() {
  local url=$1
  java -cp "$cp" dev.workflowtracing.bench.LoadDriver soak "$url" 90 4 &
  local driver=$!
  sleep 30
  echo "$(date +%T) stopping PostgreSQL"
  pg_ctlcluster "$version" main stop
  sleep 30
  echo "$(date +%T) starting PostgreSQL"
  pg_ctlcluster "$version" main start
  wait $driver
}
