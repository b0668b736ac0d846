#!/bin/sh
# The two database roles of Regie (issue #11), for the postgres container of
# docker-compose.yml: it runs this once, from /docker-entrypoint-initdb.d, when it
# initialises an empty volume, as the cluster's superuser (POSTGRES_USER).
#   regie      owns the database and every table; runs `migrate` and `db_rechten`.
#              Not superuser: it cannot switch triggers off with session_replication_role.
#   regie_app  the application (web, worker, beat): owns nothing; `manage.py db_rechten`
#              grants it its privileges, on the audit log only INSERT and SELECT.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="${REGIE_DB_OWNER_PASSWORD:?}" -v app_password="${REGIE_DB_APP_PASSWORD:?}" <<'SQL'
CREATE ROLE regie LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE regie_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE regie OWNER regie;
REVOKE ALL ON DATABASE regie FROM PUBLIC;
SQL
