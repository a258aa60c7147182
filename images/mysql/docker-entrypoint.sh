#!/bin/bash
# Initialises an empty datadir the way the official mysql image does, then runs the server in the foreground.
set -euo pipefail

log() { echo "[entrypoint] $*"; }
die() { echo "[entrypoint] error: $*" >&2; exit 1; }

datadir=/var/lib/mysql
socket=/run/mysqld/mysqld.sock

sql_escape() { printf '%s' "$1" | sed "s/'/''/g; s/\\\\/\\\\\\\\/g"; }

init_datadir() {
  if [[ -z "${MYSQL_ROOT_PASSWORD:-}" && -z "${MYSQL_ALLOW_EMPTY_PASSWORD:-}" && -z "${MYSQL_RANDOM_ROOT_PASSWORD:-}" ]]; then
    die "database is uninitialized and password option is not specified
    You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and MYSQL_RANDOM_ROOT_PASSWORD"
  fi
  if [[ -n "${MYSQL_USER:-}" && "${MYSQL_USER}" == root ]]; then
    die "MYSQL_USER=\"root\", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user"
  fi
  log "initialising database files"
  mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db --auth-root-authentication-method=normal \
    --skip-name-resolve >/dev/null

  # A private server, no network, so nobody connects before the users exist.
  mariadbd --user=mysql --datadir="$datadir" --skip-networking --socket="$socket" --skip-log-error &
  local pid=$!
  for _ in $(seq 1 300); do
    mariadb-admin --socket="$socket" ping >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || die "temporary server failed to start"
    sleep 0.1
  done

  local root_password="${MYSQL_ROOT_PASSWORD:-}"
  if [[ -n "${MYSQL_RANDOM_ROOT_PASSWORD:-}" ]]; then
    root_password="$(head -c 18 /dev/urandom | base64)"
    log "GENERATED ROOT PASSWORD: $root_password"
  fi
  local rp; rp="$(sql_escape "$root_password")"
  {
    echo "DELETE FROM mysql.user WHERE user='';"
    echo "CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '$rp';"
    echo "GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '$rp';"
    if [[ -n "${MYSQL_DATABASE:-}" ]]; then
      echo "CREATE DATABASE IF NOT EXISTS \`${MYSQL_DATABASE}\`;"
    fi
    if [[ -n "${MYSQL_USER:-}" && -n "${MYSQL_PASSWORD:-}" ]]; then
      echo "CREATE USER '$(sql_escape "$MYSQL_USER")'@'%' IDENTIFIED BY '$(sql_escape "$MYSQL_PASSWORD")';"
      if [[ -n "${MYSQL_DATABASE:-}" ]]; then
        echo "GRANT ALL ON \`${MYSQL_DATABASE}\`.* TO '$(sql_escape "$MYSQL_USER")'@'%';"
      fi
    fi
    echo "FLUSH PRIVILEGES;"
  } | mariadb --protocol=socket --socket="$socket" -uroot

  local client=(mariadb --protocol=socket --socket="$socket" -uroot "-p$root_password")
  [[ -n "${MYSQL_DATABASE:-}" ]] && client+=("$MYSQL_DATABASE")
  for f in /docker-entrypoint-initdb.d/*; do
    [[ -e "$f" ]] || continue
    case "$f" in
      *.sh)     log "running $f"; if [[ -x "$f" ]]; then "$f"; else . "$f"; fi ;;
      *.sql)    log "running $f"; "${client[@]}" < "$f" ;;
      *.sql.gz) log "running $f"; gunzip -c "$f" | "${client[@]}" ;;
      *.sql.xz) log "running $f"; xzcat "$f" | "${client[@]}" ;;
      *)        log "ignoring $f" ;;
    esac
  done

  mariadb-admin --socket="$socket" -uroot "-p$root_password" shutdown
  wait "$pid" || true
  log "initialisation done"
}

# As in the official image: options alone go to the server (docker run mysql --innodb-doublewrite=OFF).
if [[ "${1:-}" == -* ]]; then
  set -- mariadbd "$@"
fi
if [[ "${1:-}" == mariadbd || "${1:-}" == mysqld ]]; then
  shift
  [[ -d "$datadir/mysql" ]] || init_datadir
  exec mariadbd --user=mysql --datadir="$datadir" --bind-address=0.0.0.0 --port=3306 --skip-name-resolve \
    --socket="$socket" "$@"
fi
exec "$@"
