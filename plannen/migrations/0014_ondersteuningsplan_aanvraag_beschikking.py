"""The plan's "aanvraag/beschikking" switch (seed 002 DEEL H, Ondersteuningsplan, "Indien het
een aanvraag of beschikking betreft", issue #12): existing plans are no aanvraag, so they stop
printing "woonplaatsbeginsel niet gecontroleerd" for everyone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("plannen", "0013_overleg_keuze_vullen"),
    ]

    operations = [
        migrations.AddField(
            model_name="ondersteuningsplan",
            name="aanvraag_beschikking",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Dan staat in het plan per gezinslid of het woonplaatsbeginsel en de "
                    "legitimatie zijn gecontroleerd."
                ),
                verbose_name="dit plan dient als aanvraag voor een beschikking",
            ),
        ),
    ]
