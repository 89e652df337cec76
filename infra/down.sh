#!/usr/bin/env bash
# Stops what infra/up.sh started.
#
#   infra/down.sh [dir] [--purge]      # dir defaults to .tmp/infra in the repository
#
# Keeps the data (up.sh brings it back) unless --purge, which deletes <dir>.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO=$(cd "$INFRA_ROOT/.." && pwd)
DIR=
PURGE=()
for arg in "$@"; do
  case $arg in
    --purge) PURGE=(--purge) ;;
    -*) die "usage: $0 [dir] [--purge]" ;;
    *) [ -z "$DIR" ] || die "usage: $0 [dir] [--purge]"; DIR=$arg ;;
  esac
done
DIR=${DIR:-$REPO/.tmp/infra}
if [ ! -d "$DIR" ]; then
  info "$DIR does not exist, nothing to stop"
  exit 0
fi

"$INFRA_ROOT/kafka/stop.sh" "$DIR/kafka" "${PURGE[@]}" &
kafka=$!
"$INFRA_ROOT/postgres/stop.sh" "$DIR/postgres" "${PURGE[@]}" &
pg=$!
ok=true
wait "$kafka" || ok=false
wait "$pg" || ok=false
$ok || die "could not stop everything in $DIR (see above)"
if [ ${#PURGE[@]} -gt 0 ]; then
  rm -rf "$DIR"
else
  rm -f "$DIR/env"
fi
