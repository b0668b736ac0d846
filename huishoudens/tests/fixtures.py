"""Domain fixtures of huishoudens: a household with a traject (Petra procesregisseur, Karim
casusregisseur), its members, network, signal, handover and the seeded werkproces data.
Registered for the whole suite by the root conftest.py."""

import pytest

# --- a household with a traject: Petra is procesregisseur, Karim casusregisseur ----------


@pytest.fixture
def traject(procesregisseur, casusregisseur):
    from tests.factories import GezinslidFactory, TrajectFactory

    traject = TrajectFactory(
        procesregisseur=procesregisseur,
        casusregisseurs=[casusregisseur],
        huishouden__aangemaakt_door=procesregisseur,
    )
    GezinslidFactory(huishouden=traject.huishouden, voornaam="Anna")
    return traject


@pytest.fixture
def netwerklid(traject):
    from huishoudens.models import Netwerklid

    return Netwerklid.objects.create(huishouden=traject.huishouden, naam="Riet van Dam", rol="oma")


@pytest.fixture
def gezinslid(traject):
    return traject.huishouden.leden.get()


@pytest.fixture
def signaal(traject, procesregisseur):
    from huishoudens.services import signaal_create

    return signaal_create(traject=traject, door=procesregisseur, omschrijving="Geschreeuw gehoord")


@pytest.fixture
def overdracht(traject, procesregisseur, casusregisseur):
    """Petra proposes to hand procesregie over to Karim (awaiting his decision)."""
    import datetime

    from huishoudens.services import overdracht_propose

    return overdracht_propose(
        traject=traject,
        rol="procesregisseur",
        van=procesregisseur,
        naar=casusregisseur,
        per=datetime.date.today(),
    )


@pytest.fixture
def nazorgafspraak(traject, procesregisseur):
    """An aftercare agreement of fase 6b (issue #12)."""
    from huishoudens.afsluiting import nazorg_add

    return nazorg_add(
        traject=traject,
        door=procesregisseur,
        wie="Wijkcoach",
        wat="Maandelijks huisbezoek",
        wanneer="vanaf 1 maart",
        hoe_vaak="maandelijks",
        vragen_bij="Wijkteam Noord, 0800-1234",
    )


@pytest.fixture
def informele_casusregisseur(traject, netwerklid, procesregisseur):
    """Oma Riet holds casusregie for the household (002 ch. 5 Niveau 1; issue #12)."""
    from huishoudens.afsluiting import informele_casusregisseur_assign

    return informele_casusregisseur_assign(
        traject=traject, door=procesregisseur, netwerklid=netwerklid, leefgebieden=["wonen"]
    )


@pytest.fixture
def eigen_criterium(org_a):
    from huishoudens.services import startcriterium_add

    return startcriterium_add(
        organisatie=org_a, tekst="Er is sprake van schulden boven 10.000 euro."
    )


@pytest.fixture
def procesregisseur_actie(db):
    from huishoudens.models import FaseActie

    return FaseActie.objects.filter(fase="1", rol="procesregisseur").first()


SEEDED = [  # (model with seeded rows, the data migrations that load them, in order)
    ("huishoudens.FaseActie", ["huishoudens.migrations.0002_werkproces"]),
    (
        "plannen.UitnodigingSjabloon",
        [
            "plannen.migrations.0007_uitnodigingen",
            "plannen.migrations.0011_uitnodiging_professional",
        ],
    ),
    ("regiekaart.Niveau", ["regiekaart.migrations.0002_niveaus"]),
]


@pytest.fixture
def werkproces(transactional_db):
    """The seeded data (phase actions and start criteria, invitation templates, the levels
    of the regiekaart) as the data migrations load them.

    Every transactional test flushes the database when it ends, so after the first browser
    test of the session they are gone. serialized_rollback cannot restore them here: Django
    keeps the serialized copy on the thread-local connection, and once Playwright's event loop
    runs the test gets another connection object (see tests/browser.py)."""
    import importlib

    from django.apps import apps

    for model, migrations in SEEDED:
        if not apps.get_model(model).objects.exists():
            for migration in migrations:
                importlib.import_module(migration).load(apps, None)
