"""The five levels of the regiekaart as loaded by migration 0002 (issue #6; seed 002 ch. 5)."""

import importlib
import json
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db.migrations.recorder import MigrationRecorder

from regiekaart.models import Niveau
from regiekaart.rules import AFSCHALEN, NAAR_MANAGER, OPSCHALEN, PROBLEMATIEK, voldoet

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "regiekaart" / "data" / "niveaus.json"
SEED = ROOT.parent / "shared" / "seeds" / "002_889a1700faf57179.txt"

# Phrases of "Uitwerking per niveau" that must survive in the data, per level and field.
SEED_PHRASES = [
    (1, "procesregie", "n.v.t."),
    (1, "bestuurlijk_toelichting", "Er is geen bestuurlijke verantwoordelijk."),
    (1, "afschalen", "Niveau 1 is het basisniveau. Afschalen is niet van toepassing."),
    (1, "plan", "minimaal het Plan van Aanpak Preventief wordt gebruikt"),
    (1, "regie_toelichting", "frequent schoolverzuim, agressief optreden, verwaarlozing"),
    (2, "procesregie_toelichting", "Casus- en procesregie kunnen door dezelfde professional"),
    (2, "bestuurlijk_verantwoordelijk", "Wethouder verantwoordelijk."),
    (2, "overleg_partijen", "Indien er een strafrechtelijk kader aanwezig is"),
    (3, "zorgen", "met dreigende onveiligheid voor individu en/of leden van het huishouden"),
    (3, "plan", "minimaal het Plan van Aanpak en Veilig Verder Plan wordt gebruikt"),
    (3, "procesregie_toelichting", "vooral gespecialiseerd in samenwerking en het kunnen"),
    (4, "procesregie", "Procesregisseur zorg- en veiligheidshuis met competentieprofiel B."),
    (4, "in_overleg", "Lokale team, zorg- en veiligheidsketen, de Driehoek en GGD GHOR."),
    (4, "bestuurlijk_toelichting", "De burgemeester en wethouder (B&W) zijn samen bestuurlijk"),
    (4, "operationeel_toelichting", "De ketenmanager van het Zorg- en Veiligheidshuis"),
    (5, "bestuurlijk_verantwoordelijk", "Burgemeester."),
    (5, "opschalen", "Bij niveau 5 is geen sprake van verder opschalen."),
    (5, "opschalen", "gedwongen opname en/of uithuisplaatsing"),
    (5, "operationeel_toelichting", "De gemandateerde ambtenaar IVZ van de gemeente"),
    (5, "zorgen", "Er is mogelijk ook media-aandacht"),
]


def _contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours."""

    def luminance(hex_colour):
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_migration_loaded_the_five_levels_with_their_colours():
    assert MigrationRecorder.Migration.objects.filter(
        app="regiekaart", name="0002_niveaus"
    ).exists()
    assert list(Niveau.objects.values_list("nummer", "kleur")) == [
        (1, "groen"),
        (2, "geel"),
        (3, "oranje"),
        (4, "rood"),
        (5, "donkerrood"),
    ]
    assert str(Niveau.objects.get(nummer=1)) == "Niveau 1: Eigen regie"


def test_the_rows_are_the_json_unchanged():
    data = json.loads(DATA.read_text(encoding="utf-8"))["niveaus"]
    fields = [f.name for f in Niveau._meta.fields if f.name != "id"]
    assert sorted(data[0]) == sorted(fields)
    assert list(Niveau.objects.values(*fields)) == data


def test_badge_text_is_readable_on_every_level_colour():
    for niveau in Niveau.objects.all():
        assert re.fullmatch(r"#[0-9A-F]{6}", niveau.kleur_hex), niveau
        assert _contrast(niveau.kleur_hex, niveau.tekst_hex) >= 4.5, niveau


def test_profile_a_on_levels_1_and_2_and_b_from_level_3():
    rows = list(Niveau.objects.values_list("casusregie_profiel", "procesregie_profiel"))
    assert rows == [
        ("casus_a", ""),  # niveau 1: "Procesregie: n.v.t."
        ("casus_a", "proces_a"),
        ("casus_b", "proces_b"),
        ("casus_b", "proces_b"),
        ("casus_b", "proces_b"),
    ]
    for niveau in Niveau.objects.all():
        assert voldoet({"proces_b_plus"}, niveau.procesregie_profiel)
        assert voldoet({"casus_b"}, niveau.casusregie_profiel)
        assert voldoet({"proces_a"}, niveau.procesregie_profiel) is (niveau.nummer <= 2)


def test_every_level_names_its_source_and_where_the_seed_disagrees():
    for niveau in Niveau.objects.all():
        assert niveau.bron == f"002 hoofdstuk 5, Uitwerking per niveau: Niveau {niveau.nummer}"
        assert niveau.verschillen
    # DOMEIN.md's example: bestuurlijk at level 1.
    niveau_1 = Niveau.objects.get(nummer=1)
    assert niveau_1.bestuurlijk_verantwoordelijk == "n.v.t."
    assert "'Wethouder verantwoordelijk.'" in niveau_1.verschillen
    assert "Burgemeester en wethouder" in Niveau.objects.get(nummer=3).verschillen


@pytest.mark.parametrize("nummer,veld,phrase", SEED_PHRASES)
def test_the_texts_are_the_seed_wording(nummer, veld, phrase):
    assert phrase in getattr(Niveau.objects.get(nummer=nummer), veld)
    if SEED.exists():
        assert phrase in re.sub(r"\*\*", "", SEED.read_text(encoding="utf-8"))


def test_the_rules_quote_the_tables_of_the_levels():
    niveaus = {n.nummer: n for n in Niveau.objects.all()}
    for naar, (_, tekst) in OPSCHALEN.items():
        assert tekst in niveaus[naar - 1].opschalen, naar
    for naar, (_, tekst) in AFSCHALEN.items():
        assert tekst in niveaus[naar + 1].afschalen, naar
    for nummer, (_, tekst) in PROBLEMATIEK.items():
        assert tekst in niveaus[nummer].opschalen, nummer
    for nummer in range(1, 5):
        assert all(t in niveaus[nummer].opschalen for t in NAAR_MANAGER.values())


def test_loading_again_restores_the_seed_rows_without_duplicates():
    migration = importlib.import_module("regiekaart.migrations.0002_niveaus")
    Niveau.objects.filter(nummer=3).update(naam="Aangepast")
    migration.load(apps, None)
    assert Niveau.objects.count() == 5
    assert Niveau.objects.get(nummer=3).naam == "Gedeeltelijke overname van regie"
