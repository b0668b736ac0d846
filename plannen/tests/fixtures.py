"""Domain fixtures of plannen: an Ondersteuningsplan with one goal and Karim's action,
fixed once, and a planned meeting. Registered for the whole suite by the root conftest.py."""

import pytest

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
