"""The manager's pages: open escalations of their organisation or municipality without case
content, the distribution over the levels, escalations and resolutions per month, and the
notifications (issue #6; seed 002 ch. 5 "Opschalen naar manager", ch. 10 monitoring)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from huishoudens.models import BetrokkenProfessional
from regie.constants import AuditActie, OrganisatieSoort, Rol
from regie.models import AuditEntry
from regiekaart.models import Beoordeling, Melding, Opschaling
from regiekaart.services import opschaling_decide, opschaling_resolve
from tests.factories import OrganisatieFactory, TrajectFactory, UserFactory

pytestmark = pytest.mark.django_db

DZBOK = {c: (True, f"{c} geldt.") for c in "DZBOK"}


def _naar_4(traject, door):
    return opschaling_decide(
        traject=traject, door=door, verwacht_niveau=2, criteria=DZBOK, naar_niveau=4
    ).opschaling


def test_the_manager_sees_open_escalations_without_the_household(
    login, manager, opschaling, traject
):
    response = login(manager).get(reverse("regiekaart:escalaties"))
    html = response.content.decode()
    assert [o.pk for o in response.context["page"].object_list] == [opschaling.pk]
    assert f"Traject #{traject.pk}" in html
    assert '<abbr title="De draagkracht is uit balans">D</abbr>, <abbr' in html
    # Escaped as the page escapes it: a generated name may hold an apostrophe ("d' Heripon").
    assert escape(opschaling.door.get_full_name()) in html
    assert traject.huishouden.naam not in html
    assert "Geschreeuw gehoord" not in html  # the criteria's notes are case content
    assert AuditEntry.objects.filter(
        action=AuditActie.READ,
        object_type="regiekaart.Opschaling",
        detail="escalaties manager: pagina 1, 1 open",
    ).exists()

    detail = login(manager).get(reverse("regiekaart:escalatie", args=[opschaling.pk]))
    html = detail.content.decode()
    assert traject.huishouden.naam not in html and "Geschreeuw gehoord" not in html
    assert "→ Opschalen naar niveau 3" in html  # the rule the advice gave
    assert AuditEntry.objects.filter(
        action=AuditActie.READ,
        object_type="regiekaart.Opschaling",
        object_id=str(opschaling.pk),
        household_id=traject.huishouden_id,
        role=Rol.MANAGER,
    ).exists()


def test_a_manager_involved_with_the_household_sees_its_name_and_notes(
    login, manager, opschaling, traject
):
    BetrokkenProfessional.objects.create(huishouden=traject.huishouden, user=manager)
    html = login(manager).get(reverse("regiekaart:escalaties")).content.decode()
    assert traject.huishouden.naam in html
    html = login(manager).get(reverse("regiekaart:escalatie", args=[opschaling.pk])).content
    assert "Geschreeuw gehoord door de buren." in html.decode()


def test_a_manager_of_another_organisation_sees_nothing(login, opschaling, org_b):
    elders = UserFactory(organisatie=org_b, rollen=[Rol.MANAGER], with_totp=True)
    client = login(elders)
    assert not client.get(reverse("regiekaart:escalaties")).context["page"].object_list
    assert client.get(reverse("regiekaart:escalatie", args=[opschaling.pk])).status_code == 404
    response = client.post(
        reverse("regiekaart:afhandelen", args=[opschaling.pk]), {"oplossing": "x"}
    )
    assert response.status_code == 404
    opschaling.refresh_from_db()
    assert opschaling.is_open


def test_the_regisseurs_own_manager_and_the_municipality_see_it(
    login, traject, procesregisseur, org_b
):
    eigen = UserFactory(organisatie=org_b, rollen=[Rol.MANAGER], with_totp=True)
    procesregisseur.manager = eigen
    procesregisseur.save(update_fields=["manager"])
    gemeente = OrganisatieFactory(
        soort=OrganisatieSoort.GEMEENTE, gemeente=traject.huishouden.gemeente
    )
    ambtenaar = UserFactory(organisatie=gemeente, rollen=[Rol.MANAGER], with_totp=True)
    o = _naar_4(traject, procesregisseur)
    for user in (eigen, ambtenaar):
        page = login(user).get(reverse("regiekaart:escalaties")).context["page"]
        assert [x.pk for x in page.object_list] == [o.pk]


def test_the_distribution_counts_trajecten_over_the_levels(
    login, manager, traject, procesregisseur, casusregisseur
):
    TrajectFactory(procesregisseur=procesregisseur)  # never assessed: level 2
    TrajectFactory(casusregisseurs=[casusregisseur])
    TrajectFactory(procesregisseur=UserFactory())  # another organisation: not counted
    _naar_4(traject, procesregisseur)
    response = login(manager).get(reverse("regiekaart:escalaties"))
    verdeling = [(getattr(n, "nummer", n), aantal) for n, aantal in response.context["verdeling"]]
    assert verdeling == [(1, 0), (2, 2), (3, 0), (4, 1), (5, 0)]


def test_escalations_and_resolutions_per_month(login, manager, traject, procesregisseur):
    o = _naar_4(traject, procesregisseur)
    drie_maanden_terug = timezone.now() - datetime.timedelta(days=92)
    Opschaling.objects.filter(pk=o.pk).update(op=drie_maanden_terug)
    opschaling_resolve(opschaling=o, door=manager, oplossing="ZVH neemt de procesregie over.")
    per_maand = login(manager).get(reverse("regiekaart:escalaties")).context["per_maand"]
    assert len(per_maand) == 12
    assert per_maand[0][1:] == (0, 1)  # this month: resolved
    maand = timezone.localtime(drie_maanden_terug).date().replace(day=1)
    assert dict((m, (e, a)) for m, e, a in per_maand)[maand] == (1, 0)


def _escalaties(n, procesregisseur):
    """n open escalations over at most 20 trajecten of Petra."""
    trajecten = [TrajectFactory(procesregisseur=procesregisseur) for _i in range(min(n, 20))]
    beoordelingen = Beoordeling.objects.bulk_create(
        Beoordeling(
            traject=trajecten[i % len(trajecten)],
            door=procesregisseur,
            niveau=2,
            advies_niveau=3,
        )
        for i in range(n)
    )
    Opschaling.objects.bulk_create(
        Opschaling(
            traject=b.traject,
            beoordeling=b,
            van_niveau=2,
            naar_niveau=3,
            richting="op",
            naar_manager=i % 3 == 0,
            vraag_manager="Uren" if i % 3 == 0 else "",
            criteria=["D", "Z", "B", "O"],
            advies_niveau=3,
            advies_gevolgd=True,
            door=procesregisseur,
            organisatie=procesregisseur.organisatie,
            gemeente=b.traject.huishouden.gemeente,
        )
        for i, b in enumerate(beoordelingen)
    )


def _queries(client, django_assert_max_num_queries) -> tuple[int, int]:
    client.get(reverse("regiekaart:escalaties"))  # the first request also sets up the session
    with django_assert_max_num_queries(40) as captured:
        assert client.get(reverse("regiekaart:escalaties")).status_code == 200
    with django_assert_max_num_queries(40) as start:
        assert client.get(reverse("start")).status_code == 200
    return len(captured.captured_queries), len(start.captured_queries)


def test_the_manager_pages_query_count_does_not_grow_with_escalations(
    login, manager, procesregisseur, django_assert_max_num_queries
):
    client = login(manager)
    _escalaties(10, procesregisseur)
    tien = _queries(client, django_assert_max_num_queries)
    Opschaling.objects.all().delete()
    Beoordeling.objects.all().delete()
    _escalaties(200, procesregisseur)
    assert Opschaling.objects.open().count() == 200
    assert _queries(client, django_assert_max_num_queries) == tien
    # session, user, roles, MFA; the page: rows, count, levels, months; the audit row with
    # the chain's lock and head (issue #11)
    assert tien[0] <= 16


def test_notifications_on_the_start_page_are_read_by_opening_them(
    login, manager, traject, procesregisseur
):
    o = _naar_4(traject, procesregisseur)
    client = login(manager)
    html = client.get(reverse("start")).content.decode()
    assert "1 nieuw" in html
    assert f"Traject #{traject.pk} is opgeschaald van niveau 2 naar niveau 4" in html
    client.get(reverse("regiekaart:escalatie", args=[o.pk]))
    assert Melding.objects.get().gelezen_op is not None
    assert "1 nieuw" not in client.get(reverse("start")).content.decode()


def test_marking_all_notifications_read(login, manager, traject, procesregisseur):
    _naar_4(traject, procesregisseur)
    client = login(manager)
    assert client.post(reverse("regiekaart:meldingen_gelezen")).status_code == 302
    assert not Melding.objects.filter(gelezen_op__isnull=True).exists()


def test_the_manager_records_the_resolution(login, manager, opschaling):
    client = login(manager)
    url = reverse("regiekaart:afhandelen", args=[opschaling.pk])
    response = client.post(url, {"oplossing": "  "}, follow=True)
    assert "Beschrijf hoe de escalatie is afgehandeld." in response.content.decode()
    response = client.post(url, {"oplossing": "Gesprek met beide teams gevoerd."}, follow=True)
    assert "De escalatie is afgehandeld." in response.content.decode()
    opschaling.refresh_from_db()
    assert (opschaling.opgelost_door, opschaling.oplossing) == (
        manager,
        "Gesprek met beide teams gevoerd.",
    )
    assert AuditEntry.objects.filter(
        action=AuditActie.UPDATE, object_id=str(opschaling.pk), detail="afgehandeld"
    ).exists()
    assert not client.get(reverse("regiekaart:escalaties")).context["page"].object_list


def test_empty_states(login, manager):
    html = login(manager).get(reverse("start")).content.decode()
    assert "Geen meldingen." in html
    assert "Er zijn geen openstaande escalaties." in html
    html = login(manager).get(reverse("regiekaart:escalaties")).content.decode()
    assert "Er zijn geen openstaande escalaties." in html
