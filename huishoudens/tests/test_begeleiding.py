"""Guidance the procesregisseur works from (issue #12): the Toelichting per phase, phase 2's
actions from 002, the 6a lists where 6a happens, ticks per round in 4-5a-5b, sources kept
out of the running text and the seed's typos corrected with a note."""

import importlib
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.html import escape

from huishoudens import services
from huishoudens.constants import Fase, FaseActieStatus
from huishoudens.models import ActieVoortgang, FaseActie, Traject
from huishoudens.selectors import fase_toelichting

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[1] / "data" / "werkproces.json"


def _at(traject, fase, ronde=None):
    fields = {"fase": fase} | ({"ronde": ronde} if ronde else {})
    Traject.objects.filter(pk=traject.pk).update(**fields)
    traject.refresh_from_db()
    return traject


def _page(client, traject):
    return client.get(reverse("huishoudens:traject", args=[traject.pk])).content.decode()


@pytest.mark.parametrize("fase", ["1", "2", "3a", "3b", "4", "5a", "5b", "6b"])
def test_the_phase_toelichting_is_shown_with_each_phase(login, procesregisseur, traject, fase):
    """Issue #12: the Toelichting was in the data but never shown (004 per phase)."""
    _at(traject, fase)
    html = _page(login(procesregisseur), traject)
    toelichting = fase_toelichting(fase)
    assert 'id="toelichting"' in html
    assert escape(toelichting["toelichting"][0][:30]) in html


def test_zie_toelichting_links_to_the_toelichting(login, procesregisseur, traject):
    """004 fase 2 step 3 says "(zie toelichting)": the page links to it."""
    _at(traject, Fase.INTAKE)
    html = _page(login(procesregisseur), traject)
    assert "(zie toelichting)" in html
    assert 'href="#toelichting"' in html


def test_phase_2_has_the_002_actions_004_moved_into_the_toelichting():
    """Issue #12, seed 002 DEEL A Fase 2, Procesregie 4, 5 and 7: "Leg de werkwijze uit.",
    "Geef de klant de folder van 1Gezin1Plan1Regisseur mee." and the safety step are
    actions again, in 002's order, with their source."""
    rows = list(FaseActie.objects.filter(fase="2", rol="procesregisseur").order_by("volgorde"))
    texts = [r.tekst for r in rows]
    assert texts[3] == "Leg de werkwijze uit."
    assert texts[4] == "Geef de klant de folder van 1Gezin1Plan1Regisseur mee."
    assert texts[5] == "Ga door naar fase 3a."
    assert texts[6].startswith("Zijn er signalen van (acute) onveiligheid")
    assert rows[3].bron.startswith("002 DEEL A Fase 2. Intakefase, Procesregie")
    assert rows[4].bron.endswith(", 5") and rows[6].bron.endswith(", 7")


def _old_phase_2():
    """The phase 2 list as installations before issue #12 have it."""
    FaseActie.objects.filter(fase="2", rol="procesregisseur", volgorde__in=[4, 5, 7]).delete()
    FaseActie.objects.filter(fase="2", rol="procesregisseur", volgorde=6).update(volgorde=4)


def test_the_data_migration_keeps_a_tick_with_its_text(procesregisseur, traject):
    """Migration 0005 moves "Ga door naar fase 3a." from 4 to 6 as a row; a tick made
    before the upgrade stays with that text, and the sync command has nothing left."""
    from io import StringIO

    from django.core.management import call_command

    _old_phase_2()
    naar_3a = FaseActie.objects.get(fase="2", rol="procesregisseur", volgorde=4)
    services.actie_mark(
        traject=traject, actie=naar_3a, door=procesregisseur, status=FaseActieStatus.GEDAAN
    )
    importlib.import_module("huishoudens.migrations.0005_werkproces_issue12").forwards(apps, None)
    naar_3a.refresh_from_db()
    assert (naar_3a.volgorde, naar_3a.tekst) == (6, "Ga door naar fase 3a.")
    assert ActieVoortgang.objects.get(traject=traject).actie == naar_3a
    assert FaseActie.objects.get(fase="2", rol="procesregisseur", volgorde=4).tekst == (
        "Leg de werkwijze uit."
    )
    out = StringIO()
    call_command("werkproces_bijwerken", stdout=out)
    assert "Geen wijzigingen" in out.getvalue()


def test_a_second_round_starts_with_an_empty_checklist(login, procesregisseur, traject):
    """Issue #12: in 4 and 5b the ticks persisted per traject, so the second round showed
    everything done. 5b goes back to 4 (002 fase 5b step 15): a new round; the first
    round's ticks stay as history."""
    _at(traject, Fase.VOORTGANGSOVERLEG_UITVOEREN)
    actie = FaseActie.objects.get(fase="5b", rol="procesregisseur", volgorde=3)
    services.actie_mark(
        traject=traject, actie=actie, door=procesregisseur, status=FaseActieStatus.GEDAAN
    )
    client = login(procesregisseur)
    assert "text-bg-success" in _page(client, traject)
    services.traject_move(
        traject=traject, naar=Fase.VOORTGANG, door=procesregisseur, verwacht_van="5b"
    )
    for van, naar in (("4", "5a"), ("5a", "5b")):
        services.traject_move(traject=traject, naar=naar, door=procesregisseur, verwacht_van=van)
    traject.refresh_from_db()
    assert traject.ronde == 2
    html = _page(client, traject)
    assert "text-bg-success" not in html
    assert "Ronde 2" in html
    assert ActieVoortgang.objects.get(traject=traject, actie=actie).ronde == 1
    services.actie_mark(
        traject=traject, actie=actie, door=procesregisseur, status=FaseActieStatus.GEDAAN
    )
    rondes = ActieVoortgang.objects.filter(traject=traject, actie=actie)
    assert sorted(rondes.values_list("ronde", flat=True)) == [1, 2]


def test_ticks_outside_the_round_phases_are_once_per_traject(procesregisseur, traject):
    """Phase 1's list is done once: a new round does not reset it (the seed repeats only
    4, 5a and 5b)."""
    actie = FaseActie.objects.filter(fase="1").first()
    services.actie_mark(
        traject=traject, actie=actie, door=procesregisseur, status=FaseActieStatus.GEDAAN
    )
    _at(traject, Fase.VOORTGANG, ronde=3)
    assert services.actie_ronde(traject=traject, actie=actie) == 1
    assert ActieVoortgang.objects.get(traject=traject, actie=actie).ronde == 1


def test_the_data_migration_puts_earlier_ticks_in_their_round(procesregisseur, traject):
    from huishoudens.models import FaseOvergang

    _at(traject, Fase.VOORTGANGSOVERLEG_UITVOEREN)
    actie = FaseActie.objects.get(fase="5b", rol="procesregisseur", volgorde=3)
    services.actie_mark(
        traject=traject, actie=actie, door=procesregisseur, status=FaseActieStatus.GEDAAN
    )
    FaseOvergang.objects.create(traject=traject, van="5b", naar="4", door=procesregisseur)
    Traject.objects.filter(pk=traject.pk).update(ronde=1)
    importlib.import_module("huishoudens.migrations.0005_werkproces_issue12").forwards(apps, None)
    traject.refresh_from_db()
    assert traject.ronde == 2
    assert ActieVoortgang.objects.get(traject=traject, actie=actie).ronde == 1


def test_the_6a_lists_are_shown_on_the_handover_and_end_pages(login, procesregisseur, traject):
    """Issue #12: 6a is an event, not a phase, so its lists (004 fase 6.1; 002 fase 6a)
    were never displayed."""
    client = login(procesregisseur)
    for name in ("huishoudens:overdracht_nieuw", "huishoudens:betrokkenheid_afsluiten"):
        html = client.get(reverse(name, args=[traject.pk])).content.decode()
        assert "Communiceer de overdracht aan het huishouden" in html, name
        assert "Vinden van een opvolger" in html, name  # the 6a Toelichting


def test_sources_are_kept_out_of_the_running_text(login, procesregisseur, traject):
    """Issue #12: a seed reference is available as the source, not in the action's text."""
    _at(traject, Fase.STARTOVERLEG_VOORBEREIDEN)
    html = _page(login(procesregisseur), traject)
    assert '<details class="d-inline-block bron">' in html
    tekst = html.split('class="actie-tekst">', 1)[1].split("</span>", 1)[0]
    assert "002 DEEL A" not in tekst


def test_the_seed_typos_are_corrected_with_a_note(login, procesregisseur, traject):
    """Issue #12: "Risicjongeren" (002 fase 3a) was shown as is; each correction is noted
    beside its source in the data."""
    _at(traject, Fase.STARTOVERLEG_VOORBEREIDEN)
    html = _page(login(procesregisseur), traject)
    assert "Risicjongeren" not in html
    assert "Risicojongeren" in html
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for a in data["acties"]:
        for typo in ("Risicjongeren", "vervolgsafspraken", "vervolgspraken"):
            assert typo not in a["tekst"]
        if "Risicojongeren" in a["tekst"]:
            assert "Risicjongeren" in a["correctie"]
    fase2 = next(f for f in data["fasen"] if f["code"] == "2")
    assert "zodat zijn weten" in fase2["correctie"]
    assert not any("zodat zijn weten" in t for t in fase2["toelichting"])


def test_the_intake_criteria_have_their_lead_in(login, procesregisseur, traject, eigen_criterium):
    """002 ch. 4: the six criteria complete "Een kwetsbaar huishouden is een huishouden
    waarbij:"; without it they read as loose fragments (issue #12)."""
    _at(traject, Fase.INTAKE)
    html = (
        login(procesregisseur)
        .get(reverse("huishoudens:intake", args=[traject.pk]))
        .content.decode()
    )
    assert "Een kwetsbaar huishouden is een huishouden waarbij:" in html
    assert html.index("waarbij:") < html.index("gezinsleden in mindere mate zelfredzaam")
    assert "Eigen criteria van uw organisatie" in html
