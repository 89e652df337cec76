#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for local runs and tests.
#
#   infra/postgres/start.sh <dir> [port]
#
# <dir> holds everything: data/ (the cluster), postgres.log, port, env. The server listens on
# 127.0.0.1 only (no Unix socket), trusts loopback connections, keeps fsync on, and has a
# database `poc`. Prints `DATABASE_URL=postgres://postgres@127.0.0.1:<port>/poc` on stdout
# and writes the same line to <dir>/env.
#
# Idempotent: on an existing <dir> it reuses the cluster and its port (unless a port is
# given); if the server is already running it only prints the URL.
# As root the server runs as the `postgres` OS user; otherwise as the calling user.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

(($# >= 1 && $# <= 2)) || die "usage: $0 <dir> [port]"
DIR=$(abs_dir "$1")
PORT_ARG=${2:-}

ensure_postgres_and_kcat

# Who runs the server, and where its files live. As root the server runs as the postgres OS
# user, which must be able to reach <dir>. Temp dirs (mkdtemp makes them 0700) get the
# search bit for others (o+x: pass through, not list). Elsewhere, e.g. under a 0700 home,
# the cluster goes to /tmp/poc-pg.* instead, which <dir>/pghome points at.
RUN=()
PGHOME=$DIR
TMP_ROOT=$(cd "${TMPDIR:-/tmp}" && pwd)
postgres_reaches() { runuser -u postgres -- test -w "$1" -a -x "$1"; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "no 'postgres' OS user (is the postgresql package installed?)"
  RUN=(runuser -u postgres --)
  chown postgres: "$DIR"
  # External homes whose <dir> was deleted without `stop.sh --purge`: remove if not running.
  for home in /tmp/poc-pg.*; do
    [ -f "$home/owner-dir" ] || continue
    [ ! -f "$(cat "$home/owner-dir")/pghome" ] || continue
    [ -f "$home/data/postmaster.pid" ] && alive "$(sed -n 1p "$home/data/postmaster.pid")" && continue
    rm -rf "$home"
  done
  if [ -f "$DIR/pghome" ]; then
    PGHOME=$(cat "$DIR/pghome")
  elif ! postgres_reaches "$DIR"; then
    if [[ $DIR == "$TMP_ROOT"/* ]]; then
      d=$(dirname "$DIR")
      while [ "$d" != "$TMP_ROOT" ] && [ "$d" != / ]; do
        [ "$(stat -c %u "$d")" = 0 ] && chmod o+x "$d"
        d=$(dirname "$d")
      done
    fi
    if ! postgres_reaches "$DIR"; then
      PGHOME=$(mktemp -d /tmp/poc-pg.XXXXXX)
      echo "$DIR" >"$PGHOME/owner-dir"
      chown postgres: "$PGHOME"
      chmod 0700 "$PGHOME"
      echo "$PGHOME" >"$DIR/pghome"
      info "postgres: the postgres user cannot reach $DIR; cluster kept in $PGHOME"
    fi
  fi
fi
DATA=$PGHOME/data
LOG=$PGHOME/postgres.log
[ "$PGHOME" = "$DIR" ] || ln -sfn "$LOG" "$DIR/postgres.log"

pg() { "${RUN[@]}" "$PG_BIN/$1" "${@:2}"; }

# Interrupted half-way (Ctrl-C, the test setup giving up): leave nothing running.
trap 'trap "" TERM INT HUP; info "postgres: start interrupted, stopping"; "$INFRA_ROOT/postgres/stop.sh" "$DIR" >/dev/null 2>&1; exit 143' TERM INT HUP

fail() {
  info "postgres: $*"
  show_log_tail "$LOG"
  exit 1
}

# Already running? Then just report it.
if [ -f "$DATA/postmaster.pid" ] && pg pg_ctl -D "$DATA" status >/dev/null 2>&1; then
  PORT=$(sed -n 4p "$DATA/postmaster.pid")
  [ -z "$PORT_ARG" ] || [ "$PORT_ARG" = "$PORT" ] || die "postgres: already running in $DIR on port $PORT, not $PORT_ARG"
  info "postgres: already running on 127.0.0.1:$PORT ($DATA)"
else
  if [ -n "$PORT_ARG" ]; then
    PORT=$PORT_ARG
  elif [ -f "$DIR/port" ]; then
    PORT=$(cat "$DIR/port")
  else
    PORT=$(free_port)
  fi
  ! port_in_use "$PORT" || die "postgres: port $PORT on 127.0.0.1 is already in use"
  echo "$PORT" >"$DIR/port"

  if [ ! -f "$DATA/PG_VERSION" ]; then
    info "postgres: initdb $DATA"
    rm -rf "$DATA"
    if ! pg initdb -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C --no-instructions \
      >"$PGHOME/initdb.log" 2>&1; then
      show_log_tail "$PGHOME/initdb.log"
      die "postgres: initdb failed"
    fi
    # Connections only over TCP on loopback, trusted (a throwaway cluster, nothing secret).
    cat >"$DATA/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
host    all       all   127.0.0.1/32   trust
host    all       all   ::1/128        trust
host    replication all 127.0.0.1/32   trust
EOF
    echo "include_if_exists = 'poc-infra.conf'" >>"$DATA/postgresql.conf"
  fi

  # Rewritten on every start, so a different port can be given later.
  cat >"$DATA/poc-infra.conf" <<EOF
# Written by infra/postgres/start.sh on each start.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = ''   # TCP only: no clash with a packaged cluster's socket
# Durability stays as in production: tests of "acknowledged means stored" rely on it.
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 200
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
log_timezone = 'UTC'
timezone = 'UTC'
EOF
  [ ${#RUN[@]} -eq 0 ] || chown postgres: "$DATA/pg_hba.conf" "$DATA/poc-infra.conf"

  info "postgres: starting on 127.0.0.1:$PORT (log: $LOG)"
  if ! out=$(pg pg_ctl -D "$DATA" -l "$LOG" -w -t "${PG_START_TIMEOUT:-60}" -s start 2>&1); then
    fail "pg_ctl start failed: $out"
  fi
fi

# The application database.
export PGCONNECT_TIMEOUT=10
exists=$("$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
  "select count(*) from pg_database where datname = 'poc'") || fail "cannot connect to 127.0.0.1:$PORT"
if [ "$exists" = 0 ]; then
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres poc || fail "createdb poc failed"
fi

URL="postgres://postgres@127.0.0.1:$PORT/poc"
echo "DATABASE_URL=$URL" >"$DIR/env"
info "postgres: ready at $URL"
echo "DATABASE_URL=$URL"
