"""Domain fixtures of implementatie's evaluation (002 DEEL I; issue #14). Imported by the
tests that use them (tests/test_url_authorization.py, tests/test_invoer_robuust.py); the
root conftest.py may register this module for the whole suite."""

from types import SimpleNamespace

import pytest


@pytest.fixture
def vragenlijsten(db):
    """The questionnaires as migration 0003_evaluatie loads them (again after a flush)."""
    import importlib

    from django.apps import apps

    from implementatie.models import Vragenlijst

    if not Vragenlijst.objects.exists():
        importlib.import_module("implementatie.migrations.0003_evaluatie").load(apps, None)
    return Vragenlijst.objects.all()


@pytest.fixture
def traject_6b(traject):
    """The fixtures' traject at its last overleg (fase 6b)."""
    from huishoudens.constants import Fase
    from huishoudens.models import Traject

    Traject.objects.filter(pk=traject.pk).update(fase=Fase.AFSLUITEN)
    traject.refresh_from_db()
    return traject


@pytest.fixture
def evaluatie_link(vragenlijsten, org_a):
    """A fresh personal link of the evaluation (group klant); `.token` is the secret."""
    from implementatie.models import Vragenlijst
    from implementatie.services_evaluatie import _link_create

    token = _link_create(
        vragenlijst=Vragenlijst.objects.get(sleutel="evaluatie"), groep="klant", organisatie=org_a
    )
    return SimpleNamespace(token=token)


@pytest.fixture
def enquete(vragenlijsten, aandachtsfunctionaris):
    """A client-panel survey of organisation A, sent by its aandachtsfunctionaris."""
    from implementatie.models import Vragenlijst
    from implementatie.services_evaluatie import enquete_create

    return enquete_create(
        vragenlijst=Vragenlijst.objects.get(sleutel="klantpanel"),
        titel="Klantpanel voorjaar",
        door=aandachtsfunctionaris,
        niveau="organisatie",
    )
