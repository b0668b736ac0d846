"""The evaluation with the household and the monitoring surveys (seed 002 DEEL I, "Formats:
Evaluatie" and "Monitoring voorbeeldvragen"; issue #14): the models, then the questionnaires
from implementatie/data/evaluatie.json (the file stays the one source; `load` is also used by
tests that flush the database)."""

import json
import uuid
from pathlib import Path

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluatie.json"


def load(apps, schema_editor):
    """One Vragenlijst per questionnaire; the evaluation's statements once per group."""
    Vragenlijst = apps.get_model("implementatie", "Vragenlijst")
    Vraag = apps.get_model("implementatie", "Vraag")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    schaal = [{"waarde": p["waarde"], "label": p["label"]} for p in data["schaal"]["punten"]]
    for lijst in data["vragenlijsten"]:
        vl = Vragenlijst.objects.create(
            sleutel=lijst["sleutel"],
            soort=lijst["soort"],
            titel=lijst["titel"],
            inleiding=lijst["inleiding"],
            schaal=schaal if lijst["soort"] == "evaluatie" else [],
            bron=lijst["bron"],
        )
        for groep in lijst.get("groepen", []):
            Vraag.objects.bulk_create(
                Vraag(
                    vragenlijst=vl,
                    groep=groep["sleutel"],
                    sleutel=f"stelling-{i}",
                    volgorde=i,
                    tekst=tekst,
                    soort="schaal",
                )
                for i, tekst in enumerate(groep["stellingen"], start=1)
            )
        Vraag.objects.bulk_create(
            Vraag(
                vragenlijst=vl,
                sleutel=v["sleutel"],
                volgorde=i,
                tekst=v["tekst"],
                soort=v["soort"],
                niveau=v.get("niveau", 1),
            )
            for i, v in enumerate(lijst.get("vragen", []), start=1)
        )


def unload(apps, schema_editor):
    apps.get_model("implementatie", "Vragenlijst").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("implementatie", "0002_checklists"),
        ("huishoudens", "0007_merge_20261128_2200"),
        ("regie", "0007_rol_regiocoordinator"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Vragenlijst",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sleutel", models.SlugField(unique=True)),
                (
                    "soort",
                    models.CharField(
                        choices=[
                            ("evaluatie", "Evaluatie met het huishouden"),
                            ("monitoring", "Monitoring (enquête)"),
                        ],
                        max_length=12,
                    ),
                ),
                ("titel", models.CharField(max_length=200, verbose_name="titel")),
                ("inleiding", models.TextField(blank=True)),
                ("schaal", models.JSONField(blank=True, default=list)),
                ("bron", models.CharField(max_length=200)),
            ],
            options={
                "verbose_name": "vragenlijst",
                "verbose_name_plural": "vragenlijsten",
                "ordering": ["soort", "id"],
            },
        ),
        migrations.CreateModel(
            name="Enquete",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("titel", models.CharField(max_length=200, verbose_name="titel")),
                ("niveau", models.CharField(max_length=12)),
                ("aangemaakt_op", models.DateField(auto_now_add=True)),
                ("links_verstuurd", models.PositiveIntegerField(default=0)),
                (
                    "aangemaakt_door",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisatie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="regie.organisatie",
                    ),
                ),
                (
                    "vragenlijst",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="implementatie.vragenlijst",
                    ),
                ),
            ],
            options={
                "verbose_name": "enquête",
                "verbose_name_plural": "enquêtes",
                "ordering": ["-aangemaakt_op", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Evaluatie",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("geopend_op", models.DateField(auto_now_add=True)),
                ("links_verstuurd", models.PositiveIntegerField(default=0)),
                ("papier_ingevoerd", models.PositiveIntegerField(default=0)),
                (
                    "geopend_door",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisatie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="regie.organisatie",
                    ),
                ),
                (
                    "traject",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="evaluatie",
                        to="huishoudens.traject",
                    ),
                ),
            ],
            options={
                "verbose_name": "evaluatie",
                "verbose_name_plural": "evaluaties",
            },
        ),
        migrations.CreateModel(
            name="Inzending",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("periode", models.DateField()),
                (
                    "groep",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("klant", "Klant"),
                            ("familie", "Familie en vrienden"),
                            ("professional", "Professional"),
                        ],
                        max_length=12,
                    ),
                ),
                (
                    "enquete",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="inzendingen",
                        to="implementatie.enquete",
                    ),
                ),
                (
                    "organisatie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="regie.organisatie",
                    ),
                ),
                (
                    "vragenlijst",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="implementatie.vragenlijst",
                    ),
                ),
            ],
            options={
                "verbose_name": "ingevulde vragenlijst",
                "verbose_name_plural": "ingevulde vragenlijsten",
            },
        ),
        migrations.CreateModel(
            name="Vraag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "groep",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("klant", "Klant"),
                            ("familie", "Familie en vrienden"),
                            ("professional", "Professional"),
                        ],
                        max_length=12,
                    ),
                ),
                ("sleutel", models.SlugField(max_length=60)),
                ("volgorde", models.PositiveSmallIntegerField()),
                ("tekst", models.TextField()),
                (
                    "soort",
                    models.CharField(
                        choices=[
                            ("schaal", "Stelling (vijfpuntsschaal)"),
                            ("ja_nee", "Ja of nee"),
                            ("positief_negatief", "Positief of negatief, met toelichting"),
                            ("percentage", "Percentage"),
                            ("open", "Open vraag"),
                            ("kop", "Tussenkop"),
                        ],
                        max_length=20,
                    ),
                ),
                ("niveau", models.PositiveSmallIntegerField(default=1)),
                (
                    "vragenlijst",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="vragen",
                        to="implementatie.vragenlijst",
                    ),
                ),
            ],
            options={
                "verbose_name": "vraag",
                "verbose_name_plural": "vragen",
                "ordering": ["vragenlijst", "groep", "volgorde"],
            },
        ),
        migrations.CreateModel(
            name="Link",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token_hash", models.CharField(max_length=64, unique=True)),
                (
                    "groep",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("klant", "Klant"),
                            ("familie", "Familie en vrienden"),
                            ("professional", "Professional"),
                        ],
                        max_length=12,
                    ),
                ),
                ("jij", models.BooleanField(default=False)),
                ("verloopt_op", models.DateField()),
                ("gebruikt", models.BooleanField(default=False)),
                (
                    "enquete",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="links",
                        to="implementatie.enquete",
                    ),
                ),
                (
                    "organisatie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="regie.organisatie",
                    ),
                ),
                (
                    "vragenlijst",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="implementatie.vragenlijst",
                    ),
                ),
            ],
            options={
                "verbose_name": "persoonlijke link",
                "verbose_name_plural": "persoonlijke links",
            },
        ),
        migrations.CreateModel(
            name="Antwoord",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("waarde", models.SmallIntegerField(blank=True, null=True)),
                ("tekst", models.TextField(blank=True)),
                (
                    "inzending",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="antwoorden",
                        to="implementatie.inzending",
                    ),
                ),
                (
                    "vraag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="implementatie.vraag",
                    ),
                ),
            ],
            options={
                "verbose_name": "antwoord",
                "verbose_name_plural": "antwoorden",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("inzending", "vraag"), name="antwoord_once_per_vraag"
                    )
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="vraag",
            constraint=models.UniqueConstraint(
                fields=("vragenlijst", "groep", "sleutel"), name="vraag_once_per_groep"
            ),
        ),
        migrations.AddIndex(
            model_name="inzending",
            index=models.Index(
                fields=["vragenlijst", "periode"], name="implementat_vragenl_c9588d_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="inzending",
            constraint=models.CheckConstraint(
                condition=models.Q(("periode__day", 1)), name="inzending_periode_is_a_month"
            ),
        ),
        migrations.RunPython(load, unload),
    ]
