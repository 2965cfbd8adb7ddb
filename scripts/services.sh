#!/usr/bin/env bash
# Services the integration tests need: a throw-away PostgreSQL server on loopback, and Debian's Chromium (with
# CJK fonts) for the browser tests.
#
#   scripts/services.sh start   installs Debian's postgresql when absent, starts a private cluster on 127.0.0.1,
#                               creates the test role and database; installs chromium and fonts-noto-cjk when
#                               /usr/bin/chromium is absent; prints ONLY `export` lines on stdout
#                               (scripts/test.sh evals them); progress goes to stderr.
#   scripts/services.sh stop    stops that cluster.
#
# Idempotent: a cluster left running by an earlier run is reused. The cluster is for tests only (fsync off).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
# One cluster per checkout (two clones on one machine do not stop each other's server): data in $PGDIR/data,
# socket, log and port file in $PGDIR.
PGDIR="${HUIQI_PG_DIR:-/tmp/huiqi-pg-$(printf '%s' "$REPO" | md5sum | cut -c1-8)}"
PGUSER_NAME=huiqi
PGPASS=huiqi-test
PGDB=huiqi_test

log() { echo "services.sh: $*" >&2; }

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/pg_ctl" && -x "$dir/initdb" ]]; then echo "$dir"; return; fi
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then dirname "$(command -v pg_ctl)"; return; fi
  return 1
}

# Runs a command as the cluster's owner: `postgres` when we are root (initdb refuses root), else ourselves.
as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgres() {
  if BIN=$(pg_bin); then return; fi
  if [[ $EUID -ne 0 ]]; then log "PostgreSQL is not installed and we are not root: install the 'postgresql' package"; exit 1; fi
  log "installing PostgreSQL (apt-get install postgresql)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN=$(pg_bin) || { log "PostgreSQL installed but pg_ctl/initdb not found"; exit 1; }
}

# The browser tests drive Debian's Chromium through Playwright, which never downloads a browser of its own.
install_chromium() {
  if [[ -x /usr/bin/chromium && -d /usr/share/fonts/opentype/noto ]]; then return; fi
  if [[ $EUID -ne 0 ]]; then log "Chromium is not installed and we are not root: install the 'chromium' and 'fonts-noto-cjk' packages"; exit 1; fi
  log "installing Chromium and CJK fonts (apt-get install chromium fonts-noto-cjk)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium fonts-noto-cjk >&2
  [[ -x /usr/bin/chromium ]] || { log "chromium installed but /usr/bin/chromium not found"; exit 1; }
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { [[ -f "$PGDIR/data/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" status -D "$PGDIR/data" >/dev/null 2>&1; }

psql_owner() { as_owner "$BIN/psql" -h "$PGDIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

start() {
  install_postgres
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  mkdir -p "$PGDIR"
  [[ $EUID -eq 0 ]] && chown postgres: "$PGDIR"
  chmod 700 "$PGDIR"

  if running; then
    PORT=$(cat "$PGDIR/port")
    log "PostgreSQL already running on 127.0.0.1:$PORT ($PGDIR)"
  else
    if [[ ! -f "$PGDIR/data/PG_VERSION" ]]; then
      log "initialising a cluster in $PGDIR/data…"
      as_owner "$BIN/initdb" -D "$PGDIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
    fi
    PORT=55432
    while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
    echo "$PORT" > "$PGDIR/port"
    [[ $EUID -eq 0 ]] && chown postgres: "$PGDIR/port"
    log "starting PostgreSQL on 127.0.0.1:$PORT…"
    as_owner "$BIN/pg_ctl" start -w -t 60 -D "$PGDIR/data" -l "$PGDIR/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2
  fi

  if [[ "$(psql_owner -c "select 1 from pg_roles where rolname = '$PGUSER_NAME'")" != 1 ]]; then
    psql_owner -c "create role $PGUSER_NAME login createdb password '$PGPASS'" >&2
  fi
  if [[ "$(psql_owner -c "select 1 from pg_database where datname = '$PGDB'")" != 1 ]]; then
    psql_owner -c "create database $PGDB owner $PGUSER_NAME" >&2
  fi
  log "PostgreSQL ready"
  echo "export HUIQI_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=$PGUSER_NAME;Password=$PGPASS;Database=$PGDB'"

  install_chromium
  log "Chromium ready: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  echo "export HUIQI_CHROMIUM=/usr/bin/chromium"
}

stop() {
  BIN=$(pg_bin) || { log "PostgreSQL is not installed: nothing to stop"; return 0; }
  if running; then
    as_owner "$BIN/pg_ctl" stop -D "$PGDIR/data" -m fast >&2
    log "PostgreSQL stopped"
  else
    log "PostgreSQL was not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
