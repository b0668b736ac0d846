"""The standard goal of the Veiligheidsplan gets a marker (issue #13): the page found it by
matching a piece of its text. Existing goals are marked once, here, by that same match (so
the page shows what it showed before), among the plans that have a Veiligheidsplan."""

from django.db import migrations, models

# The piece of text the page matched before the marker, frozen.
STANDAARDDOEL = "veiligheidsafspraken van dit veiligheidsplan"


def mark_standard_goals(apps, schema_editor):
    Doel = apps.get_model("plannen", "Doel")
    Doel.objects.filter(plan__veiligheidsplan__isnull=False, tekst__contains=STANDAARDDOEL).update(
        standaarddoel=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("plannen", "0009_voorbereiding"),
    ]

    operations = [
        migrations.AddField(
            model_name="doel",
            name="standaarddoel",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="standaarddoel van het Veiligheidsplan"
            ),
        ),
        migrations.RunPython(mark_standard_goals, migrations.RunPython.noop),
    ]
