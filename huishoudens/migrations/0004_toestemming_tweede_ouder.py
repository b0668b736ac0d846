"""The second parent with gezag records consent on a line of their own (issue #12, 002 ch. 7).

Existing records are not reassigned: which of two names on the one old line is the second
parent cannot be told safely, so such a child shows the second parent as "nog niet gevraagd"
until it is recorded again (consent stays incomplete rather than wrongly complete)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("huishoudens", "0003_aanspreekvorm"),
    ]

    operations = [
        migrations.AlterField(
            model_name="toestemming",
            name="toestemmer",
            field=models.CharField(
                choices=[
                    ("betrokkene", "De persoon zelf"),
                    ("gezaghebbende", "Ouder met gezag / wettelijk vertegenwoordiger"),
                    ("gezaghebbende_2", "Tweede ouder met gezag"),
                    ("curator", "Curator"),
                    ("bewindvoerder", "Bewindvoerder (voor financiële zaken)"),
                ],
                max_length=20,
                verbose_name="gegeven door (hoedanigheid)",
            ),
        ),
    ]
