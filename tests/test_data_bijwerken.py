"""The `<file>_bijwerken` commands bring a running installation in line with a changed data
file (issue #13, "Data that can change"): the data migrations load werkproces.json,
niveaus.json and uitnodigingen.json on a fresh install only."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from huishoudens.constants import FaseActieStatus
from huishoudens.models import ActieVoortgang, FaseActie, StartCriterium
from plannen.models import UitnodigingSjabloon
from regiekaart.models import Niveau

ROOT = Path(__file__).resolve().parent.parent
WERKPROCES = ROOT / "huishoudens/data/werkproces.json"
NIVEAUS = ROOT / "regiekaart/data/niveaus.json"
UITNODIGINGEN = ROOT / "plannen/data/uitnodigingen.json"

pytestmark = pytest.mark.django_db


def run(command: str, bestand: Path | None = None, **options) -> str:
    out = StringIO()
    if bestand is not None:
        options["bestand"] = bestand
    call_command(command, stdout=out, **options)
    return out.getvalue()


def edited(source: Path, tmp_path: Path, change) -> Path:
    """A copy of a data file with `change(data)` applied."""
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    data = json.loads(copy.read_text(encoding="utf-8"))
    change(data)
    copy.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    "command", ["werkproces_bijwerken", "niveaus_bijwerken", "uitnodigingen_bijwerken"]
)
def test_a_fresh_install_already_follows_the_files(command):
    """The migration and the command read the file the same way: nothing to do."""
    assert "Geen wijzigingen" in run(command)


def test_a_reworded_phase_action_is_reported_and_saved_and_a_second_run_finds_nothing(
    tmp_path,
):
    def reword(data):
        data["acties"][0]["tekst"] = "Vraag komt binnen en wordt direct vastgelegd."

    first = json.loads(WERKPROCES.read_text(encoding="utf-8"))["acties"][0]
    copy = edited(WERKPROCES, tmp_path, reword)
    key = dict(fase=first["fase"], rol=first["rol"], volgorde=first["volgorde"])

    dry = run("werkproces_bijwerken", copy, dry_run=True)
    assert (
        f"gewijzigd  acties fase={key['fase']} rol={key['rol']} volgorde={key['volgorde']}: tekst"
        in dry
    )
    assert "Proefdraai: 1 wijziging(en) gevonden, niets opgeslagen." in dry
    assert FaseActie.objects.get(**key).tekst == first["tekst"]

    out = run("werkproces_bijwerken", copy)
    assert "1 wijziging(en) uit werkproces.json opgeslagen." in out
    assert FaseActie.objects.get(**key).tekst == "Vraag komt binnen en wordt direct vastgelegd."

    assert "Geen wijzigingen" in run("werkproces_bijwerken", copy)


def test_added_and_removed_rows_are_reported_by_key(tmp_path):
    def change(data):
        data["acties"].append(
            {"fase": "1", "rol": "procesregisseur", "volgorde": 99, "tekst": "Nieuw.", "bron": "x"}
        )
        data["acties"] = [
            a
            for a in data["acties"]
            if (a["fase"], a["rol"], a["volgorde"]) != ("2", "procesregisseur", 1)
        ]
        data["criteria_kwetsbaar_huishouden"].pop()  # the sixth criterion

    copy = edited(WERKPROCES, tmp_path, change)
    out = run("werkproces_bijwerken", copy)
    assert "toegevoegd acties fase=1 rol=procesregisseur volgorde=99" in out
    assert "verwijderd acties fase=2 rol=procesregisseur volgorde=1" in out
    assert "uitgezet   startcriteria volgorde=6: actief" in out
    assert FaseActie.objects.filter(fase="1", rol="procesregisseur", volgorde=99).exists()
    assert not FaseActie.objects.filter(fase="2", rol="procesregisseur", volgorde=1).exists()
    # a criterion is switched off, never deleted: intake answers refer to it
    assert not StartCriterium.objects.get(organisatie=None, volgorde=6).actief

    assert "Geen wijzigingen" in run("werkproces_bijwerken", copy)
    # the original file again: the action comes back, the criterion is switched on
    out = run("werkproces_bijwerken")
    assert "toegevoegd acties fase=2 rol=procesregisseur volgorde=1" in out
    assert "verwijderd acties fase=1 rol=procesregisseur volgorde=99" in out
    assert "gewijzigd  startcriteria volgorde=6: actief" in out


def test_an_organisations_own_criteria_are_left_alone(tmp_path, eigen_criterium):
    copy = edited(WERKPROCES, tmp_path, lambda d: d["criteria_kwetsbaar_huishouden"].clear())
    run("werkproces_bijwerken", copy)
    eigen_criterium.refresh_from_db()
    assert eigen_criterium.actief
    assert not StartCriterium.objects.filter(organisatie=None, actief=True).exists()


def test_an_action_a_traject_ticked_is_not_removed_and_nothing_is_changed(
    tmp_path, traject, procesregisseur
):
    actie = FaseActie.objects.get(fase="2", rol="procesregisseur", volgorde=1)
    ActieVoortgang.objects.create(
        traject=traject, actie=actie, status=FaseActieStatus.GEDAAN, door=procesregisseur
    )

    def change(data):
        data["acties"][0]["tekst"] = "Gewijzigd."
        data["acties"] = [
            a
            for a in data["acties"]
            if (a["fase"], a["rol"], a["volgorde"]) != ("2", "procesregisseur", 1)
        ]

    copy = edited(WERKPROCES, tmp_path, change)
    for dry_run in (True, False):
        with pytest.raises(CommandError, match="nog in gebruik"):
            run("werkproces_bijwerken", copy, dry_run=dry_run)
    assert FaseActie.objects.filter(pk=actie.pk).exists()
    assert not FaseActie.objects.filter(tekst="Gewijzigd.").exists()  # one transaction


def test_a_changed_level_text_reaches_the_database(tmp_path):
    def change(data):
        niveau = next(n for n in data["niveaus"] if n["nummer"] == 2)
        niveau["omschrijving"] = "Enkelvoudige problematiek, aangepaste tekst."
        niveau["kleur_hex"] = "#123456"

    copy = edited(NIVEAUS, tmp_path, change)
    before = Niveau.objects.get(nummer=2).omschrijving
    assert "gewijzigd  niveaus nummer=2: kleur_hex, omschrijving" in run(
        "niveaus_bijwerken", copy, dry_run=True
    )
    assert Niveau.objects.get(nummer=2).omschrijving == before

    assert "gewijzigd  niveaus nummer=2: kleur_hex, omschrijving" in run("niveaus_bijwerken", copy)
    niveau = Niveau.objects.get(nummer=2)
    assert (niveau.omschrijving, niveau.kleur_hex) == (
        "Enkelvoudige problematiek, aangepaste tekst.",
        "#123456",
    )
    assert "Geen wijzigingen" in run("niveaus_bijwerken", copy)


def test_a_level_missing_from_the_file_is_refused(tmp_path):
    copy = edited(NIVEAUS, tmp_path, lambda d: d["niveaus"].pop())
    with pytest.raises(CommandError, match="ontbreekt in het bestand"):
        run("niveaus_bijwerken", copy)
    assert Niveau.objects.count() == 5


def test_an_invalid_value_in_the_file_is_refused(tmp_path):
    def change(data):
        data["niveaus"][0]["kleur"] = "paars"

    copy = edited(NIVEAUS, tmp_path, change)
    with pytest.raises(CommandError, match="Ongeldige waarde"):
        run("niveaus_bijwerken", copy)


def test_an_unknown_field_in_the_file_is_refused(tmp_path):
    copy = edited(NIVEAUS, tmp_path, lambda d: d["niveaus"][0].update(onbekend="x"))
    with pytest.raises(CommandError, match="onbekend veld 'onbekend'"):
        run("niveaus_bijwerken", copy)


def test_a_changed_invitation_text_leaves_an_organisations_own_version_alone(tmp_path, org_a):
    richtlijn = UitnodigingSjabloon.objects.get(organisatie=None, soort="start", vorm="u")
    eigen = UitnodigingSjabloon.objects.get(pk=richtlijn.pk)
    eigen.pk, eigen.organisatie = None, org_a
    eigen.save()

    def change(data):
        sjabloon = next(s for s in data["sjablonen"] if (s["soort"], s["vorm"]) == ("start", "u"))
        sjabloon["onderwerp"] = "Uitnodiging startoverleg (nieuw)"

    copy = edited(UITNODIGINGEN, tmp_path, change)
    out = run("uitnodigingen_bijwerken", copy)
    assert "gewijzigd  sjablonen soort=start vorm=u: onderwerp" in out
    richtlijn.refresh_from_db()
    eigen.refresh_from_db()
    assert richtlijn.onderwerp == "Uitnodiging startoverleg (nieuw)"
    assert eigen.onderwerp != "Uitnodiging startoverleg (nieuw)"
    assert "Geen wijzigingen" in run("uitnodigingen_bijwerken", copy)
