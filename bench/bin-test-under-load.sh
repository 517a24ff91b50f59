#!/usr/bin/env bash
# bin/test, N times in a row, each on a fresh clone of one commit (HEAD, or the one given), while a shell loop
# keeps one of the machine's cores busy (the "stress"-like load of the event-stream issue). Prints
# each pass's outcome and duration; exits non-zero if any pass failed. Logs: target/bin-test-load/.
#   bench/bin-test-under-load.sh [times=3] [commit=HEAD]
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
times=${1:-3}
out="$root/target/bin-test-load"
mkdir -p "$out"
commit=$(git rev-parse --short "${2:-HEAD}")
busy() { while :; do :; done; }
failed=0
for i in $(seq 1 "$times"); do
  clone=$(mktemp -d /tmp/bin-test-load.XXXX)
  chmod 755 "$clone" # as a clone anywhere else: PostgreSQL's tools run as another user
  git clone -q "$root" "$clone"
  # A clone checks out the branch the repository has checked out now, which may have moved on.
  git -C "$clone" checkout -q --detach "$commit"
  busy &
  burner=$!
  started=$(date +%s)
  (cd "$clone" && bin/test) > "$out/pass-$i.log" 2>&1
  rc=$?
  kill "$burner" 2>/dev/null
  wait "$burner" 2>/dev/null
  took=$(($(date +%s) - started))
  # The summary lines of the test runs (unit, H2 and PostgreSQL integration tests).
  tests=$(grep -E "Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$" \
    "$out/pass-$i.log" | sed 's/.*Tests run/Tests run/' | tr '\n' ';')
  echo "pass $i of $times, commit $commit, one core busy: exit $rc in ${took} s; $tests"
  [[ $rc -eq 0 ]] || failed=1
  rm -rf "$clone"
done
exit $failed
