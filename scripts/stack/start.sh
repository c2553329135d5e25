#!/usr/bin/env bash
# The production shape on 127.0.0.1, from Debian's packages: nginx with the
# project's own configuration (deploy/nginx/chophunu.conf.template, the file
# docker-compose mounts) in front of two gunicorn processes with production
# settings, sharing one Redis, one database and one media folder.
#
#   scripts/stack/start.sh start        # prints the stack's variables (KEY=value) once it answers
#   scripts/stack/start.sh stop
#   scripts/stack/start.sh env          # the running stack's variables
#   scripts/stack/start.sh redis-stop   # for the outage test: Redis goes away ...
#   scripts/stack/start.sh redis-start  # ... and comes back on the same port
#
# Needs: nginx, redis-server, envsubst (apt-get install nginx-light redis-server
# gettext-base) and the project's .venv. Reads: STACK_HOME (var/stack), DATABASE_URL
# (default: an SQLite file in STACK_HOME), SEARCH_URL/SEARCH_ENGINE (optional),
# STACK_PRODUCTS demo products (60), STACK_WORKERS gunicorn workers per process (2),
# STACK_PYTHON (.venv/bin/python). Everything it writes lives in STACK_HOME.
# `make bench` (BENCH_STACK=proxy) serves its own prepared data: STACK_SKIP_DATA=1,
# STACK_MEDIA_ROOT and STACK_SEARCH_INDEX_PREFIX.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STACK_HOME="${STACK_HOME:-$ROOT/var/stack}"
PYTHON="${STACK_PYTHON:-$ROOT/.venv/bin/python}"
ENV_FILE="$STACK_HOME/env"

log() { echo "stack: $*" >&2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pid() {
  local file="$1" pid
  if pid_alive "$file"; then
    pid="$(cat "$file")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

answers() { curl -fsS --max-time 5 -o /dev/null "$1"; }

redis_start() {
  # shellcheck source=/dev/null
  . "$ENV_FILE"
  mkdir -p "$STACK_HOME/redis"
  # Nothing saved to disk: a restart is an empty cache, as core/cache.py expects after an outage.
  redis-server --bind 127.0.0.1 --port "$STACK_REDIS_PORT" --dir "$STACK_HOME/redis" \
    --save "" --appendonly no --maxmemory 128mb --maxmemory-policy allkeys-lru \
    --daemonize yes --pidfile "$STACK_HOME/redis.pid" --logfile "$STACK_HOME/redis.log"
  for _ in $(seq 1 50); do
    redis-cli -p "$STACK_REDIS_PORT" ping >/dev/null 2>&1 && return
    sleep 0.1
  done
  log "Redis did not start; see $STACK_HOME/redis.log"
  exit 1
}

redis_stop() {
  stop_pid "$STACK_HOME/redis.pid"
}

django_env() {
  export DJANGO_SETTINGS_MODULE=config.settings.production
  export DJANGO_SECRET_KEY="$STACK_SECRET_KEY"
  export DATABASE_URL="$STACK_DATABASE_URL"
  export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
  export DJANGO_SECURE_SSL_REDIRECT=false
  export DJANGO_SECURE_HSTS_SECONDS=0
  export DJANGO_MEDIA_ROOT="$STACK_MEDIA_ROOT"
  export DJANGO_STATIC_ROOT="$STACK_HOME/static"
  export DJANGO_PAGE_CACHE_STAMP="$STACK_HOME/page-cache.stamp"
  export DJANGO_CACHE_DIR="$STACK_HOME/cache"
  export DJANGO_LOG_FORMAT=json
  export DJANGO_TRUSTED_PROXY_COUNT=1
  export REDIS_URL="redis://127.0.0.1:$STACK_REDIS_PORT/0"
  export SITE_URL="$STACK_PROXY_URL"
  export TASKS_BACKEND=immediate
  export SEARCH_URL="${STACK_SEARCH_URL:-}"
  export SEARCH_ENGINE="${STACK_SEARCH_ENGINE:-opensearch}"
  export SEARCH_INDEX_PREFIX="$STACK_SEARCH_INDEX_PREFIX"
}

web_start() {
  local name="$1" port="$2"
  (
    django_env
    cd "$ROOT"
    "$PYTHON" -m gunicorn config.wsgi:application --bind "127.0.0.1:$port" \
      --workers "${STACK_WORKERS:-2}" --timeout 30 --daemon \
      --pid "$STACK_HOME/web-$name.pid" --error-logfile "$STACK_HOME/web-$name.log" \
      --capture-output
  )
}

nginx_start() {
  local dir="$STACK_HOME/nginx"
  mkdir -p "$dir/temp"
  # The project's file, filled in exactly as the nginx image fills it under docker-compose.
  CHOPHUNU_LISTEN="127.0.0.1:$STACK_PROXY_PORT" \
    CHOPHUNU_UPSTREAM_SERVERS="server 127.0.0.1:$STACK_WEB_A_PORT; server 127.0.0.1:$STACK_WEB_B_PORT;" \
    CHOPHUNU_STATIC_ROOT="$STACK_HOME/static" \
    CHOPHUNU_MEDIA_ROOT="$STACK_MEDIA_ROOT" \
    envsubst '${CHOPHUNU_LISTEN} ${CHOPHUNU_UPSTREAM_SERVERS} ${CHOPHUNU_STATIC_ROOT} ${CHOPHUNU_MEDIA_ROOT}' \
    <"$ROOT/deploy/nginx/chophunu.conf.template" >"$dir/chophunu.conf"
  # What the nginx image's own nginx.conf provides around conf.d/*.conf.
  cat >"$dir/nginx.conf" <<CONF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 65;
    access_log $dir/access.log;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/chophunu.conf;
}
CONF
  nginx -t -q -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf"
  nginx -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf"
}

start() {
  command -v nginx >/dev/null || { log "nginx is not installed (apt-get install nginx-light)"; exit 1; }
  command -v redis-server >/dev/null || { log "redis-server is not installed"; exit 1; }
  command -v envsubst >/dev/null || { log "envsubst is not installed (gettext-base)"; exit 1; }
  if [ -f "$ENV_FILE" ] && pid_alive "$STACK_HOME/nginx/nginx.pid"; then
    cat "$ENV_FILE"
    return
  fi
  stop >/dev/null 2>&1 || true
  mkdir -p "$STACK_HOME/static" "${STACK_MEDIA_ROOT:-$STACK_HOME/media}"
  # nginx's workers (not root) read the static and media folders.
  chmod 755 "$STACK_HOME" "$STACK_HOME/static" "${STACK_MEDIA_ROOT:-$STACK_HOME/media}"
  local proxy_port
  proxy_port="$(free_port)"
  cat >"$ENV_FILE" <<ENV
STACK_HOME=$STACK_HOME
STACK_PROXY_PORT=$proxy_port
STACK_PROXY_URL=http://127.0.0.1:$proxy_port
STACK_WEB_A_PORT=$(free_port)
STACK_WEB_B_PORT=$(free_port)
STACK_REDIS_PORT=$(free_port)
STACK_DATABASE_URL=${DATABASE_URL:-sqlite:///$STACK_HOME/db.sqlite3}
STACK_SEARCH_URL=${SEARCH_URL:-}
STACK_SEARCH_ENGINE=${SEARCH_ENGINE:-opensearch}
STACK_SEARCH_INDEX_PREFIX=${STACK_SEARCH_INDEX_PREFIX:-chophunu-stack}
STACK_MEDIA_ROOT=${STACK_MEDIA_ROOT:-$STACK_HOME/media}
STACK_SECRET_KEY=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(48))')
ENV
  # shellcheck source=/dev/null
  . "$ENV_FILE"
  cat >>"$ENV_FILE" <<ENV
STACK_WEB_A_URL=http://127.0.0.1:$STACK_WEB_A_PORT
STACK_WEB_B_URL=http://127.0.0.1:$STACK_WEB_B_PORT
STACK_REDIS_URL=redis://127.0.0.1:$STACK_REDIS_PORT/0
ENV
  local started
  started=$(date +%s)
  redis_start
  (
    django_env
    cd "$ROOT"
    if [ -z "${STACK_SKIP_DATA:-}" ]; then
      log "migrate, demo data (${STACK_PRODUCTS:-60} products), thumbnails, static files"
      "$PYTHON" manage.py migrate --no-input -v0
      "$PYTHON" manage.py load_demo_data --products "${STACK_PRODUCTS:-60}" >"$STACK_HOME/load.log"
      "$PYTHON" manage.py product_thumbnails -v0
      if [ -n "$SEARCH_URL" ]; then
        "$PYTHON" manage.py search_index rebuild >"$STACK_HOME/search.log"
      fi
    fi
    "$PYTHON" manage.py collectstatic --no-input -v0
  )
  web_start a "$STACK_WEB_A_PORT"
  web_start b "$STACK_WEB_B_PORT"
  nginx_start
  for _ in $(seq 1 120); do
    if answers "$STACK_PROXY_URL/healthz" && answers "$STACK_WEB_A_URL/healthz" \
      && answers "$STACK_WEB_B_URL/healthz"; then
      log "answering at $STACK_PROXY_URL after $(($(date +%s) - started))s"
      cat "$ENV_FILE"
      return
    fi
    sleep 0.5
  done
  log "the stack did not answer; logs in $STACK_HOME"
  tail -n 20 "$STACK_HOME"/web-*.log "$STACK_HOME/nginx/error.log" >&2 || true
  stop
  exit 1
}

stop() {
  local dir="$STACK_HOME/nginx"
  if pid_alive "$dir/nginx.pid"; then
    nginx -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" -s quit 2>/dev/null || true
    for _ in $(seq 1 50); do pid_alive "$dir/nginx.pid" || break; sleep 0.1; done
    stop_pid "$dir/nginx.pid"
  fi
  stop_pid "$STACK_HOME/web-a.pid"
  stop_pid "$STACK_HOME/web-b.pid"
  redis_stop
  rm -f "$ENV_FILE"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  env) [ -f "$ENV_FILE" ] && cat "$ENV_FILE" ;;
  redis-stop) redis_stop ;;
  redis-start) redis_start ;;
  *) echo "usage: $0 start|stop|env|redis-stop|redis-start" >&2; exit 2 ;;
esac
