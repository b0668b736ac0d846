"""Grant the application's database role what it needs, and not more (issue #11).

    manage.py migrate && manage.py db_rechten --rol regie_app

Run as the owner role (the one that runs `migrate` and owns every table), after each
`migrate`. Idempotent. The application's role then holds:

- CONNECT on the database and USAGE on the schema (no CREATE);
- SELECT, INSERT, UPDATE, DELETE on every table, now and (through ALTER DEFAULT PRIVILEGES
  for tables the owner creates later) in future migrations; USAGE and SELECT on sequences;
- on the audit log `regie_auditentry` only INSERT and SELECT: no UPDATE, DELETE, TRUNCATE,
  TRIGGER or REFERENCES. Owning nothing, it cannot disable or drop the append-only trigger,
  and not being superuser it cannot set `session_replication_role`.

The role is `--rol`, or else the user in the environment variable DATABASE_APP_URL.
PostgreSQL only.
"""

import environ
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from psycopg import sql

AUDIT_TABLE = "regie_auditentry"
APP_TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
AUDIT_FORBIDDEN = "UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES"


def grant_statements(*, role: str, database: str, schema: str) -> list[sql.Composed]:
    ident = {"role": sql.Identifier(role), "db": sql.Identifier(database)}
    ident["schema"] = sql.Identifier(schema)
    ident["audit"] = sql.Identifier(schema, AUDIT_TABLE)
    statements = [
        "GRANT CONNECT ON DATABASE {db} TO {role}",
        "GRANT USAGE ON SCHEMA {schema} TO {role}",
        "REVOKE CREATE ON SCHEMA {schema} FROM {role}",
        "REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC",
        # Start from nothing on every table, so a privilege granted by hand does not linger.
        "REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
        f"GRANT {APP_TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA {{schema}} TO {{role}}",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {{schema}} GRANT {APP_TABLE_PRIVILEGES} "
        "ON TABLES TO {role}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {role}",
        f"REVOKE {AUDIT_FORBIDDEN} ON {{audit}} FROM {{role}}",
        # Nobody else gets anything on the audit log through PUBLIC either.
        "REVOKE ALL ON {audit} FROM PUBLIC",
    ]
    return [sql.SQL(s).format(**ident) for s in statements]


class Command(BaseCommand):
    help = (
        "Geeft de databaserol van de applicatie precies de rechten die ze nodig heeft: "
        "lezen en schrijven in alle tabellen, in het auditlog alleen toevoegen en lezen. "
        "Draai dit als eigenaar van de database, na elke migrate."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rol",
            help="databaserol van de applicatie (standaard: de gebruiker in DATABASE_APP_URL)",
        )

    def handle(self, *args, rol=None, **options):
        if connection.vendor != "postgresql":
            raise CommandError("db_rechten werkt alleen met PostgreSQL.")
        if not rol:
            url = environ.Env().str("DATABASE_APP_URL", default="")
            rol = environ.Env.db_url_config(url).get("USER") if url else None
        if not rol:
            raise CommandError("Geef de rol met --rol of zet DATABASE_APP_URL.")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = %s",
                [rol],
            )
            found = cursor.fetchone()
            if found is None:
                raise CommandError(f"De databaserol {rol} bestaat niet.")
            if any(found):
                raise CommandError(
                    f"De databaserol {rol} is superuser of mag rollen of databases maken; "
                    "de applicatie hoort een gewone rol te hebben."
                )
            cursor.execute("SELECT current_database(), current_schema(), current_user")
            database, schema, owner = cursor.fetchone()
        if rol == owner:
            raise CommandError(f"{rol} is de eigenaar zelf; geef de rol van de applicatie.")
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in grant_statements(role=rol, database=database, schema=schema):
                cursor.execute(statement)
        self.stdout.write(
            self.style.SUCCESS(
                f"Rechten van {rol} gezet in {database}.{schema}; "
                f"in {AUDIT_TABLE} alleen INSERT en SELECT."
            )
        )
