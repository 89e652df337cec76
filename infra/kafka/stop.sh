#!/usr/bin/env bash
# Stops the broker started by infra/kafka/start.sh.
#
#   infra/kafka/stop.sh <dir> [--purge]
#
# SIGTERM (a controlled shutdown: logs flushed and closed), then SIGKILL if it has not
# exited after KAFKA_STOP_TIMEOUT seconds (default 30). The data stays, so start.sh on the
# same <dir> brings the same broker back; --purge deletes <dir>. Nothing running is fine.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

(($# >= 1 && $# <= 2)) || die "usage: $0 <dir> [--purge]"
PURGE=false
[ "${2:-}" != --purge ] || PURGE=true
[ -z "${2:-}" ] || $PURGE || die "usage: $0 <dir> [--purge]"

if [ ! -d "$1" ]; then
  info "kafka: $1 does not exist, nothing to stop"
  exit 0
fi
DIR=$(cd "$1" && pwd)
PIDFILE=$DIR/kafka.pid
PID=$(cat "$PIDFILE" 2>/dev/null || true)

if [ -n "$PID" ] && alive "$PID" && runs "$PID" kafka.Kafka; then
  info "kafka: stopping (pid $PID)"
  kill -TERM "$PID" 2>/dev/null || true
  deadline=$((SECONDS + ${KAFKA_STOP_TIMEOUT:-30}))
  while alive "$PID" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
  if alive "$PID"; then
    info "kafka: no exit after ${KAFKA_STOP_TIMEOUT:-30} s, SIGKILL $PID"
    kill -KILL "$PID" 2>/dev/null || true
    for _ in $(seq 100); do alive "$PID" || break; sleep 0.1; done
  fi
  if alive "$PID"; then
    show_log_tail "$DIR/kafka.log"
    die "kafka: could not stop pid $PID"
  fi
  info "kafka: stopped"
else
  info "kafka: not running"
fi
rm -f "$PIDFILE"

if $PURGE; then
  rm -rf "$DIR"
fi
