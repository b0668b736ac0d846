"""Implementation plans (issue #14): a plan per scope from a template, item changes with
their history and audit rows, progress per theme and overall, overdue items and filters,
the yearly PDCA round that carries the state forward, and the PDF."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from implementatie import selectors, services
from implementatie.constants import ItemStatus
from implementatie.models import ItemWijziging, Jaarronde, PdcaNotitie, PlanItem, Sjabloon
from implementatie.policy import eigen_plan_scope
from regie.constants import AuditActie
from regie.models import AuditEntry
from tests.factories import implementatieplan

pytestmark = pytest.mark.django_db


def _items(plan, jaar=2026):
    return PlanItem.objects.filter(ronde__plan=plan, ronde__jaar=jaar)


def test_a_plan_takes_the_items_of_its_level_from_001(aandachtsfunctionaris, agendahouder):
    """001: organisatieniveau has 15 items (A 3, B 3, C 3, D 3, E 3), gemeentelijk 13."""
    org = implementatieplan(aandachtsfunctionaris)
    gem = implementatieplan(agendahouder)
    assert org.niveau == "organisatie" and gem.niveau == "gemeente"
    assert _items(org).count() == 15 and _items(gem).count() == 13
    assert list(
        PdcaNotitie.objects.filter(ronde__plan=org).values_list("thema_code", flat=True)
    ) == [
        "A",
        "B",
        "C",
        "D",
        "E",
    ]
    item = _items(org).get(sleutel="A-O1")
    assert item.tekst == "Stel het regiemodel bestuurlijk vast."
    assert item.status == ItemStatus.NIET_GESTART


def test_a_template_without_items_for_the_level_is_refused(aandachtsfunctionaris):
    aandachtsfunctionaris.active_role = "aandachtsfunctionaris"
    with pytest.raises(services.PlanFout):
        services.plan_create(
            sjabloon=Sjabloon.objects.get(sleutel="002-h10-gemeenten"),
            scope=eigen_plan_scope(aandachtsfunctionaris),
            door=aandachtsfunctionaris,
            jaar=2026,
        )


def test_the_owner_creates_a_plan_and_it_is_audited(login, aandachtsfunctionaris):
    client = login(aandachtsfunctionaris)
    sjabloon = Sjabloon.objects.get(sleutel="002-h10-organisaties")
    response = client.post(
        reverse("implementatie:plan_nieuw"), {"sjabloon": sjabloon.pk, "jaar": 2026}
    )
    assert response.status_code == 302
    plan = sjabloon.plannen.get()
    assert _items(plan).count() == 19
    assert AuditEntry.objects.filter(
        action=AuditActie.CREATE,
        object_type="implementatie.Implementatieplan",
        object_id=str(plan.pk),
    ).exists()
    # The same template twice for one organisation is refused.
    again = client.post(
        reverse("implementatie:plan_nieuw"), {"sjabloon": sjabloon.pk, "jaar": 2026}
    )
    assert again.status_code == 200 and "al een plan" in again.content.decode()


def test_updating_an_item_writes_history_and_an_audit_row(login, aandachtsfunctionaris):
    plan = implementatieplan(aandachtsfunctionaris)
    item = _items(plan).get(sleutel="A-O1")
    client = login(aandachtsfunctionaris)
    response = client.post(
        reverse("implementatie:item", args=[item.pk]),
        {
            "actie": "Voorstel naar het MT",
            "verantwoordelijke": "Directeur",
            "planning": "2026-03-01",
            "status": "bezig",
            "notities": "",
            "bewijs_url": "https://intranet.example/besluit",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.verantwoordelijke) == ("bezig", "Directeur")
    history = {w.veld: (w.oud, w.nieuw, w.door_id) for w in item.wijzigingen.all()}
    assert history == {
        "actie": ("", "Voorstel naar het MT", aandachtsfunctionaris.pk),
        "verantwoordelijke": ("", "Directeur", aandachtsfunctionaris.pk),
        "planning": ("", "2026-03-01", aandachtsfunctionaris.pk),
        "status": ("niet_gestart", "bezig", aandachtsfunctionaris.pk),
        "bewijs_url": ("", "https://intranet.example/besluit", aandachtsfunctionaris.pk),
    }
    row = AuditEntry.objects.get(action=AuditActie.UPDATE, object_type="implementatie.PlanItem")
    assert row.household_id is None and "status: niet_gestart -> bezig" in row.detail
    # Saving the same values again changes nothing and writes nothing.
    services.item_update(item=item, door=aandachtsfunctionaris, status="bezig")
    assert ItemWijziging.objects.count() == 5


def test_progress_per_theme_and_overall_counts_nvt_out():
    items = [
        PlanItem(thema_code="A", thema_titel="X", status="gereed"),
        PlanItem(thema_code="A", thema_titel="X", status="nvt"),
        PlanItem(thema_code="A", thema_titel="X", status="bezig"),
        PlanItem(
            thema_code="B",
            thema_titel="Y",
            status="niet_gestart",
            planning=datetime.date(2026, 1, 1),
        ),
    ]
    themas, totaal = selectors.voortgang(items, vandaag=datetime.date(2026, 6, 1))
    assert [
        (t.code, t.voortgang.gereed, t.voortgang.van_toepassing, t.voortgang.percentage)
        for t in themas
    ] == [
        ("A", 1, 2, 50),
        ("B", 0, 1, 0),
    ]
    assert (totaal.gereed, totaal.van_toepassing, totaal.percentage, totaal.achterstallig) == (
        1,
        3,
        33,
        1,
    )


def test_overdue_items_are_marked_and_can_be_filtered(login, aandachtsfunctionaris):
    plan = implementatieplan(aandachtsfunctionaris)
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    _items(plan).filter(sleutel="B-O1").update(planning=gisteren)
    _items(plan).filter(sleutel="B-O2").update(planning=gisteren, status="gereed")
    client = login(aandachtsfunctionaris)
    page = client.get(reverse("implementatie:plan", args=[plan.pk]), {"achterstallig": "on"})
    text = page.content.decode()
    assert "Stel de regionale regiekaart bestuurlijk vast." in text
    assert "Gebruik de competentieprofielen" not in text  # done, so not overdue
    assert "Over de planning" in text and 'class="table-warning"' in text
    by_status = client.get(reverse("implementatie:plan", args=[plan.pk]), {"status": "gereed"})
    assert "Gebruik de competentieprofielen" in by_status.content.decode()
    assert "Stel de regionale regiekaart" not in by_status.content.decode()


def test_a_new_year_carries_every_items_state_forward_and_keeps_the_old_year(
    login, aandachtsfunctionaris
):
    """001 E "Gebruik de PDCA-cyclus voor doorontwikkeling" (issue #14, PDCA carry-over)."""
    plan = implementatieplan(aandachtsfunctionaris, A_O1="gereed", A_O2="bezig")
    _items(plan).filter(sleutel="A-O2").update(actie="Beleid herschrijven", planning="2026-11-01")
    client = login(aandachtsfunctionaris)
    response = client.post(reverse("implementatie:jaar_nieuw", args=[plan.pk]), {"jaar": 2027})
    assert response.status_code == 302 and response["Location"].endswith(
        f"/plannen/{plan.pk}/pdca/"
    )
    nieuw = {i.sleutel: i for i in _items(plan, 2027)}
    assert len(nieuw) == 15
    assert nieuw["A-O1"].status == "gereed"
    assert (nieuw["A-O2"].status, nieuw["A-O2"].actie, str(nieuw["A-O2"].planning)) == (
        "bezig",
        "Beleid herschrijven",
        "2026-11-01",
    )
    assert PdcaNotitie.objects.filter(ronde__jaar=2027, ronde__plan=plan).count() == 5
    # Work in the new year leaves the old one as it was, and the old one is read-only.
    services.item_update(item=nieuw["A-O2"], door=aandachtsfunctionaris, status="gereed")
    assert _items(plan).get(sleutel="A-O2").status == "bezig"
    with pytest.raises(services.PlanFout):
        services.item_update(
            item=_items(plan).get(sleutel="A-O2"), door=aandachtsfunctionaris, status="nvt"
        )
    old = client.post(reverse("implementatie:item", args=[_items(plan).get(sleutel="A-O2").pk]), {})
    assert old.status_code == 403
    # Both years readable side by side.
    side = client.get(reverse("implementatie:plan_jaren", args=[plan.pk])).content.decode()
    assert "2026" in side and "2027" in side
    # A year that is not later is refused.
    with pytest.raises(services.PlanFout):
        services.ronde_start(plan=plan, jaar=2027, door=aandachtsfunctionaris)
    assert Jaarronde.objects.filter(plan=plan).count() == 2


def test_pdca_notes_are_saved_per_theme_by_the_owner(login, aandachtsfunctionaris, manager):
    plan = implementatieplan(aandachtsfunctionaris)
    notitie = PdcaNotitie.objects.get(ronde__plan=plan, thema_code="E")
    data = {}
    for n in PdcaNotitie.objects.filter(ronde__plan=plan):
        for veld in ("plannen", "uitvoeren", "controleren", "bijsturen"):
            data[f"t{n.pk}-{veld}"] = ""
    data[f"t{notitie.pk}-controleren"] = "Evaluatie met regisseurs gehouden."
    assert (
        login(manager).post(reverse("implementatie:pdca", args=[plan.pk]), data).status_code == 403
    )
    response = login(aandachtsfunctionaris).post(
        reverse("implementatie:pdca", args=[plan.pk]), data
    )
    assert response.status_code == 302
    notitie.refresh_from_db()
    assert notitie.controleren == "Evaluatie met regisseurs gehouden."
    assert (
        AuditEntry.objects.filter(
            action=AuditActie.UPDATE, object_type="implementatie.PdcaNotitie"
        ).count()
        == 1
    )


def test_the_pdf_for_a_management_meeting_is_rendered_and_audited(login, aandachtsfunctionaris):
    plan = implementatieplan(aandachtsfunctionaris, A_O1="gereed")
    response = login(aandachtsfunctionaris).get(reverse("implementatie:plan_pdf", args=[plan.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "attachment" in response["Content-Disposition"]
    assert AuditEntry.objects.filter(action=AuditActie.PRINT, object_id=str(plan.pk)).exists()


def test_the_start_page_shows_the_plan_and_what_is_due(login, aandachtsfunctionaris):
    plan = implementatieplan(aandachtsfunctionaris, A_O1="gereed")
    _items(plan).filter(sleutel="C-O1").update(
        planning=timezone.localdate() + datetime.timedelta(days=5)
    )
    page = login(aandachtsfunctionaris).get(reverse("start")).content.decode()
    assert plan.titel in page and "1 van 15 gereed (7%)" in page
    assert "Zorg dat professionals bekend zijn met 1Gezin1Plan1Regisseur." in page
