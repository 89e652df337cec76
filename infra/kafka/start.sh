#!/usr/bin/env bash
# Starts a single-node KRaft Apache Kafka broker (broker and controller in one JVM) from the
# jars on Maven Central, for local runs and tests.
#
#   infra/kafka/start.sh <dir> [port] [controllerPort]
#
# <dir> holds everything: server.properties, log4j.properties, data/ (the log dirs),
# kafka.log (the broker's own log), kafka.pid, ports, cluster.id, env. Listens on 127.0.0.1.
# Prints `KAFKA_BROKERS=127.0.0.1:<port>` on stdout and writes it to <dir>/env.
#
# Idempotent: on an existing <dir> it reuses the cluster id, the data and the ports (unless
# given), so a test can stop the broker and start it again on the same <dir> and ports with
# its topics, messages and committed offsets intact. If it is already running it only prints.
#
# Environment: KAFKA_START_TIMEOUT (s, default 90), KAFKA_HEAP_OPTS (default
# "-Xms256m -Xmx512m"), KAFKA_JAVA_OPTS (extra JVM flags), KAFKA_LIBS (jar folder, default
# infra/kafka/target/libs, filled by Maven on first use).
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

(($# >= 1 && $# <= 3)) || die "usage: $0 <dir> [port] [controllerPort]"
DIR=$(abs_dir "$1")
PORT_ARG=${2:-}
CPORT_ARG=${3:-}
LOG=$DIR/kafka.log
PIDFILE=$DIR/kafka.pid

ensure_java_and_maven

# --- the jars -------------------------------------------------------------------------
POM=$INFRA_ROOT/kafka/pom.xml
VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM" | head -n 1)
[ -n "$VERSION" ] || die "kafka: no <kafka.version> in $POM"
LIBS=${KAFKA_LIBS:-$INFRA_ROOT/kafka/target/libs}

libs_ready() { [ -f "$LIBS/.complete" ] && [ "$(cat "$LIBS/.complete")" = "$VERSION" ]; }

if ! libs_ready; then
  mkdir -p "$(dirname "$LIBS")"
  (
    # Two starts at once (up.sh, parallel test runs) fetch once; the folder appears whole.
    flock -w 900 9 || die "kafka: timed out waiting for another jar download"
    if ! libs_ready; then
      info "kafka: fetching Kafka $VERSION jars with Maven into $LIBS (first run; ~/.m2 caches them)"
      tmp="$LIBS.tmp.$$"
      rm -rf "$tmp"
      # (Maven 3.8 prints colour resets even in batch mode: filtered out.)
      mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$tmp" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2 ||
        { rm -rf "$tmp"; die "kafka: Maven could not fetch the jars (see above)"; }
      [ -f "$tmp/kafka_2.13-$VERSION.jar" ] || { rm -rf "$tmp"; die "kafka: kafka_2.13-$VERSION.jar missing after Maven"; }
      echo "$VERSION" >"$tmp/.complete"
      rm -rf "$LIBS"
      mv "$tmp" "$LIBS"
    fi
  ) 9>"$(dirname "$LIBS")/.fetch.lock"
fi

# --- already running? -------------------------------------------------------------------
if [ -f "$PIDFILE" ] && alive "$(cat "$PIDFILE")" && runs "$(cat "$PIDFILE")" kafka.Kafka; then
  read -r PORT CPORT <"$DIR/ports"
  [ -z "$PORT_ARG" ] || [ "$PORT_ARG" = "$PORT" ] || die "kafka: already running in $DIR on port $PORT, not $PORT_ARG"
  info "kafka: already running on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
  echo "KAFKA_BROKERS=127.0.0.1:$PORT" >"$DIR/env"
  echo "KAFKA_BROKERS=127.0.0.1:$PORT"
  exit 0
fi
rm -f "$PIDFILE"

# --- ports, cluster id, configuration --------------------------------------------------
PORT=
CPORT=
[ ! -f "$DIR/ports" ] || read -r PORT CPORT <"$DIR/ports"
PORT=${PORT_ARG:-${PORT:-$(free_port)}}
CPORT=${CPORT_ARG:-${CPORT:-$(free_port)}}
while [ "$CPORT" = "$PORT" ]; do CPORT=$(free_port); done
for p in "$PORT" "$CPORT"; do
  ! port_in_use "$p" || die "kafka: port $p on 127.0.0.1 is already in use"
done
echo "$PORT $CPORT" >"$DIR/ports"

if [ ! -s "$DIR/cluster.id" ]; then
  # A Kafka Uuid: 16 random bytes, URL-safe base64 without padding; not starting with '-'
  # (the storage tool would read it as an option).
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    [ "${id:0:1}" != - ] && break
  done
  echo "$id" >"$DIR/cluster.id"
fi
CLUSTER_ID=$(cat "$DIR/cluster.id")

cat >"$DIR/server.properties" <<EOF
# Written by infra/kafka/start.sh on each start: a single-node KRaft broker on loopback.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CPORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT
# 127.0.0.1, not localhost: Node may resolve localhost to ::1.
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DIR/data
# One broker: every internal topic has one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
default.replication.factor=1
min.insync.replicas=1
# Fast tests: no wait before the first rebalance, small internal topics, small cleaner buffer.
group.initial.rebalance.delay.ms=0
offsets.topic.num.partitions=1
transaction.state.log.num.partitions=1
log.cleaner.dedupe.buffer.size=16777216
# Topics are created on purpose (with their partition count), never by a typo.
auto.create.topics.enable=false
num.partitions=1
EOF

# Kafka 3.9 logs through log4j 1.x (reload4j); without a configuration it logs nothing.
cat >"$DIR/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.network.RequestChannel$=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.authorizer.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF

# shellcheck disable=SC2206 # the *_OPTS variables are word lists on purpose
JAVA_OPTS=(
  ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
  -XX:+UseG1GC -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$DIR/log4j.properties"
  ${KAFKA_JAVA_OPTS:-}
)

if [ ! -f "$DIR/data/meta.properties" ]; then
  info "kafka: formatting $DIR/data (cluster $CLUSTER_ID)"
  if ! java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool format \
    -t "$CLUSTER_ID" -c "$DIR/server.properties" --ignore-formatted >"$DIR/format.log" 2>&1; then
    show_log_tail "$DIR/format.log"
    die "kafka: formatting the storage failed"
  fi
fi

# Interrupted half-way (Ctrl-C, the test setup giving up): leave nothing running.
trap 'trap "" TERM INT HUP; info "kafka: start interrupted, stopping"; "$INFRA_ROOT/kafka/stop.sh" "$DIR" >/dev/null 2>&1; exit 143' TERM INT HUP

# --- start and wait -------------------------------------------------------------------
touch "$LOG"
offset=$(stat -c %s "$LOG")
info "kafka: starting $VERSION on 127.0.0.1:$PORT (controller $CPORT; log: $LOG)"
# Detached from our stdout/stderr so that whoever runs this script is not kept waiting.
(cd "$DIR" && exec nohup java "${JAVA_OPTS[@]}" -cp "$LIBS/*" kafka.Kafka "$DIR/server.properties" \
  </dev/null >>"$LOG" 2>&1) &
PID=$!
echo "$PID" >"$PIDFILE"

started() { tail -c "+$((offset + 1))" "$LOG" | grep -q 'Kafka Server started'; }
deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
until started; do
  if ! alive "$PID"; then
    show_log_tail "$LOG"
    rm -f "$PIDFILE"
    die "kafka: the broker exited during start"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    kill -KILL "$PID" 2>/dev/null || true
    rm -f "$PIDFILE"
    show_log_tail "$LOG"
    die "kafka: not started after ${KAFKA_START_TIMEOUT:-90} s (killed)"
  fi
  sleep 0.2
done

echo "KAFKA_BROKERS=127.0.0.1:$PORT" >"$DIR/env"
info "kafka: ready at 127.0.0.1:$PORT (pid $PID)"
echo "KAFKA_BROKERS=127.0.0.1:$PORT"
