#!/bin/bash
# Runs after schema.sql (the order the definition gives), as the official postgres image runs shell scripts: with
# the server up on its socket, the superuser and the database in the environment.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --no-psqlrc \
  -c "INSERT INTO colours VALUES (3, 'blue');"
