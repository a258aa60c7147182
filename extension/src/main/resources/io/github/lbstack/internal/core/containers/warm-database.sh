#!/bin/bash
# lbstack's warm start for an image of the official mysql or postgres contract. It runs in an image derived from the
# user's database image, around that image's own entrypoint:
#
#   warm-database.sh init  <kind> <n> <entrypoint (n words)> <command...>
#       at build time: the image's entrypoint initialises a data directory in /var/lib/lbstack-warm (outside the
#       image's volumes, so it stays in the layer), the server starts, and is stopped cleanly once its port answers.
#   warm-database.sh start <kind> <n> <entrypoint (n words)> <command...>
#       at each start: when the data directory is empty, the warm one is copied in and the stack's database, user and
#       passwords are made from the official variables, then the image's entrypoint runs as it always does; it finds
#       a database and skips its initialisation.
#
# <kind> is mysql or postgres. Init scripts (/docker-entrypoint-initdb.d) run only on a fresh data directory, so
# lbstack starts a stack that has some from the image itself, and an image that has its own is never warmed.
set -euo pipefail

mode="$1" kind="$2" count="$3"
shift 3
entrypoint=("${@:1:$count}")
shift "$count"
warm=/var/lib/lbstack-warm
# The exit code of a build step that finds the image's own init scripts (DatabaseImages reads it).
HAS_SCRIPTS=3

log() { echo "[lbstack-warm] $*"; }
die() { echo "[lbstack-warm] error: $*" >&2; exit 1; }

random_secret() { head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
# A string literal; MySQL also reads backslashes as escapes.
mysql_literal() { printf "'%s'" "$(printf '%s' "$1" | sed "s/\\\\/\\\\\\\\/g; s/'/''/g")"; }
mysql_name() { printf '`%s`' "$(printf '%s' "$1" | sed 's/`/``/g')"; }
pg_literal() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"; }
pg_name() { printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"; }

as_user() {
  local user="$1"; shift
  if [[ "$(id -u)" != 0 ]]; then "$@"
  elif command -v gosu >/dev/null; then gosu "$user" "$@"
  elif command -v su-exec >/dev/null; then su-exec "$user" "$@"
  else setpriv --reuid="$user" --regid="$user" --init-groups "$@"
  fi
}

# Whether the command runs the server (the official images pass options alone to it).
runs_server() {
  case "${1:-}" in
    -*|mysqld|mariadbd|postgres) return 0 ;;
    *) return 1 ;;
  esac
}

# Whether the server on this port serves: a MySQL server greets each client first; PostgreSQL waits for the client
# to speak, and listens only once its own initialisation is done, so an open port is its sign.
answers() {
  case "$kind" in
    mysql) (exec 3<>"/dev/tcp/127.0.0.1/$1" && [[ "$(timeout 2 head -c 1 <&3 | wc -c)" -ge 1 ]]) 2>/dev/null ;;
    *) (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null ;;
  esac
}

init() {
  # An image with scripts of its own runs them on each fresh data directory; a warm one would skip them.
  if compgen -G "/docker-entrypoint-initdb.d/*" >/dev/null; then
    echo "[lbstack-warm] the image has scripts in /docker-entrypoint-initdb.d: it starts cold" >&2
    exit "$HAS_SCRIPTS"
  fi
  mkdir -p "$warm"
  local port
  case "$kind" in
    mysql)
      unset MYSQL_DATABASE MYSQL_USER MYSQL_PASSWORD MYSQL_ALLOW_EMPTY_PASSWORD MYSQL_RANDOM_ROOT_PASSWORD
      # Replaced at every start; never handed out.
      MYSQL_ROOT_PASSWORD="$(random_secret)"
      export MYSQL_ROOT_PASSWORD
      set -- "$@" "--datadir=$warm"
      port=3306 ;;
    postgres)
      unset POSTGRES_USER POSTGRES_DB POSTGRES_HOST_AUTH_METHOD
      POSTGRES_PASSWORD="$(random_secret)"
      PGDATA="$warm"
      export POSTGRES_PASSWORD PGDATA
      port=5432 ;;
    *) die "unknown kind $kind" ;;
  esac
  log "initialising a data directory in $warm"
  "${entrypoint[@]}" "$@" &
  local pid=$!
  # The image's own initialisation runs a private server with networking off; the server answers only once it is
  # done. A MySQL server's port takes connections while it still runs its --init-file, and one stopped then can hang
  # (MariaDB 10.11 did, ignoring SIGTERM); its greeting comes only once it serves, so that is what is awaited.
  until answers "$port"; do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" || true; die "the server stopped before its port answered"; }
    sleep 0.2
  done
  kill -TERM "$pid"
  # A server that takes no notice must not hold the build for ever: it is killed, and the stack starts cold.
  (sleep 120; kill -KILL "$pid" 2>/dev/null) &
  local watchdog=$!
  wait "$pid" || true
  kill "$watchdog" 2>/dev/null || die "the server did not stop within 120 s of SIGTERM"
  case "$kind" in
    mysql) [[ -d "$warm/mysql" ]] || die "no system tables in $warm" ;;
    postgres) [[ -s "$warm/PG_VERSION" ]] || die "no cluster in $warm" ;;
  esac
  log "data directory ready"
}

start_mysql() {
  local datadir=/var/lib/mysql arg
  for arg in "$@"; do
    case "$arg" in --datadir=*) datadir="${arg#--datadir=}" ;; esac
  done
  if [[ -d "$datadir/mysql" ]]; then
    return
  fi
  if [[ -z "${MYSQL_ROOT_PASSWORD:-}" && -z "${MYSQL_ALLOW_EMPTY_PASSWORD:-}" ]]; then
    die "database is uninitialized and password option is not specified
    You need to specify one of MYSQL_ROOT_PASSWORD and MYSQL_ALLOW_EMPTY_PASSWORD"
  fi
  mkdir -p "$datadir"
  cp -a "$warm/." "$datadir/"
  local root; root="$(mysql_literal "${MYSQL_ROOT_PASSWORD:-}")"
  # The server runs this file as it starts, before it takes a connection: one statement per line.
  {
    echo "ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED BY $root;"
    echo "ALTER USER IF EXISTS 'root'@'%' IDENTIFIED BY $root;"
    if [[ -n "${MYSQL_DATABASE:-}" ]]; then
      echo "CREATE DATABASE IF NOT EXISTS $(mysql_name "$MYSQL_DATABASE");"
    fi
    if [[ -n "${MYSQL_USER:-}" && -n "${MYSQL_PASSWORD:-}" ]]; then
      local user; user="$(mysql_literal "$MYSQL_USER")"
      echo "CREATE USER IF NOT EXISTS $user@'%' IDENTIFIED BY $(mysql_literal "$MYSQL_PASSWORD");"
      if [[ -n "${MYSQL_DATABASE:-}" ]]; then
        echo "GRANT ALL ON $(mysql_name "$MYSQL_DATABASE").* TO $user@'%';"
      fi
    fi
  } > /run/lbstack-warm.sql
  chmod 600 /run/lbstack-warm.sql
  chown mysql /run/lbstack-warm.sql 2>/dev/null || true
  args=("$@" --init-file=/run/lbstack-warm.sql)
  log "data directory copied from the warm image; the stack's database and users are made as the server starts"
}

start_postgres() {
  local data="${PGDATA:?PGDATA is not set}"
  if [[ -s "$data/PG_VERSION" ]]; then
    return
  fi
  if [[ -z "${POSTGRES_PASSWORD:-}" ]]; then
    die "Database is uninitialized and superuser password is not specified.
    You must specify POSTGRES_PASSWORD to a non-empty value for the superuser."
  fi
  mkdir -p "$data"
  cp -a "$warm/." "$data/"
  if [[ "$(id -u)" == 0 ]]; then
    chown -R postgres:postgres "$data"
  fi
  chmod 700 "$data"
  local user="${POSTGRES_USER:-postgres}" sql
  local db="${POSTGRES_DB:-$user}"
  if [[ "$user" == postgres ]]; then
    sql="ALTER ROLE postgres PASSWORD $(pg_literal "$POSTGRES_PASSWORD");"
  else
    sql="CREATE ROLE $(pg_name "$user") SUPERUSER LOGIN PASSWORD $(pg_literal "$POSTGRES_PASSWORD");"
  fi
  if [[ "$db" != postgres ]]; then
    sql+=$'\n'"CREATE DATABASE $(pg_name "$db") OWNER $(pg_name "$user");"
  fi
  # Single-user mode: no server, no port, one statement per line; it reports errors on its output and goes on.
  local out
  out="$(as_user postgres postgres --single -D "$data" postgres <<<"$sql" 2>&1)" || die "single-user mode failed: $out"
  if grep -q 'ERROR' <<<"$out"; then
    die "could not make the stack's database and user: $out"
  fi
  log "data directory copied from the warm image; the stack's database and user made"
}

case "$mode" in
  init) init "$@" ;;
  start)
    args=("$@")
    if runs_server "${1:-}"; then
      case "$kind" in
        mysql) start_mysql "$@" ;;
        postgres) start_postgres ;;
      esac
    fi
    exec "${entrypoint[@]}" "${args[@]}" ;;
  *) die "unknown mode $mode" ;;
esac
