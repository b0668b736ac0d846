"""Chain the audit log: every row gets its position and an HMAC over the previous row's hash
and its own content (issue #11; see regie/models/audit.py).

Rows that already exist are chained here in id order. The append-only trigger of migration
0002 refuses that UPDATE, so this migration, run by the table's owner, disables the trigger
by name for the few statements that fill the two new columns and enables it again. It all
happens in the migration's one transaction: ALTER TABLE holds an ACCESS EXCLUSIVE lock on
the table until commit, so no other session ever sees the table without its trigger, and
if anything fails the trigger was never off. The application's role cannot do this: it
does not own the table.

The key is settings.AUDIT_KEY, so run this migration with the application's settings.
"""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from regie.models.audit import CHAINED_FIELDS, chain_digest

TRIGGER = "regie_auditentry_no_update_delete"


def chain_existing_rows(apps, schema_editor):
    AuditEntry = apps.get_model("regie", "AuditEntry")
    db = schema_editor.connection.alias
    rows = list(AuditEntry.objects.using(db).order_by("id"))
    if not rows:
        return
    previous = ""
    for seq, row in enumerate(rows, start=1):
        row.chain_seq = seq
        values = {name: getattr(row, name) for name in CHAINED_FIELDS}
        row.chain_hash = previous = chain_digest(
            key=settings.AUDIT_KEY, previous=previous, values=values
        )
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        schema_editor.execute(f"ALTER TABLE regie_auditentry DISABLE TRIGGER {TRIGGER}")
    AuditEntry.objects.using(db).bulk_update(rows, ["chain_seq", "chain_hash"], batch_size=1000)
    if postgresql:
        schema_editor.execute(f"ALTER TABLE regie_auditentry ENABLE TRIGGER {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("regie", "0004_bericht_agenda_sleutel")]

    operations = [
        # Set in Python before hashing (auto_now_add would overwrite it at insert).
        migrations.AlterField(
            model_name="auditentry",
            name="timestamp",
            field=models.DateTimeField(
                db_index=True,
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="tijdstip (UTC)",
            ),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="chain_seq",
            field=models.PositiveBigIntegerField(
                editable=False, null=True, verbose_name="positie in de keten"
            ),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="chain_hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="ketenhash"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditentry",
            name="chain_seq",
            field=models.PositiveBigIntegerField(
                editable=False, unique=True, verbose_name="positie in de keten"
            ),
        ),
    ]
