"""The regiekaart's policy and the manager's page, for what mutation testing found untested
(issue #16): the municipal part of the manager's level distribution, who may decide and
resolve, and the seed rows the escalation page shows.

002 ch. 5: "Opschalen naar manager"; the summary table's "Bestuurlijk: Wethouder /
Burgemeester en wethouder verantwoordelijk" makes the municipality answerable for the
trajecten of its households, hence a manager of an organisation of kind Gemeente sees those
(regiekaart/README.md, "Manager scope").
"""

import pytest
from django.urls import reverse

from regie.constants import OrganisatieSoort, Rol
from regiekaart.models import Opschaling
from regiekaart.policy import (
    manager_scope,
    managers_for,
    may_escalate,
    may_escalate_now,
    may_hand_over_procesregie,
    may_resolve,
)
from regiekaart.selectors.manager import verdeling
from tests.factories import (
    GemeenteFactory,
    HuishoudenFactory,
    OrganisatieFactory,
    TrajectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _als(user, rol):
    user.active_role = rol
    return user


def _counts(user):
    return [aantal for _niveau, aantal in verdeling(user)]


def _manager_of(org):
    return _als(UserFactory(organisatie=org, rollen=[Rol.MANAGER]), Rol.MANAGER)


def test_a_municipality_s_manager_counts_the_trajecten_of_its_households(org_b):
    gouda = GemeenteFactory(naam="Gouda")
    leiden = GemeenteFactory(naam="Leiden")
    wethouder = _manager_of(OrganisatieFactory(soort=OrganisatieSoort.GEMEENTE, gemeente=gouda))
    elders = UserFactory(organisatie=org_b)  # a regisseur of no organisation of the manager
    TrajectFactory(huishouden=HuishoudenFactory(gemeente=gouda), procesregisseur=elders)
    TrajectFactory(huishouden=HuishoudenFactory(gemeente=gouda))  # no regisseur at all
    TrajectFactory(huishouden=HuishoudenFactory(gemeente=leiden), procesregisseur=elders)
    assert _counts(wethouder) == [0, 2, 0, 0, 0]


def test_a_manager_of_another_kind_in_that_municipality_does_not(org_b):
    gouda = GemeenteFactory(naam="Gouda")
    team = _manager_of(OrganisatieFactory(soort=OrganisatieSoort.LOKAAL_TEAM, gemeente=gouda))
    TrajectFactory(huishouden=HuishoudenFactory(gemeente=gouda), procesregisseur=UserFactory())
    assert _counts(team) == [0, 0, 0, 0, 0]


def test_the_distribution_counts_the_regisseurs_of_the_own_organisation_and_own_staff(org_a):
    baas = _manager_of(org_a)
    TrajectFactory(procesregisseur=UserFactory(organisatie=org_a))
    TrajectFactory(casusregisseurs=[UserFactory(manager=baas)])  # staff elsewhere
    TrajectFactory(procesregisseur=UserFactory())  # neither
    assert _counts(baas) == [0, 2, 0, 0, 0]


def test_a_manager_without_organisation_counts_only_their_own_staff():
    baas = _als(UserFactory(organisatie=None, rollen=[Rol.MANAGER]), Rol.MANAGER)
    TrajectFactory(procesregisseur=UserFactory(manager=baas))
    TrajectFactory(procesregisseur=UserFactory())
    assert _counts(baas) == [0, 1, 0, 0, 0]


def test_no_scope_outside_the_manager_role(manager):
    _als(manager, Rol.CASUSREGISSEUR)
    TrajectFactory(procesregisseur=UserFactory(organisatie=manager.organisatie))
    assert _counts(manager) == [0, 0, 0, 0, 0]
    assert not Opschaling.objects.filter(manager_scope(manager)).exists()


def test_who_may_decide_hand_over_and_resolve(traject, procesregisseur, casusregisseur, manager):
    """002 ch. 3: both regisseurs "Schaalt op- en af zoals beschreven in de regiekaart"; the
    handover of procesregie (fase 6a) belongs to the procesregisseur who holds it."""
    petra = _als(procesregisseur, Rol.PROCESREGISSEUR)
    karim = _als(casusregisseur, Rol.CASUSREGISSEUR)
    assert may_escalate(petra, traject) and may_escalate(karim, traject)
    assert may_escalate_now(petra, traject) and may_escalate_now(karim, traject)
    assert may_hand_over_procesregie(petra, traject)
    assert not may_hand_over_procesregie(karim, traject)
    _als(manager, Rol.MANAGER)
    assert not may_escalate(manager, traject) and not may_escalate_now(manager, traject)
    # Acting in another role than a case role: no decision, no handover.
    _als(petra, Rol.MANAGER)
    assert may_escalate(petra, traject) and not may_escalate_now(petra, traject)
    assert not may_hand_over_procesregie(petra, traject)


def test_resolving_an_escalation(
    opschaling, procesregisseur, casusregisseur, manager, buitenstaander
):
    assert may_resolve(_als(manager, Rol.MANAGER), opschaling)
    assert may_resolve(_als(casusregisseur, Rol.CASUSREGISSEUR), opschaling)
    assert not may_resolve(_als(buitenstaander, Rol.PROCESREGISSEUR), opschaling)
    assert not may_resolve(_als(procesregisseur, Rol.BEHEERDER), opschaling)


def test_managers_for_an_escalation_of_the_municipality(opschaling, traject, manager, org_b):
    gemeente = OrganisatieFactory(
        soort=OrganisatieSoort.GEMEENTE, gemeente=traject.huishouden.gemeente
    )
    wethouder = UserFactory(organisatie=gemeente, rollen=[Rol.MANAGER])
    UserFactory(organisatie=gemeente, rollen=[Rol.CASUSREGISSEUR])  # not a manager
    UserFactory(organisatie=gemeente, rollen=[Rol.MANAGER], is_active=False)
    UserFactory(organisatie=org_b, rollen=[Rol.MANAGER])  # elsewhere
    assert list(managers_for(opschaling)) == [manager, wethouder]
    opschaling.organisatie_id = opschaling.gemeente_id = opschaling.manager_id = None
    assert list(managers_for(opschaling)) == []


# --- the escalation page shows the seed rows (002 ch. 5) -------------------------------------


def test_the_escalation_page_shows_the_afschalen_p_and_visieverschil_rows(
    login, manager, opschaling
):
    """The rows as the seed words them, not as `rules` holds them (issue #16: a VO/VI rule
    could crash this page unnoticed). From level 3: wait for P and V, P's option, VO, VI."""
    from regiekaart.tests.test_regiekaart_seed_tabel import SEED_TEKSTEN

    codes = ["afschalen_wacht_P", "afschalen_wacht_V", "P", "VO", "VI", "afschalen_naar_2"]
    Opschaling.objects.filter(pk=opschaling.pk).update(regels=codes, van_niveau=3)
    response = login(manager).get(reverse("regiekaart:escalatie", args=[opschaling.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for code in codes:
        tekst = SEED_TEKSTEN[code, 3]
        assert tekst.replace("\n", "<br>") in html, code


def test_an_anonymous_visitor_decides_nothing(traject):
    from django.contrib.auth.models import AnonymousUser

    assert may_escalate(AnonymousUser(), traject) is False
    assert may_escalate_now(AnonymousUser(), traject) is False


def test_a_regisseur_has_no_manager_scope(opschaling, procesregisseur):
    """The escalation has the regisseur's organisation; a regisseur of that organisation,
    acting as regisseur, still sees none of the manager's escalations."""
    petra = _als(procesregisseur, Rol.PROCESREGISSEUR)
    assert opschaling.organisatie_id == petra.organisatie_id
    assert not Opschaling.objects.filter(manager_scope(petra)).exists()


def test_the_regisseurs_own_manager_is_notified(opschaling, org_b):
    eigen = UserFactory(organisatie=org_b, rollen=[Rol.MANAGER])
    opschaling.manager_id = eigen.pk
    assert eigen in list(managers_for(opschaling))
    opschaling.organisatie_id = opschaling.gemeente_id = None
    assert list(managers_for(opschaling)) == [eigen]
