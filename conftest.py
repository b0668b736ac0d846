"""The root of the test suite: the personas every test shares (healthchecks style: who is
who is in the name).

Organisation A (Sociaal Team Gouda) is where the case roles work; "buitenstaander" is a
procesregisseur of organisation B with no relation to anything in A.
"""

import pytest
from django.db import connection

from regie.constants import OrganisatieSoort, Rol
from tests.factories import OrganisatieFactory, UserFactory
from tests.personas import PERSONAS

# Domain fixtures live beside their app's tests; the cross-cutting tables (URL authorization,
# audit coverage, browser journeys) in tests/ use them all, so every module is registered.
pytest_plugins = [
    "tests.workers",
    "tests.s3",
    "huishoudens.tests.fixtures",
    "plannen.tests.fixtures",
    "regiekaart.tests.fixtures",
    "meldcode.tests.fixtures",
    "implementatie.tests.fixtures",
]


@pytest.fixture(autouse=True, scope="session")
def _require_postgresql(django_db_setup, django_db_blocker):
    """The suite runs on PostgreSQL (scripts/test.sh starts it); never silently on SQLite."""
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.exit(
                "De tests draaien op PostgreSQL: start ze met scripts/test.sh "
                f"(nu: {connection.vendor}).",
                returncode=3,
            )


@pytest.fixture
def org_a(db):
    return OrganisatieFactory(naam="Sociaal Team Gouda", soort=OrganisatieSoort.LOKAAL_TEAM)


@pytest.fixture
def org_b(db):
    return OrganisatieFactory(naam="GGZ Rivierduinen", soort=OrganisatieSoort.ZORGKETEN)


def _persona(org, rol, **kwargs):
    return UserFactory(organisatie=org, rollen=[rol], with_totp=True, **kwargs)


@pytest.fixture
def procesregisseur(org_a):
    return _persona(org_a, Rol.PROCESREGISSEUR, first_name="Petra", email="petra@regie.test")


@pytest.fixture
def casusregisseur(org_a):
    return _persona(org_a, Rol.CASUSREGISSEUR, first_name="Karim", email="karim@regie.test")


@pytest.fixture
def manager(org_a):
    return _persona(org_a, Rol.MANAGER, first_name="Marieke", email="marieke@regie.test")


@pytest.fixture
def aandachtsfunctionaris(org_a):
    return _persona(org_a, Rol.AANDACHTSFUNCTIONARIS, email="anouk@regie.test")


@pytest.fixture
def agendahouder(org_a):
    return _persona(org_a, Rol.AGENDAHOUDER, email="gert@regie.test")


@pytest.fixture
def regiocoordinator(org_a):
    return _persona(org_a, Rol.REGIOCOORDINATOR, first_name="Roos", email="roos@regie.test")


@pytest.fixture
def beheerder(org_a):
    return _persona(org_a, Rol.BEHEERDER, first_name="Bram", email="bram@regie.test")


@pytest.fixture
def privacyfunctionaris(org_a):
    return _persona(org_a, Rol.PRIVACYFUNCTIONARIS, email="fatima@regie.test")


@pytest.fixture
def buitenstaander(org_b):
    return _persona(org_b, Rol.PROCESREGISSEUR, first_name="Bob", email="bob@regie.test")


@pytest.fixture
def personas(request, db):
    """All personas by name (None for the anonymous visitor)."""
    return {name: None if name == "anoniem" else request.getfixturevalue(name) for name in PERSONAS}


@pytest.fixture
def login(client):
    """`login(user)` signs `client` in as that user (past password and MFA)."""

    def _login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def _empty_cache():
    """allauth's rate limits (e.g. 30 logins a minute per address) count in the cache; every
    test starts with none used, as every test starts with an empty database."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashers cost ~0.3 s per password; the login tests do not measure hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
