from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("regie", "0003_bericht_bijlage")]

    operations = [
        migrations.AddField(
            model_name="bericht", name="agenda", field=models.TextField(blank=True)
        ),
        migrations.AddField(
            model_name="bericht",
            name="sleutel",
            field=models.CharField(blank=True, max_length=200, null=True, unique=True),
        ),
    ]
