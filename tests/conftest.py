"""Personas shared by the whole suite (healthchecks style: who is who is in the name).

Organisation A (Sociaal Team Gouda) is where the case roles work; "buitenstaander" is a
procesregisseur of organisation B with no relation to anything in A.
"""

import contextlib

import pytest
from django.db import connection

from regie.constants import OrganisatieSoort, Rol
from tests.factories import OrganisatieFactory, UserFactory

PERSONAS = [
    "anoniem",
    "procesregisseur",
    "casusregisseur",
    "manager",
    "aandachtsfunctionaris",
    "agendahouder",
    "beheerder",
    "privacyfunctionaris",
    "buitenstaander",
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
def eigen_criterium(org_a):
    from huishoudens.services import startcriterium_add

    return startcriterium_add(
        organisatie=org_a, tekst="Er is sprake van schulden boven 10.000 euro."
    )


@pytest.fixture
def procesregisseur_actie(db):
    from huishoudens.models import FaseActie

    return FaseActie.objects.filter(fase="1", rol="procesregisseur").first()


SEEDED = [  # (model with seeded rows, the data migration that loads them)
    ("huishoudens.FaseActie", "huishoudens.migrations.0002_werkproces"),
    ("plannen.UitnodigingSjabloon", "plannen.migrations.0007_uitnodigingen"),
    ("regiekaart.Niveau", "regiekaart.migrations.0002_niveaus"),
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

    for model, migration in SEEDED:
        if not apps.get_model(model).objects.exists():
            importlib.import_module(migration).load(apps, None)


# --- plannen: an Ondersteuningsplan with one goal and Karim's action, fixed once ---------


@pytest.fixture
def plan(traject, casusregisseur, procesregisseur):
    import datetime

    from plannen import services

    plan = services.plan_ensure(traject=traject)
    doel = services.doel_add(
        plan=plan, tekst="De schulden zijn in beeld en er is een betalingsregeling."
    )
    services.actie_add(
        doel=doel,
        door=procesregisseur,
        wat="Aanmelden bij schuldhulpverlening",
        wie_user=casusregisseur,
        wanneer=datetime.date.today() + datetime.timedelta(days=14),
    )
    return plan


@pytest.fixture
def doel(plan):
    return plan.doelen.get()


@pytest.fixture
def plan_actie(doel):
    return doel.acties.get()


@pytest.fixture
def planversie(plan, procesregisseur):
    from plannen.services import plan_fix

    return plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")


@pytest.fixture
def gerenderde_versie(planversie):
    """A fixed version whose PDF has been rendered (the task run in-process)."""
    from plannen.models import PlanPdf
    from plannen.tasks import render_plan_pdf

    render_plan_pdf(PlanPdf.objects.get(versie=planversie).pk)
    return planversie


@pytest.fixture
def overleg(traject, procesregisseur):
    import datetime

    from plannen.services import overleg_plan

    return overleg_plan(
        traject=traject,
        door=procesregisseur,
        soort="start",
        datum=datetime.date.today() + datetime.timedelta(days=7),
        begin=datetime.time(10),
        eind=datetime.time(11, 30),
        locatie="Stadhuis Gouda",
        voorzitter=procesregisseur,
        genodigden=[
            {"naam": "Anna Jansen", "email": "", "rol": "ouder", "moet": True},
            {"naam": "Karim", "email": "karim@regie.test", "rol": "casusregisseur", "moet": False},
        ],
    )


@pytest.fixture
def genodigde(overleg):
    """The invitee without e-mail (gets a letter)."""
    return overleg.genodigden.get(naam="Anna Jansen")


# --- a real Celery worker on the Redis started by scripts/test.sh ------------------------


@pytest.fixture
def redis_worker(settings):
    """A real Celery worker (in a thread) on the Redis that scripts/test.sh started."""
    import os

    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.fail("TEST_REDIS_URL is not set: run the suite with scripts/test.sh")
    with worker_on(url, settings) as worker:
        yield worker


@contextlib.contextmanager
def celery_on(url, settings, *, results=True):
    """Point the Celery app at the Redis at `url` (no eager tasks) for the block. Production
    keeps no results; tests that wait for a task's result store them in the same Redis."""
    from regie.celery import app

    previous = {k: app.conf[k] for k in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(
        broker_url=url, result_backend=url if results else None, task_always_eager=False
    )
    _reset_connections(app)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        yield app
    finally:
        app.conf.update(previous)
        _reset_connections(app)


@contextlib.contextmanager
def worker_on(url, settings):
    """A worker (solo pool, in a thread) on the Redis at `url`."""
    import celery.contrib.testing.tasks  # noqa: F401  (registers celery.ping)
    from celery.contrib.testing.worker import start_worker

    with (
        celery_on(url, settings) as app,
        start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker,
    ):
        yield worker


def _reset_connections(app):
    # Connections and the result backend are cached on the app with the URL of their
    # first use (other tests ran eagerly); start from scratch with the current settings.
    app.close()
    app._pool = None
    app.amqp._producer_pool = None
    app.__dict__.pop("backend", None)
    app._local.__dict__.pop("backend", None)


@pytest.fixture
def smtp_sink(settings):
    """A local SMTP server (aiosmtpd); Django sends to it over real SMTP."""
    from regie.smtp_sink import SmtpSink

    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        yield sink


# --- regiekaart (#6): Petra escalates the traject from level 2 to 3 (D, Z, B and O hold) --


REGIEKAART_CRITERIA_3 = {
    "D": (True, "Ouders zijn uitgeput."),
    "Z": (True, "Post blijft liggen."),
    "B": (True, "Schuldhulp is nodig."),
    "O": (True, "Geschreeuw gehoord door de buren."),
}


@pytest.fixture
def opschaling(traject, procesregisseur):
    from regiekaart.services import opschaling_decide

    return opschaling_decide(
        traject=traject,
        door=procesregisseur,
        verwacht_niveau=2,
        criteria=REGIEKAART_CRITERIA_3,
        naar_niveau=3,
    ).opschaling


@pytest.fixture
def kaartinvulling(org_a, beheerder):
    from regiekaart.services import kaartinvulling_save

    return kaartinvulling_save(
        door=beheerder,
        gemeente=org_a.gemeente,
        rol="wethouder",
        naam="Anita de Groot",
        toelichting="portefeuille Jeugd",
    )


# --- meldcode (#10): Karim opened a dossier on the traject for Anna -----------------------


@pytest.fixture
def dossier(traject, casusregisseur, gezinslid):
    from meldcode.constants import Aanleiding
    from meldcode.services import dossier_open

    return dossier_open(
        traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT, leden=[gezinslid]
    )


@pytest.fixture
def meldcode_signalen(dossier, casusregisseur):
    """Stap 0 recorded once."""
    from meldcode.services import signalen_record

    return signalen_record(
        dossier=dossier,
        door=casusregisseur,
        vormen=["kindermishandeling"],
        toelichting="Blauwe plek op de arm van Anna, gezien op school.",
    )


@pytest.fixture
def vt_melding(dossier, casusregisseur):
    """A melding bij Veilig Thuis, awaiting feedback."""
    import datetime

    from meldcode.services import melding_record

    return melding_record(
        dossier=dossier,
        door=casusregisseur,
        op=datetime.date.today(),
        inhoud="Signalen van kindermishandeling gemeld.",
        referentie="VT-2026-0042",
    )


@pytest.fixture
def dossier_toegang(dossier, casusregisseur, org_a):
    """Karim granted a colleague (not otherwise involved) access by name."""
    from meldcode.services import toegang_grant

    collega = _persona(org_a, Rol.CASUSREGISSEUR, first_name="Aisha", email="aisha@regie.test")
    return toegang_grant(
        dossier=dossier, door=casusregisseur, user=collega, reden="Geraadpleegd in stap 2."
    )


@pytest.fixture
def crisiscontact(org_a):
    from meldcode.models import CrisisContact

    return CrisisContact.objects.create(
        regio=org_a.gemeente.regio, naam="Crisisdienst GGZ Midden-Holland", telefoon="0182 123 456"
    )


@pytest.fixture
def instrumentscholing(casusregisseur):
    import datetime

    from meldcode.models import InstrumentScholing

    return InstrumentScholing.objects.create(
        user=casusregisseur, instrument="arij", geschoold_op=datetime.date(2025, 9, 1)
    )
