"""The declaration rules of `VisibleQuerySet` and its `user_field` rule (issue #16: mutation
testing found them unchecked; `regie.visibility`). A queryset with personal data declares
exactly one base rule, so no model can be readable by everyone through a missing rule."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured

from regie.constants import Rol
from regie.models import Competentie
from regie.visibility import VisibleQuerySet
from tests.factories import CompetentieFactory, UserFactory


def test_a_queryset_must_declare_a_rule():
    with pytest.raises(ImproperlyConfigured, match="must declare"):

        class Geen(VisibleQuerySet):
            pass


@pytest.mark.parametrize(
    "rules",
    [
        {"household_field": "huishouden_id", "user_field": "user"},
        {"household_field": "huishouden_id", "visible_to_role": Rol.BEHEERDER},
        {"visible_to_role": Rol.BEHEERDER, "user_field": "user"},
    ],
)
def test_a_queryset_declares_one_rule_only(rules):
    with pytest.raises(ImproperlyConfigured, match="more than one rule"):
        type("Twee", (VisibleQuerySet,), dict(rules))


@pytest.mark.parametrize(
    "rules",
    [
        {"household_field": "huishouden_id"},
        {"visible_to_role": Rol.BEHEERDER},
        {"user_field": "user"},
        {"visible": lambda self, user: self.none()},  # a special case of its own
    ],
)
def test_one_rule_or_an_own_visible_is_accepted(rules):
    assert issubclass(type("Een", (VisibleQuerySet,), dict(rules)), VisibleQuerySet)


class EigenQuerySet(VisibleQuerySet):
    user_field = "user"


@pytest.mark.django_db
def test_the_user_field_rule_shows_the_rows_naming_the_user():
    eigen, ander = UserFactory(), UserFactory()
    mijn = CompetentieFactory(user=eigen)
    CompetentieFactory(user=ander)
    qs = EigenQuerySet(model=Competentie)
    assert list(qs.for_user(eigen)) == [mijn]
    assert list(qs.for_user(AnonymousUser())) == []
