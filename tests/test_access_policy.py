"""The need-to-know policy in regie.access (issue #2; case relations arrive with #3)."""

import pytest
from django.test import RequestFactory

from regie import access
from regie.constants import Rol
from regie.models import AuditEntry, Organisatie, User


@pytest.fixture
def huishouden(db):
    from tests.factories import HuishoudenFactory

    return HuishoudenFactory()


@pytest.fixture
def relation(huishouden):
    """A case app's relation: user -> households; here every user is in this one household."""

    def everyone_in_it(user):
        return [huishouden.pk]

    access.register_household_relation(everyone_in_it)
    yield everyone_in_it
    access._household_relations.remove(everyone_in_it)


def _visible(user):
    from huishoudens.models import Huishouden

    return set(access.filter_households(Huishouden.objects.all(), user, field="pk"))


def _acting(user):
    user.active_role = user.rollen[0]
    return user


def test_case_roles_see_households_through_registered_relations(
    relation, huishouden, procesregisseur, casusregisseur
):
    assert _visible(_acting(procesregisseur)) == {huishouden}
    assert _visible(_acting(casusregisseur)) == {huishouden}


@pytest.mark.parametrize(
    "persona", ["beheerder", "manager", "aandachtsfunctionaris", "privacyfunctionaris"]
)
def test_roles_outside_case_work_see_no_case_content(db, relation, persona, request):
    user = _acting(request.getfixturevalue(persona))
    assert _visible(user) == set()


def test_registering_a_relation_twice_counts_once(relation):
    access.register_household_relation(relation)
    assert access._household_relations.count(relation) == 1


def test_the_active_role_decides_not_the_roles_held(org_a):
    from tests.factories import UserFactory

    user = UserFactory(organisatie=org_a, rollen=[Rol.BEHEERDER, Rol.PROCESREGISSEUR])
    user.active_role = Rol.PROCESREGISSEUR
    assert not Organisatie.objects.for_user(user).exists()
    assert User.objects.for_user(user).count() == 0
    user.active_role = Rol.BEHEERDER
    assert User.objects.for_user(user).count() == 1


def test_only_the_privacy_officer_reads_the_audit_log(beheerder, privacyfunctionaris):
    AuditEntry.objects.create(action="read", outcome="allowed")
    assert AuditEntry.objects.for_user(_acting(beheerder)).count() == 0
    assert AuditEntry.objects.for_user(_acting(privacyfunctionaris)).count() == 1


def test_get_for_user_or_404_logs_the_denied_attempt(procesregisseur, casusregisseur):
    from django.http import Http404

    request = RequestFactory().get("/x")
    request.user = _acting(procesregisseur)
    with pytest.raises(Http404):
        access.get_user_for_user(request, casusregisseur.pk)
    row = AuditEntry.objects.latest("id")
    assert (row.outcome, row.object_id, row.role) == (
        "denied",
        str(casusregisseur.pk),
        Rol.PROCESREGISSEUR,
    )


def test_switching_role_changes_the_start_page(login, org_a):
    from django.urls import reverse

    from tests.factories import UserFactory

    user = UserFactory(organisatie=org_a, rollen=[Rol.PROCESREGISSEUR, Rol.MANAGER], with_totp=True)
    client = login(user)
    assert "Mijn trajecten" in client.get(reverse("start")).content.decode()
    client.post(reverse("rol_wisselen"), {"rol": Rol.MANAGER})
    assert "Escalaties" in client.get(reverse("start")).content.decode()
    client.post(reverse("rol_wisselen"), {"rol": Rol.BEHEERDER})  # not held: refused
    assert "Escalaties" in client.get(reverse("start")).content.decode()


def test_the_household_filter_is_one_union_subquery_so_postgresql_uses_its_indexes(
    procesregisseur,
):
    """Issue #15: `id IN (a) OR id IN (b)` made PostgreSQL scan whole tables; the relations
    are united into one `IN (a UNION b)`."""
    from huishoudens.models import Huishouden

    user = _acting(procesregisseur)
    sql = str(access.filter_households(Huishouden.objects.all(), user, field="pk").query)
    where = sql.split(" WHERE ", 1)[1]
    assert where.count(" IN (") == 1 and " UNION " in where
