"""The application's database role cannot erase the audit log (issue #11).

The suite migrates as the owner role (DATABASE_URL); scripts/services.sh also creates the
application's role and exports it as DATABASE_APP_URL. Here `manage.py db_rechten` grants
that role its privileges on the test database, and a connection as that role shows every
way around the append-only trigger refused, while the application's own work is allowed.
"""

import io
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from regie.constants import AuditActie, AuditUitkomst
from regie.models import AuditEntry

TRIGGER = "regie_auditentry_no_update_delete"


def _app_conninfo() -> str:
    url = os.environ.get("DATABASE_APP_URL")
    if not url:
        pytest.fail(
            "DATABASE_APP_URL ontbreekt: de databaserol van de applicatie komt uit "
            "scripts/services.sh; start de tests met scripts/test.sh."
        )
    # The same role, on the test database pytest-django created.
    return make_conninfo(url, dbname=connection.settings_dict["NAME"])


@pytest.fixture
def app_conninfo(transactional_db):
    # The grants must be committed for another connection to see them: transactional_db.
    call_command("db_rechten", stdout=io.StringIO())
    return _app_conninfo()


@pytest.fixture
def as_app(app_conninfo):
    with psycopg.connect(app_conninfo, autocommit=True) as conn:
        yield conn


def _trigger_enabled() -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgenabled FROM pg_trigger WHERE tgname = %s AND tgrelid = %s::regclass",
            [TRIGGER, "regie_auditentry"],
        )
        return cursor.fetchone()[0]


def test_the_app_role_is_a_plain_role_that_owns_nothing(as_app):
    with as_app.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user"
        )
        assert cursor.fetchone() == (False, False, False)
        cursor.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user"
        )
        assert cursor.fetchone() == (0,)
    assert conninfo_to_dict(as_app.info.dsn)["user"] != connection.settings_dict["USER"]


@pytest.mark.parametrize(
    "statement",
    [
        "TRUNCATE regie_auditentry",
        "ALTER TABLE regie_auditentry DISABLE TRIGGER ALL",
        f"ALTER TABLE regie_auditentry DISABLE TRIGGER {TRIGGER}",
        f"DROP TRIGGER {TRIGGER} ON regie_auditentry",
        "DROP FUNCTION regie_auditentry_append_only() CASCADE",
        "SET session_replication_role = replica",
        "UPDATE regie_auditentry SET detail = 'vervalst'",
        "DELETE FROM regie_auditentry",
        "DROP TABLE regie_auditentry",
        "CREATE TABLE regie_schaduw (id int)",
    ],
)
def test_the_app_role_cannot_get_around_the_append_only_log(as_app, statement):
    entry = AuditEntry.objects.create(action=AuditActie.READ, outcome=AuditUitkomst.ALLOWED)
    with pytest.raises(errors.InsufficientPrivilege), as_app.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEntry.objects.filter(pk=entry.pk, detail="").exists()
    assert _trigger_enabled() == "O"


def test_the_app_role_may_insert_and_read_the_log_and_write_app_tables(as_app):
    with as_app.transaction(), as_app.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(1)")
        cursor.execute(
            "INSERT INTO regie_auditentry (timestamp, user_email, role, organisation_name, "
            "action, object_type, object_id, outcome, path, detail, chain_seq, chain_hash) "
            "VALUES (now(), '', '', '', 'read', '', '', 'allowed', '', 'als app', 1, '') RETURNING id"
        )
        (entry_id,) = cursor.fetchone()
        cursor.execute("SELECT detail FROM regie_auditentry WHERE id = %s", [entry_id])
        assert cursor.fetchone() == ("als app",)
        cursor.execute("INSERT INTO regie_regio (naam) VALUES ('Hollands Midden') RETURNING id")
        (regio_id,) = cursor.fetchone()
        cursor.execute("UPDATE regie_regio SET naam = 'Midden-Holland' WHERE id = %s", [regio_id])
        cursor.execute("DELETE FROM regie_regio WHERE id = %s", [regio_id])
        assert cursor.rowcount == 1


def test_the_application_runs_as_the_app_role(app_conninfo):
    """The real write path (model, advisory lock, head of the chain) under the app role."""
    params = conninfo_to_dict(app_conninfo)
    url = "postgres://{user}@{host}:{port}/{dbname}".format(**params)
    script = (
        "from regie.models import AuditEntry, Regio\n"
        "r = Regio.objects.create(naam='Zuid')\n"
        "Regio.objects.filter(pk=r.pk).update(naam='Noord')\n"
        "r.delete()\n"
        "for _ in range(2):\n"
        "    AuditEntry.objects.create(action='read', outcome='allowed', detail='als app')\n"
    )
    env = os.environ | {"DATABASE_URL": url}
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=root, env=env, check=True
    )
    assert list(AuditEntry.objects.order_by("id").values_list("chain_seq", "detail")) == [
        (1, "als app"),
        (2, "als app"),
    ]
    call_command("audit_verify", stdout=io.StringIO())


def test_future_tables_are_granted_through_default_privileges(app_conninfo):
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE regie_later (id int)")
    try:
        with psycopg.connect(app_conninfo, autocommit=True) as conn:
            conn.execute("INSERT INTO regie_later VALUES (1)")
            conn.execute("DELETE FROM regie_later")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE regie_later")


def test_db_rechten_is_idempotent_and_refuses_the_owner(app_conninfo):
    call_command("db_rechten", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("db_rechten", rol=connection.settings_dict["USER"])
