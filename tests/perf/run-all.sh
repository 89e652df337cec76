#!/usr/bin/env bash
# Every benchmark, one after the other, each updating its own section of docs/performance.md.
#
#   npm run bench                 # full scale: ~1.5–2 hours on a 2-core machine
#   npm run bench -- --quick      # the same benchmarks at a small scale (~15 min): a smoke run, not figures to publish
#
# Each benchmark takes /tmp/poc-bench.lock for itself only, so other engineers' benchmarks
# on the same machine wait for it (and it for them) but can run in between. A failed one is
# reported and the others still run; the exit status says whether all passed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

QUICK=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
  esac
done

if ((QUICK)); then
  RUNS=(
    "rebuild --events 20000 --store both --no-doc"
    "append --seconds 2 --rounds 1 --no-doc"
    "ingest --seconds 5 --rate-seconds 5 --rounds 1 --no-doc"
    "freshness --seconds 10 --no-doc"
    "deterrence --patrols 1000 --incidents 50000 --under-way 50 --samples 40 --runs 5 --no-doc"
    "memory --events 50000 --max-seconds 120 --no-doc"
    "console --incidents 1000 --patrols 100 --runs 2 --no-doc"
  )
else
  RUNS=(
    "rebuild --events 1000000 --store both"
    "append"
    "ingest"
    "freshness"
    "deterrence"
    "memory"
    "console"
  )
fi

failed=()
for run in "${RUNS[@]}"; do
  read -r name args <<<"$run"
  echo "=== bench:$name $args ($(date -u +%H:%M:%S) UTC)" >&2
  # shellcheck disable=SC2086 # args are words on purpose
  if ! flock /tmp/poc-bench.lock npm run -s "bench:$name" -- $args; then
    failed+=("$name")
    echo "=== bench:$name FAILED" >&2
  fi
done

if ((${#failed[@]})); then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
echo "all benchmarks done; results in docs/performance.md" >&2
