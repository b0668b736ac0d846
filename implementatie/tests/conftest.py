"""Fixtures of the implementatie tests (the personas come from the root conftest)."""

import pytest

from regie.constants import Rol
from tests.factories import OrganisatieFactory, UserFactory


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def org_c(org_a):
    """Another organisation in org A's gemeente."""
    return OrganisatieFactory(naam="Jeugdteam Gouda", gemeente=org_a.gemeente)


@pytest.fixture
def aandachtsfunctionaris_b(org_b):
    return UserFactory(organisatie=org_b, rollen=[Rol.AANDACHTSFUNCTIONARIS], with_totp=True)
