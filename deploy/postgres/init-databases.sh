#!/bin/sh
# Runs once, when the PostgreSQL container makes its cluster (/docker-entrypoint-initdb.d): each service gets its own
# database and its own login, and no other login may connect to it (the same rules as the local launcher's
# DatabaseProvisioner). Passwords come from the environment; nothing here is a secret.
set -eu

for service in order inventory payment notification analytics loyalty console; do
    upper=$(echo "$service" | tr '[:lower:]' '[:upper:]')
    eval "password=\${${upper}_DB_PASSWORD:?set ${upper}_DB_PASSWORD}"
    name="${service}_service"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
         --set=name="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT CONNECT, CREATE, TEMPORARY ON DATABASE :"name" TO :"name";
SQL
done
