# shellcheck shell=bash
# Shared helpers for infra/*.sh. Source it; do not run it.
#
# Convention for every script here: stdout carries only the machine-readable result
# (`NAME=value` lines), progress and errors go to stderr, so `eval "$(infra/up.sh)"` works.

# shellcheck disable=SC2034 # used by the scripts that source this file
INFRA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

info() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

# Prints the last lines of a log file to stderr, framed, if it exists.
show_log_tail() {
  local file=$1 lines=${2:-60}
  [ -f "$file" ] || return 0
  printf '[infra] ---- last %s lines of %s ----\n' "$lines" "$file" >&2
  tail -n "$lines" "$file" >&2
  printf '[infra] ---- end of %s ----\n' "$file" >&2
}

# Creates a directory if needed and prints its absolute path.
abs_dir() {
  mkdir -p "$1" && (cd "$1" && pwd)
}

# A TCP port that is free on 127.0.0.1 right now (the kernel picks it).
free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1]);s.close()"
  else
    die "need node or python3 to pick a free port (or pass the port explicitly)"
  fi
}

# True if something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Is $1 a live process? A zombie (exited, not yet reaped by its new parent) counts as dead.
alive() {
  local pid=${1:-} state
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$pid/stat" 2>/dev/null || true)
  [ "$state" != Z ] && [ "$state" != X ]
}

# Does process $1 run a command line containing $2? (guards against a recycled pid)
runs() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# Runs apt-get install for the given packages, as root or through sudo, one installer at a
# time (the scripts may run in parallel on a fresh machine).
apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing packages ($*) and not root: install them with apt-get install -y $*"
    sudo=(sudo)
  fi
  info "installing with apt-get: $* (first run on this machine)"
  # Package installs from two scripts at once would fight over the dpkg lock.
  (
    flock -w 900 9 || die "timed out waiting for another apt-get run (lock /tmp/poc-apt.lock)"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
  ) 9>/tmp/poc-apt.lock || die "apt-get install $* failed (see above)"
}

# PostgreSQL 15 server binaries and kcat (the independent Kafka client used by tests).
ensure_postgres_and_kcat() {
  if [ ! -x "$PG_BIN/initdb" ] || ! command -v kcat >/dev/null 2>&1; then
    apt_install postgresql kcat
  fi
  [ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb still missing after installing postgresql (is it PostgreSQL 15? set PG_BIN)"
}

# A Java runtime (17+) and Maven, to fetch and run the Kafka broker jars.
ensure_java_and_maven() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}
