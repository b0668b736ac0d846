"""Calendar identity of a meeting and the invitee's reply link. Existing rows get their own
uid and token before the columns become unique."""

import secrets
import uuid

import django.db.models.deletion
from django.db import migrations, models

import plannen.models.overleg


def vul_in(apps, schema_editor):
    Overleg = apps.get_model("plannen", "Overleg")
    Genodigde = apps.get_model("plannen", "Genodigde")
    for overleg in Overleg.objects.all():
        overleg.uid = uuid.uuid4()
        overleg.save(update_fields=["uid"])
    for genodigde in Genodigde.objects.all():
        genodigde.token = secrets.token_urlsafe(32)
        genodigde.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [
        ("plannen", "0007_uitnodigingen"),
        ("regie", "0004_bericht_agenda_sleutel"),
    ]

    operations = [
        migrations.AddField(
            model_name="overleg",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="genodigde",
            name="token",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(vul_in, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="overleg",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="genodigde",
            name="token",
            field=models.CharField(
                default=plannen.models.overleg.nieuw_token,
                editable=False,
                max_length=64,
                unique=True,
            ),
        ),
        migrations.AddField(
            model_name="overleg",
            name="volgnummer",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="overleg",
            name="uitgenodigd_op",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="uitnodigingen verstuurd op"
            ),
        ),
        migrations.AddField(
            model_name="overleg",
            name="herinnerd_op",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="herinnering verstuurd op"
            ),
        ),
        migrations.AddField(
            model_name="genodigde",
            name="antwoord",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "Geen antwoord"),
                    ("geaccepteerd", "Geaccepteerd"),
                    ("afgemeld", "Afgemeld"),
                ],
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="genodigde",
            name="beantwoord_op",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="genodigde",
            name="bericht",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="regie.bericht",
            ),
        ),
    ]
