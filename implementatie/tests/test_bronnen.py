"""The checklist templates match the seeds (issue #14): themes, levels and items per source,
asserted against the counts made by hand and written in implementatie/README.md; every
item names its source; each fix of the source's text is noted and, undone, gives back the
seed's own words; `manage.py checklists_bijwerken` syncs a running installation."""

import json
import re
import shutil
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from implementatie import bronnen
from implementatie.models import Sjabloon, SjabloonItem, Thema

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "implementatie" / "data"
NO_SEED = (
    "the seeds are not next to the repository (a clean clone): the verbatim check runs where "
    "../shared/seeds exists; the counts run everywhere"
)
SEEDS = next(
    (
        p / "shared" / "seeds"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "seeds").exists()
    ),
    ROOT.parent / "shared" / "seeds",
)
SEED_FILES = {
    "001": "001_75ccf99ddc881a5e.txt",
    "000": "000_fb6e8011d6d41d5c.txt",
    "002": "002_889a1700faf57179.txt",
    "003": "003_3f1a1f018df4722a.txt",
}

# Counted by hand from the seeds (README "Checklists uit de bronnen"):
# sleutel: (themes, regio, gemeente, organisatie, optioneel, items per theme)
EXPECTED = {
    "001-implementatieplan-2025": (5, 13, 13, 15, 0, {"A": 9, "B": 8, "C": 9, "D": 6, "E": 9}),
    "000-deel-d": (5, 13, 14, 16, 0, {"A": 12, "B": 6, "C": 9, "D": 7, "E": 9}),
    "002-h10-gemeenten": (
        7,
        0,
        32,
        0,
        7,
        {"A": 10, "B": 5, "C": 2, "D": 4, "E": 3, "F": 6, "G": 2},
    ),
    "002-h10-organisaties": (6, 0, 0, 19, 0, {"A": 3, "B": 6, "C": 2, "D": 3, "E": 3, "F": 2}),
    "002-h10-taakprofiel-agendahouder": (
        8,
        0,
        20,
        0,
        0,
        {"A": 6, "B": 4, "C": 2, "D": 1, "E": 1, "F": 2, "G": 2, "GEM": 2},
    ),
    "002-h10-taakprofiel-aandachtsfunctionaris": (
        7,
        0,
        0,
        17,
        0,
        {"A": 3, "B": 6, "C": 1, "D": 1, "E": 2, "F": 2, "AFD": 2},
    ),
    "002-h11-inkoopvoorwaarden": (1, 0, 5, 0, 0, {"V": 5}),
    "003-directie-management": (1, 0, 0, 4, 0, {"1": 4}),
    "003-aandachtsfunctionaris": (1, 0, 0, 4, 0, {"1": 4}),
    "003-zorgcoordinator": (1, 0, 0, 15, 0, {"1": 15}),
    "003-implementatieplan-2017": (
        6,
        0,
        0,
        23,
        0,
        {"A": 5, "B": 6, "C": 2, "D": 5, "F": 2, "G": 3},
    ),
}

pytestmark = pytest.mark.django_db


def _telling(sleutel: str):
    sjabloon = Sjabloon.objects.get(sleutel=sleutel)
    items = SjabloonItem.objects.filter(sjabloon=sjabloon, actief=True)
    niveaus = Counter(items.values_list("niveau", flat=True))
    per_thema = Counter(items.values_list("thema__code", flat=True))
    return (
        Thema.objects.filter(sjabloon=sjabloon, actief=True).count(),
        niveaus["regio"],
        niveaus["gemeente"],
        niveaus["organisatie"],
        items.filter(optioneel=True).count(),
        dict(per_thema),
    )


@pytest.mark.parametrize("sleutel", sorted(EXPECTED))
def test_the_loaded_template_has_the_counts_made_by_hand(sleutel):
    assert _telling(sleutel) == EXPECTED[sleutel]


def test_the_totals_match_the_sources_named_in_implementatie_md():
    """001 about 41 items (A 9, B 8, C 9, D 6, E 9), 000 about 43, 002 h. 10 gemeenten 25 + 7
    optioneel, organisaties 19, task profiles 18 and 15 (+2 each), inkoop 5, 003 4/4/15/23."""
    totals = {k: sum(v[5].values()) for k, v in EXPECTED.items()}
    assert totals == {
        "001-implementatieplan-2025": 41,
        "000-deel-d": 43,
        "002-h10-gemeenten": 32,
        "002-h10-organisaties": 19,
        "002-h10-taakprofiel-agendahouder": 20,
        "002-h10-taakprofiel-aandachtsfunctionaris": 17,
        "002-h11-inkoopvoorwaarden": 5,
        "003-directie-management": 4,
        "003-aandachtsfunctionaris": 4,
        "003-zorgcoordinator": 15,
        "003-implementatieplan-2017": 23,
    }
    assert SjabloonItem.objects.count() == sum(totals.values())


def test_the_readme_table_says_the_same_as_this_test():
    """The hand counts are written once for people (the README) and once here; they agree."""
    readme = (ROOT / "implementatie" / "README.md").read_text(encoding="utf-8")
    rows = {}
    for line in readme.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 9 and cells[1] in EXPECTED:
            per_thema = dict(
                (code, int(n)) for code, n in (part.rsplit(" ", 1) for part in cells[8].split(", "))
            )
            themas, regio, gemeente, organisatie, items, optioneel = map(int, cells[2:8])
            assert items == sum(per_thema.values()), cells[1]
            rows[cells[1]] = (themas, regio, gemeente, organisatie, optioneel, per_thema)
    assert rows == EXPECTED


def test_001_is_the_default_and_every_item_names_its_source():
    assert list(Sjabloon.objects.filter(standaard=True).values_list("sleutel", flat=True)) == [
        "001-implementatieplan-2025"
    ]
    assert not SjabloonItem.objects.filter(bron="").exists()
    assert not Sjabloon.objects.filter(bron="").exists()


def test_the_three_mandate_areas_are_sub_items_of_one_item():
    """001 B: "Ken mandaat en bevoegdheden toe ... voor:" with (a) beleidsbeheer en budgetten,
    (b) bij- en afschaling, (c) ingrijpen bij escalaties, at each of the three levels."""
    items = SjabloonItem.objects.filter(
        sjabloon__sleutel="001-implementatieplan-2025", tekst__startswith="Ken mandaat"
    )
    assert sorted(items.values_list("niveau", flat=True)) == ["gemeente", "organisatie", "regio"]
    for item in items:
        assert item.subitems == [
            "Beleidsbeheer en budgetten.",
            "Bij- en afschaling.",
            "Ingrijpen bij escalaties.",
        ]


def test_the_ocr_errors_of_001_are_fixed_in_the_text_and_noted_beside_it():
    shown = " ".join(
        SjabloonItem.objects.filter(
            sjabloon__sleutel__in=["001-implementatieplan-2025", "000-deel-d"]
        ).values_list("tekst", flat=True)
    )
    for slip in (
        "1Gezinl",
        "Planl",
        "1lRegisseur",
        "Creéer",
        "casuistiek",
        "jaarliks",
        "footnoteRef",
    ):
        assert slip not in shown, slip
    item = SjabloonItem.objects.get(sjabloon__sleutel="001-implementatieplan-2025", sleutel="A-R2")
    assert item.tekst.startswith("Integreer regionale ontwikkelingen in 1Gezin1Plan1Regisseur")
    assert "'1GezinlPlanlRegisseur' in de bron, hier '1Gezin1Plan1Regisseur'" in item.correctie
    footnote = SjabloonItem.objects.get(sjabloon__sleutel="000-deel-d", sleutel="A-R2")
    assert footnote.tekst == "Integreer landelijke en regionale ontwikkelingen."
    assert footnote.toelichting.startswith("Meldcode huiselijk geweld")


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst).strip()


def _ongedaan(tekst: str, correcties: list[dict]) -> str:
    for c in correcties:
        assert c["tekst"] in tekst, (c, tekst)
        tekst = tekst.replace(c["tekst"], c["bron"], 1)
    return tekst


def test_every_item_is_the_seeds_text_once_its_corrections_are_undone():
    """Verbatim (whitespace aside): with its noted fixes put back, every item text and
    sub-item occurs in its seed; a fix that changes nothing would fail here too."""
    if not SEEDS.exists():
        pytest.skip(reason=NO_SEED)
    seeds = {k: _normaal((SEEDS / v).read_text(encoding="utf-8")) for k, v in SEED_FILES.items()}
    checked = 0
    for pad in bronnen.bestanden():
        data = json.loads(pad.read_text(encoding="utf-8"))
        seed = seeds[pad.name[:3]]
        for sjabloon in data["sjablonen"]:
            for thema in sjabloon["themas"]:
                for item in thema["items"]:
                    correcties = item.get("correcties", [])
                    op_tekst = [c for c in correcties if c.get("veld") != "subitems"]
                    op_sub = [c for c in correcties if c.get("veld") == "subitems"]
                    assert _normaal(_ongedaan(item["tekst"], op_tekst)) in seed, item["sleutel"]
                    for sub in item.get("subitems", []):
                        terug = sub
                        for c in op_sub:
                            terug = terug.replace(c["tekst"], c["bron"])
                        assert terug in seed, (item["sleutel"], sub)
                    checked += 1
    assert checked == 223


def run(**options) -> str:
    out = StringIO()
    call_command("checklists_bijwerken", stdout=out, **options)
    return out.getvalue()


def test_a_fresh_install_already_follows_the_files():
    assert "Geen wijzigingen" in run()


def test_a_reworded_item_is_reported_and_saved_and_a_second_run_finds_nothing(tmp_path):
    map = tmp_path / "data"
    shutil.copytree(DATA, map)
    pad = map / "001_implementatieplan_2025.json"
    data = json.loads(pad.read_text(encoding="utf-8"))
    data["sjablonen"][0]["themas"][0]["items"][0]["tekst"] = "Ontwikkel één regiemodel."
    del data["sjablonen"][0]["themas"][4]["items"][-1]
    pad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    sjabloon = Sjabloon.objects.get(sleutel="001-implementatieplan-2025")

    dry = run(map=map, dry_run=True)
    assert f"gewijzigd  items sjabloon_id={sjabloon.pk} sleutel=A-R1: tekst" in dry
    assert f"uitgezet   items sjabloon_id={sjabloon.pk} sleutel=E-O3: actief" in dry
    assert "Proefdraai: 2 wijziging(en) gevonden, niets opgeslagen." in dry
    assert SjabloonItem.objects.get(sjabloon=sjabloon, sleutel="A-R1").tekst.startswith(
        "Ontwikkel één regiemodel op regionaal niveau"
    )

    assert "2 wijziging(en) uit de checklistbestanden opgeslagen." in run(map=map)
    assert SjabloonItem.objects.get(sjabloon=sjabloon, sleutel="A-R1").tekst == (
        "Ontwikkel één regiemodel."
    )
    assert not SjabloonItem.objects.get(sjabloon=sjabloon, sleutel="E-O3").actief
    assert "Geen wijzigingen" in run(map=map)


def test_a_beheerders_copy_is_never_touched_by_the_command(tmp_path):
    origineel = Sjabloon.objects.get(sleutel="000-deel-d")
    kopie = Sjabloon.objects.create(sleutel="eigen", naam="Eigen", kopie_van=origineel)
    map = tmp_path / "data"
    map.mkdir()
    shutil.copy(DATA / "001_implementatieplan_2025.json", map)
    out = run(map=map)
    assert "uitgezet   checklists sleutel=000-deel-d: actief" in out
    kopie.refresh_from_db()
    assert kopie.actief
