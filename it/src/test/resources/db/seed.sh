#!/bin/bash
# Runs after schema.sql (the order the definition gives), as the official image runs shell scripts: with the
# server up on its socket, root's password and the database in the environment.
set -euo pipefail
mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" "$MYSQL_DATABASE" \
  -e "INSERT INTO colours VALUES (3, 'blue');"
