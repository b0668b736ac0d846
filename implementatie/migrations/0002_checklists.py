"""Load the checklist templates as data (issue #14).

Source: implementatie/data/*.json, one file per seed source: 001 Implementatieplan (2025,
themes A-E per level, the default); 000 Deel D; 002 h. 10 Implementatieplan lokale aanpak
binnen gemeenten and Implementatieplan organisaties en uitvoerende afdelingen gemeenten;
002 h. 10 Taakprofiel agendahouder and aandachtsfunctionaris; 002 h. 11 Voorbeeldtekst
inkoopvoorwaarden (Voorwaarden); 003 h. 2-5. Every item keeps its source in `bron` and every
fix of the text in `correctie`. `manage.py checklists_bijwerken` applies later edits.
"""

from django.db import migrations

from implementatie import bronnen


def load(apps, schema_editor):
    bronnen.bijwerken(
        Sjabloon=apps.get_model("implementatie", "Sjabloon"),
        Thema=apps.get_model("implementatie", "Thema"),
        SjabloonItem=apps.get_model("implementatie", "SjabloonItem"),
        paden=bronnen.bestanden(),
        opslaan=True,
    )


def unload(apps, schema_editor):
    apps.get_model("implementatie", "Sjabloon").objects.filter(uit_bestand=True).delete()


class Migration(migrations.Migration):
    dependencies = [("implementatie", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
