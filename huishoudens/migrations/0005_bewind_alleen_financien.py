"""The bewindvoerder consents only for the finances under bewind (issue #12, 002 ch. 7):
the label says so. Records keep their value; no rows change."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("huishoudens", "0004_toestemming_tweede_ouder"),
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
                    ("bewindvoerder", "Bewindvoerder (alleen voor de financiën onder bewind)"),
                ],
                max_length=20,
                verbose_name="gegeven door (hoedanigheid)",
            ),
        ),
    ]
