#!/usr/bin/env bash
# Starts PostgreSQL and Kafka for a distributed run on this machine, side by side.
#
#   eval "$(infra/up.sh [dir])"        # dir defaults to .tmp/infra in the repository
#
# Prints `export DATABASE_URL=...` and `export KAFKA_BROKERS=...` on stdout (progress goes
# to stderr) and writes them to <dir>/env, so another shell can `source <dir>/env`.
# Idempotent: run it again and it reports the running services; after infra/down.sh it
# brings them back with their data and ports. Installs what is missing on first use.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -le 1 ] || die "usage: $0 [dir]"
REPO=$(cd "$INFRA_ROOT/.." && pwd)
DIR=$(abs_dir "${1:-$REPO/.tmp/infra}")

# Install first, once, so the two starts below do not both reach for apt-get.
ensure_postgres_and_kcat
ensure_java_and_maven

"$INFRA_ROOT/postgres/start.sh" "$DIR/postgres" >"$DIR/postgres.out" &
pg=$!
"$INFRA_ROOT/kafka/start.sh" "$DIR/kafka" >"$DIR/kafka.out" &
kafka=$!
# Interrupted: end both starts, then stop whatever had already come up (data kept).
trap 'trap "" TERM INT HUP; kill -TERM "$pg" "$kafka" 2>/dev/null; wait; "$INFRA_ROOT/down.sh" "$DIR" || true; exit 143' TERM INT HUP
ok=true
wait "$pg" || ok=false
wait "$kafka" || ok=false
if ! $ok; then
  info "start failed; stopping what did start (data kept in $DIR)"
  "$INFRA_ROOT/down.sh" "$DIR" || true
  exit 1
fi

{
  sed 's/^/export /' "$DIR/postgres.out"
  sed 's/^/export /' "$DIR/kafka.out"
} >"$DIR/env"
rm -f "$DIR/postgres.out" "$DIR/kafka.out"
info "logs: $DIR/postgres/postgres.log, $DIR/kafka/kafka.log; stop with infra/down.sh${1:+ $1}"
cat "$DIR/env"
