"""Make the audit log append-only in PostgreSQL itself (NEN 7513: the log cannot be altered).

The model refuses updates and deletes too; this trigger also stops raw SQL and other
clients. TRUNCATE stays possible for the database owner (test teardown, retention jobs).
SQLite (the development default) has no such trigger.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION regie_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'regie_auditentry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER regie_auditentry_no_update_delete
    BEFORE UPDATE OR DELETE ON regie_auditentry
    FOR EACH ROW EXECUTE FUNCTION regie_auditentry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS regie_auditentry_no_update_delete ON regie_auditentry;
DROP FUNCTION IF EXISTS regie_auditentry_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("regie", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
