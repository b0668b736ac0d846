"""A traject's level on its page and the regiekaart page: the card with its named people,
the checks (Veiligheidsplan, competence profiles, the Zorg- en Veiligheidshuis at level 4),
the advice, and deciding through the form (issue #6; seed 002 ch. 5)."""

import datetime

import pytest
from django.urls import reverse

from huishoudens.models import Overdracht
from regie.constants import AuditActie, OrganisatieSoort, Rol
from regie.models import AuditEntry
from regiekaart.models import Opschaling
from regiekaart.selectors import niveau_stand
from regiekaart.services import kaartinvulling_save, opschaling_decide
from regiekaart.tests.fixtures import REGIEKAART_CRITERIA_3
from tests.factories import CompetentieFactory, OrganisatieFactory, UserFactory

pytestmark = pytest.mark.django_db

DZBOK = {c: (True, f"{c} geldt.") for c in "DZBOK"}


def _post(client, traject, stap="besluit", **data):
    body = {"verwacht_niveau": niveau_stand(traject)[0], "stap": stap, **data}
    return client.post(reverse("regiekaart:traject", args=[traject.pk]), body)


def _naar(traject, door, criteria, naar):
    return opschaling_decide(
        traject=traject,
        door=door,
        verwacht_niveau=niveau_stand(traject)[0],
        criteria=criteria,
        naar_niveau=naar,
    )


def test_the_traject_page_shows_the_start_level_and_a_link_to_assess(
    login, procesregisseur, traject
):
    html = login(procesregisseur).get(traject.get_absolute_url()).content.decode()
    assert 'class="badge niveau-badge niveau-2"' in html
    assert "Niveau 2 (geel)" in html
    assert "Startniveau: nog niet beoordeeld." in html
    assert "Beoordelen / op- of afschalen" in html
    assert reverse("regiekaart:kleuren") in html


def test_a_casusregisseur_decides_beside_the_procesregisseur(login, casusregisseur, traject):
    """Issue #12: 002 ch. 3, Casusregie: the casusregisseur "Schaalt op- en af zoals
    beschreven in de regiekaart"; 002 Fase 4: "Schaal indien nodig op en als het kan af".
    This traject has a procesregisseur (Petra) as well."""
    client = login(casusregisseur)
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "Beoordelen / op- of afschalen" in html
    page = client.get(reverse("regiekaart:traject", args=[traject.pk]))
    assert page.status_code == 200 and page.context["form"] is not None
    response = _post(client, traject, naar_niveau=1)
    assert response.status_code == 302
    assert Opschaling.objects.get().door == casusregisseur
    assert niveau_stand(traject)[0] == 1


def test_the_procesregisseur_sees_the_advice_then_follows_it(login, procesregisseur, traject):
    client = login(procesregisseur)
    criteria = {f"c_{c}": "on" for c in "DZBO"} | {f"t_{c}": "toelichting" for c in "DZBO"}

    advies = _post(client, traject, stap="advies", naar_niveau=2, **criteria)
    assert advies.status_code == 200
    html = advies.content.decode()
    assert "Opschalen van niveau 2 naar niveau 3." in html
    assert "→ Opschalen naar niveau 3" in html
    assert advies.context["form"]["naar_niveau"].value() == "3"  # the decision starts at it
    assert not Opschaling.objects.exists()

    response = _post(client, traject, naar_niveau=3, **criteria)
    assert response.status_code == 302
    o = Opschaling.objects.get()
    assert (o.van_niveau, o.naar_niveau, o.advies_gevolgd) == (2, 3, True)
    assert AuditEntry.objects.filter(
        action=AuditActie.CREATE,
        household_id=traject.huishouden_id,
        detail="niveau 2 -> 3",
        object_type="regiekaart.Beoordeling",
    ).exists()

    page = client.get(reverse("regiekaart:traject", args=[traject.pk])).content.decode()
    assert "Het traject staat nu op niveau 3." in page
    assert "Opgeschaald" in page and "advies gevolgd" in page


def test_the_form_explains_what_is_missing_in_dutch(login, procesregisseur, traject):
    client = login(procesregisseur)
    response = _post(client, traject, c_D="on", naar_niveau=2, naar_manager="on")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Licht toe waarom D geldt." in html
    assert "Beschrijf wat u van de manager vraagt." in html
    # Asking the manager without VO or VI deviates from the advice.
    assert "Uw besluit wijkt af van het advies (niveau 2)." in html
    # No criteria at level 2 advise level 1: keeping level 2 is a deviation.
    response = _post(client, traject, naar_niveau=2)
    assert (
        "Uw besluit wijkt af van het advies (niveau 1). Volg het advies of geef de reden "
        "waarom u afwijkt." in response.content.decode()
    )
    assert not Opschaling.objects.exists()


def test_a_stale_form_is_refused_after_a_colleague_decided(login, procesregisseur, traject):
    client = login(procesregisseur)
    _naar(traject, procesregisseur, REGIEKAART_CRITERIA_3, 3)
    response = client.post(
        reverse("regiekaart:traject", args=[traject.pk]),
        {"verwacht_niveau": 2, "stap": "besluit", "naar_niveau": 1},
        follow=True,
    )
    assert "intussen vastgesteld op niveau 3" in response.content.decode()
    assert Opschaling.objects.count() == 1


def test_the_competence_check_names_who_lacks_the_profile(
    login, procesregisseur, casusregisseur, traject
):
    CompetentieFactory(user=procesregisseur, profiel="proces_a")
    CompetentieFactory(user=casusregisseur, profiel="casus_a")
    client = login(procesregisseur)
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "De regisseurs hebben het competentieprofiel dat niveau 2 vraagt." in html

    _naar(traject, procesregisseur, REGIEKAART_CRITERIA_3, 3)
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "Niveau 3 vraagt competentieprofiel B:" in html
    assert (
        f"{procesregisseur.get_full_name()} (procesregisseur) heeft niet het competentieprofiel "
        "Procesregisseur B." in html
    )
    assert (
        f"{casusregisseur.get_full_name()} (casusregisseur) heeft niet het competentieprofiel "
        "Casusregisseur B." in html
    )
    # B+ covers B, and a procesregisseur B profile covers casusregisseur B (002 ch. 6).
    CompetentieFactory(user=procesregisseur, profiel="proces_b_plus")
    CompetentieFactory(user=casusregisseur, profiel="proces_b")
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "De regisseurs hebben het competentieprofiel dat niveau 3 vraagt." in html


def test_levels_3_to_5_ask_for_a_veiligheidsplan(login, procesregisseur, traject):
    from plannen.services import plan_ensure, veiligheidsplan_start

    client = login(procesregisseur)
    assert "Veiligheidsplan nodig" not in client.get(traject.get_absolute_url()).content.decode()
    _naar(traject, procesregisseur, REGIEKAART_CRITERIA_3, 3)
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "Op niveau 3 is een Veiligheidsplan nodig" in html
    assert reverse("plannen:veiligheidsplan", args=[traject.pk]) in html
    veiligheidsplan_start(plan=plan_ensure(traject=traject), namen="Anna")
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "Er is een Veiligheidsplan." in html


def test_level_4_proposes_handing_procesregie_to_the_zorg_en_veiligheidshuis(
    login, procesregisseur, traject
):
    zvh = OrganisatieFactory(
        naam="ZVH Hollands Midden",
        soort=OrganisatieSoort.ZORG_EN_VEILIGHEIDSHUIS,
        gemeente=traject.huishouden.gemeente,
    )
    sanne = UserFactory(organisatie=zvh, rollen=[Rol.PROCESREGISSEUR], first_name="Sanne")
    _naar(traject, procesregisseur, DZBOK, 4)
    client = login(procesregisseur)
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "Op niveau 4 ligt de procesregie bij het Zorg- en Veiligheidshuis." in html
    assert "Overdracht voorstellen" in html

    page = client.get(reverse("regiekaart:traject", args=[traject.pk]))
    assert list(page.context["overdracht_form"].fields["naar"].queryset) == [sanne]
    response = client.post(
        reverse("regiekaart:overdracht", args=[traject.pk]),
        {"naar": sanne.pk, "per": datetime.date.today().isoformat()},
    )
    assert response.status_code == 302
    overdracht = Overdracht.objects.get()
    assert (overdracht.naar, overdracht.van, overdracht.rol) == (
        sanne,
        procesregisseur,
        "procesregisseur",
    )
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "wacht op acceptatie" in html


def test_the_zvh_handover_is_the_procesregisseurs_not_the_casusregisseurs(
    login, procesregisseur, casusregisseur, traject
):
    """The casusregisseur may escalate to level 4 (issue #12), but handing over procesregie
    is for its holder (fase 6a)."""
    OrganisatieFactory(
        naam="ZVH Hollands Midden",
        soort=OrganisatieSoort.ZORG_EN_VEILIGHEIDSHUIS,
        gemeente=traject.huishouden.gemeente,
    )
    _naar(traject, casusregisseur, DZBOK, 4)
    client = login(casusregisseur)
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "Op niveau 4 ligt de procesregie bij het Zorg- en Veiligheidshuis." in html
    assert "Overdracht voorstellen" not in html
    response = client.post(
        reverse("regiekaart:overdracht", args=[traject.pk]),
        {"naar": procesregisseur.pk, "per": datetime.date.today().isoformat()},
    )
    assert response.status_code == 403
    assert not Overdracht.objects.exists()


def test_the_panel_shows_the_people_the_card_names_for_the_level(
    login, procesregisseur, traject, beheerder, org_a
):
    kaartinvulling_save(
        door=beheerder, gemeente=traject.huishouden.gemeente, rol="wethouder", naam="Anita de Groot"
    )
    kaartinvulling_save(
        door=beheerder, organisatie=org_a, rol="manager", naam="Marieke Jansen", contact="0182-123"
    )
    kaartinvulling_save(
        door=beheerder, gemeente=traject.huishouden.gemeente, rol="burgemeester", naam="P. Burg"
    )
    html = login(procesregisseur).get(traject.get_absolute_url()).content.decode()
    assert "Anita de Groot" in html and "Marieke Jansen" in html and "0182-123" in html
    assert "P. Burg" not in html  # the burgemeester is named from level 4
    assert "Ketenmanager" not in html


def test_the_traject_page_stays_small_in_queries(
    login, procesregisseur, traject, django_assert_max_num_queries
):
    client = login(procesregisseur)
    url = traject.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(60) as before:
        client.get(url)
    _naar(traject, procesregisseur, REGIEKAART_CRITERIA_3, 3)
    with django_assert_max_num_queries(len(before.captured_queries) + 2):  # + Veiligheidsplan
        client.get(url)


def test_resolving_from_the_traject_page(login, procesregisseur, opschaling):
    client = login(procesregisseur)
    url = reverse("regiekaart:afhandelen", args=[opschaling.pk])
    response = client.post(url, {"oplossing": ""}, follow=True)
    assert "Beschrijf hoe de escalatie is afgehandeld." in response.content.decode()
    client.post(url, {"oplossing": "Veiligheidsafspraken werken."})
    opschaling.refresh_from_db()
    assert opschaling.oplossing == "Veiligheidsafspraken werken."
    assert AuditEntry.objects.filter(
        action=AuditActie.UPDATE, object_type="regiekaart.Opschaling", detail="afgehandeld"
    ).exists()


def test_mijn_trajecten_shows_each_trajects_level(login, procesregisseur, traject):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regiekaart.services import opschaling_decide
    from tests.factories import TrajectFactory

    client = login(procesregisseur)
    html = client.get(reverse("start")).content.decode()
    assert "Regieniveau" in html and "Niveau 2 (geel)" in html and "nog niet beoordeeld" in html
    opschaling_decide(
        traject=traject,
        door=procesregisseur,
        verwacht_niveau=2,
        criteria={c: (True, "") for c in "DZBO"},
        naar_niveau=3,
    )
    html = client.get(reverse("start")).content.decode()
    assert "Niveau 3 (oranje)" in html and "nog niet beoordeeld" not in html

    with CaptureQueriesContext(connection) as een:
        client.get(reverse("start"))
    for _ in range(4):
        TrajectFactory(procesregisseur=procesregisseur)
    with CaptureQueriesContext(connection) as vijf:
        client.get(reverse("start"))
    assert len(vijf) == len(een), "the columns read all rows at once"
