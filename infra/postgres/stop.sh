#!/usr/bin/env bash
# Stops the PostgreSQL cluster started by infra/postgres/start.sh.
#
#   infra/postgres/stop.sh <dir> [--purge]
#
# Fast shutdown (rolls back open transactions, then a clean checkpoint); if that does not
# finish within PG_STOP_TIMEOUT seconds (default 30), an immediate shutdown, then SIGKILL.
# --purge also deletes <dir> (and the cluster, wherever it lives). Nothing running is fine.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

(($# >= 1 && $# <= 2)) || die "usage: $0 <dir> [--purge]"
PURGE=false
[ "${2:-}" != --purge ] || PURGE=true
[ -z "${2:-}" ] || $PURGE || die "usage: $0 <dir> [--purge]"

if [ ! -d "$1" ]; then
  info "postgres: $1 does not exist, nothing to stop"
  exit 0
fi
DIR=$(cd "$1" && pwd)
PGHOME=$DIR
[ ! -f "$DIR/pghome" ] || PGHOME=$(cat "$DIR/pghome")
DATA=$PGHOME/data
LOG=$PGHOME/postgres.log

RUN=()
[ "$(id -u)" -ne 0 ] || RUN=(runuser -u postgres --)
pg() { "${RUN[@]}" "$PG_BIN/$1" "${@:2}"; }

if [ -f "$DATA/postmaster.pid" ]; then
  PID=$(sed -n 1p "$DATA/postmaster.pid")
  if alive "$PID"; then
    info "postgres: stopping (pid $PID)"
    if ! pg pg_ctl -D "$DATA" -m fast -w -t "${PG_STOP_TIMEOUT:-30}" -s stop >/dev/null 2>&1; then
      info "postgres: fast shutdown did not finish in time, immediate shutdown"
      pg pg_ctl -D "$DATA" -m immediate -w -t 10 -s stop >/dev/null 2>&1 || true
    fi
    if alive "$PID"; then
      info "postgres: still running, SIGKILL $PID"
      kill -KILL "$PID" 2>/dev/null || true
      for _ in $(seq 50); do alive "$PID" || break; sleep 0.1; done
    fi
    if alive "$PID"; then
      show_log_tail "$LOG"
      die "postgres: could not stop pid $PID"
    fi
    info "postgres: stopped"
  else
    info "postgres: not running (stale postmaster.pid)"
  fi
else
  info "postgres: not running"
fi

if $PURGE; then
  [ "$PGHOME" = "$DIR" ] || rm -rf "$PGHOME"
  rm -rf "$DIR"
fi
