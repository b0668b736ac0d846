"""`regie.access.get_for_user_or_404` for what mutation testing found unchecked (issue #16):
a malformed id is a 404 (never a 500), the object-level restriction applies unless the page
asks for existence only, and the organisation helper returns the organisation."""

import pytest
from django.db.models import Q
from django.http import Http404
from django.test import RequestFactory

from regie import access
from regie.constants import Rol
from regie.models import Competentie, Organisatie
from regie.visibility import VisibleQuerySet
from tests.factories import CompetentieFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


class AlleenEersteQuerySet(VisibleQuerySet):
    """Rows naming the user, and of those only profile casus_a (a restriction)."""

    user_field = "user"

    def restriction(self, user):
        return Q(profiel="casus_a")


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize("pk", ["abc", [1], None, "1.5"])
def test_a_malformed_id_is_a_404(beheerder, pk):
    beheerder.active_role = Rol.BEHEERDER
    with pytest.raises(Http404):
        access.get_for_user_or_404(_request(beheerder), Organisatie.objects, pk)


def test_the_restriction_applies_unless_existence_only(procesregisseur):
    eigen = CompetentieFactory(user=procesregisseur, profiel="proces_a")
    qs = AlleenEersteQuerySet(model=Competentie)
    request = _request(procesregisseur)
    with pytest.raises(Http404):
        access.get_for_user_or_404(request, qs, eigen.pk)
    assert access.get_for_user_or_404(request, qs, eigen.pk, existence_only=True) == eigen


def test_the_organisation_helper_returns_the_organisation(beheerder):
    beheerder.active_role = Rol.BEHEERDER
    org = OrganisatieFactory()
    assert access.get_organisatie_for_user(_request(beheerder), org.pk) == org
    with pytest.raises(Http404):
        access.get_organisatie_for_user(_request(beheerder), org.pk + 1000)
