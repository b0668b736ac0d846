"""The evaluation's questionnaires are seed 002 DEEL I as data (issue #14): the four
statements per group verbatim, the five-point scale (with the OCR slip 'Zeereens' corrected
and noted), and the example monitoring questions for client panels and organisations."""

import json
import re
from pathlib import Path

import pytest

from implementatie.models import Vraag, Vragenlijst

ROOT = Path(__file__).resolve().parents[2]
NO_SEED = (
    "seed 002 is not next to the repository (a clean clone): the verbatim check runs where "
    "../shared/seeds exists; the counts run everywhere"
)
DATA = json.loads((ROOT / "implementatie" / "data" / "evaluatie.json").read_text("utf-8"))
SEED = next(
    (
        p / "shared" / "seeds" / "002_889a1700faf57179.txt"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "seeds" / "002_889a1700faf57179.txt").exists()
    ),
    ROOT.parent / "shared" / "seeds" / "002_889a1700faf57179.txt",
)


def _deel_i() -> str:
    if not SEED.exists():
        pytest.skip(reason=NO_SEED)
    seed = SEED.read_text(encoding="utf-8")
    return seed[seed.index("## DEEL I. FORMATS: EVALUATIE") : seed.index("# OVERIG")]


def test_the_statements_per_group_are_the_seeds_verbatim():
    deel_i = _deel_i()
    (evaluatie,) = [v for v in DATA["vragenlijsten"] if v["sleutel"] == "evaluatie"]
    assert evaluatie["inleiding"] in deel_i
    for groep in evaluatie["groepen"]:
        kop = deel_i.index(f"<b>{groep['kop']}</b>")
        bullets = re.findall(r"^• (.+?)\t", deel_i[kop:], re.MULTILINE)[:4]
        assert bullets == groep["stellingen"], groep["sleutel"]


def test_the_scale_is_the_seeds_with_its_ocr_slip_corrected_and_noted():
    deel_i = _deel_i()
    header = re.search(r"<b>Voor klanten</b>\t(.+)$", deel_i, re.MULTILINE).group(1)
    kolommen = re.findall(r"<b>(.+?)</b>", header)
    punten = DATA["schaal"]["punten"]
    assert [p.get("origineel", p["label"]) for p in punten] == kolommen
    assert [p["label"] for p in punten] == [
        "Zeer eens",
        "Eens",
        "Neutraal",
        "Oneens",
        "Zeer oneens",
    ]
    assert all(p["correctie"] for p in punten if "origineel" in p)


@pytest.mark.parametrize(
    "sleutel,kop", [("klantpanel", "Klantpanels:"), ("organisaties", "Organisaties:")]
)
def test_the_monitoring_questions_are_the_seeds_verbatim(sleutel, kop):
    deel_i = _deel_i()
    start = deel_i.index(f"### {kop}")
    blok = deel_i[start : deel_i.find("###", start + 4) if "###" in deel_i[start + 4 :] else None]
    seed_vragen = re.findall(r"^\s*- (.+)$", blok, re.MULTILINE)
    (lijst,) = [v for v in DATA["vragenlijsten"] if v["sleutel"] == sleutel]
    assert [v["tekst"] for v in lijst["vragen"]] == seed_vragen


def test_the_migration_loaded_what_the_file_says(db):
    """Counts everywhere: 3 groups x 4 statements; 4 client-panel and 12 organisation items."""
    assert Vraag.objects.filter(vragenlijst__sleutel="evaluatie").count() == 12
    for groep in ("klant", "familie", "professional"):
        assert list(
            Vraag.objects.filter(vragenlijst__sleutel="evaluatie", groep=groep).values_list(
                "tekst", flat=True
            )
        ) == [
            "Ik ben tevreden met het resultaat.",
            "Er is goed naar mij geluisterd.",
            "Ik ben tevreden over de samenwerking.",
            "1Gezin1Plan1Regisseur heeft geholpen om de resultaten te behalen.",
        ]
    assert Vraag.objects.filter(vragenlijst__sleutel="klantpanel").count() == 4
    assert Vraag.objects.filter(vragenlijst__sleutel="organisaties").count() == 12
    assert [p["label"] for p in Vragenlijst.objects.get(sleutel="evaluatie").schaal][0] == (
        "Zeer eens"
    )
