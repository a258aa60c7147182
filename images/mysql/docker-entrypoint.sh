#!/bin/bash
# Initialises an empty datadir the way the official mysql image does, then runs the server in the foreground.
set -euo pipefail

log() { echo "[entrypoint] $*"; }
die() { echo "[entrypoint] error: $*" >&2; exit 1; }

datadir=/var/lib/mysql
socket=/run/mysqld/mysqld.sock
template=/usr/share/lbstack/mysql-template
init_file=/run/mysqld/lbstack-init.sql

sql_escape() { printf '%s' "$1" | sed "s/'/''/g; s/\\\\/\\\\\\\\/g"; }

check_options() {
  if [[ -z "${MYSQL_ROOT_PASSWORD:-}" && -z "${MYSQL_ALLOW_EMPTY_PASSWORD:-}" && -z "${MYSQL_RANDOM_ROOT_PASSWORD:-}" ]]; then
    die "database is uninitialized and password option is not specified
    You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and MYSQL_RANDOM_ROOT_PASSWORD"
  fi
  if [[ -n "${MYSQL_USER:-}" && "${MYSQL_USER}" == root ]]; then
    die "MYSQL_USER=\"root\", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user"
  fi
}

# The system tables: copied from the image's template (made by mariadb-install-db at build time), or made now.
install_system_tables() {
  log "initialising database files"
  if [[ -d "$template/mysql" ]]; then
    cp -a --sparse=always "$template/." "$datadir/"
  else
    mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db --auth-root-authentication-method=normal \
      --skip-name-resolve >/dev/null
  fi
}

# Root, the database and the user, as the official image makes them from its environment.
users_sql() {
  local rp; rp="$(sql_escape "$1")"
  # As in the official image: no anonymous user, and root only at localhost and '%' (mariadb-install-db also
  # makes root@127.0.0.1, ::1 and the build host, with no password, which would shadow '%' over TCP).
  echo "DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host NOT IN ('localhost', '%'));"
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
}

root_password() {
  if [[ -n "${MYSQL_RANDOM_ROOT_PASSWORD:-}" ]]; then
    local generated; generated="$(head -c 18 /dev/urandom | base64)"
    log "GENERATED ROOT PASSWORD: $generated" >&2
    printf '%s' "$generated"
  else
    printf '%s' "${MYSQL_ROOT_PASSWORD:-}"
  fi
}

has_init_scripts() { compgen -G "/docker-entrypoint-initdb.d/*" >/dev/null; }

# With init scripts, as the official image does it: a private server with networking off runs them, then stops,
# so the port stays closed until the database is complete.
init_datadir_with_scripts() {
  install_system_tables
  mariadbd --user=mysql --datadir="$datadir" --skip-networking --socket="$socket" --skip-log-error &
  local pid=$!
  for _ in $(seq 1 300); do
    mariadb-admin --socket="$socket" ping >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || die "temporary server failed to start"
    sleep 0.1
  done

  local root_password; root_password="$(root_password)"
  users_sql "$root_password" | mariadb --protocol=socket --socket="$socket" -uroot

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

# Without init scripts there is nothing a private server must run, so the real server takes the users from an
# init file, which it reads before it serves any connection: one start instead of two, the same result for a client.
init_datadir_without_scripts() {
  install_system_tables
  local root_password; root_password="$(root_password)"
  (umask 077; users_sql "$root_password" > "$init_file")
  chown mysql:mysql "$init_file"
  server_options+=("--init-file=$init_file")
  log "initialisation done (users applied by the server as it starts)"
}

# As in the official image: options alone go to the server (docker run mysql --innodb-doublewrite=OFF).
if [[ "${1:-}" == -* ]]; then
  set -- mariadbd "$@"
fi
if [[ "${1:-}" == mariadbd || "${1:-}" == mysqld ]]; then
  shift
  # As in the official image, a --datadir among the options is where the data lives.
  for arg in "$@"; do
    case "$arg" in --datadir=*) datadir="${arg#--datadir=}" ;; esac
  done
  mkdir -p "$datadir" && chown mysql:mysql "$datadir"
  server_options=()
  if [[ ! -d "$datadir/mysql" ]]; then
    check_options
    if has_init_scripts; then init_datadir_with_scripts; else init_datadir_without_scripts; fi
  else
    rm -f "$init_file"
  fi
  exec mariadbd --user=mysql --datadir="$datadir" --bind-address=0.0.0.0 --port=3306 --skip-name-resolve \
    --socket="$socket" "${server_options[@]}" "$@"
fi
exec "$@"
