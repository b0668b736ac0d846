"""The region generator for measurements (issue #15): proportions, the audit chain, and the
pages a load test opens work for its accounts."""

import datetime
import importlib.util
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from huishoudens.constants import Fase
from huishoudens.models import Gezinslid, Huishouden, Traject
from implementatie.regio_generator import genereer, totp_secret
from implementatie.regio_inhoud import GROTE_PLAN_DOELEN
from plannen.models import Genodigde, Ondersteuningsplan, Overleg, PlanVersie
from regie.constants import Rol
from regie.models import AuditEntry, User
from regiekaart.models import Opschaling

PEILDATUM = datetime.date(2026, 11, 1)
BENCH = Path(__file__).resolve().parents[2] / "scripts" / "bench"


@pytest.fixture
def regio(db, werkproces):
    from tests.factories import checklists_geladen

    checklists_geladen()
    return genereer(huishoudens=200, seed=7, peildatum=PEILDATUM)


def test_one_generated_region_is_proportionate_chained_and_usable(regio, login, capsys):
    """One region for all checks: generating it is the slow part."""
    _proportions(regio)
    _reused()
    _chain_intact(capsys)
    _totp_derived()
    _pages_open(login)
    _meetdoelen()


def _meetdoelen():
    """The load test's accounts and ids: the large plan, a dossier its owner sees."""
    from implementatie.meetdoelen import aangemelde_client, meetdoelen

    doelen = meetdoelen(huishoudens=200, seed=7)
    assert doelen["groot_plan"]["doelen"] == GROTE_PLAN_DOELEN
    proces = User.objects.get(email=doelen["procesregisseur"]["email"])
    proces.active_role = Rol.PROCESREGISSEUR
    assert Traject.objects.for_user(proces).filter(pk=doelen["procesregisseur"]["traject"]).exists()
    # Every page scripts/bench.sh measures opens for its persona (an error page is no
    # measurement), with the monitoring computed as the nightly run does.
    from implementatie import monitoring_stand

    monitoring_stand.bijwerken()
    spec = importlib.util.spec_from_file_location("paginas", BENCH / "paginas.py")
    paginas = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(paginas)
    for persona, naam, url in paginas.pagina_s(doelen):
        response = aangemelde_client(doelen[persona]["email"]).get(url)
        assert response.status_code == 200, (naam, url, response.status_code)
        assert "Stand van" in response.content.decode() or "monitoring" not in url, naam


def _proportions(regio):
    assert regio["huishoudens"] == 200 == Huishouden.objects.count()
    assert 2.4 <= Gezinslid.objects.count() / 200 <= 4
    open_ = Traject.objects.exclude(fase=Fase.GESLOTEN).count()
    assert 0.3 <= open_ / 200 <= 0.5
    assert 0.9 <= Overleg.objects.count() / 240 <= 1.4
    assert 4 <= Genodigde.objects.count() / Overleg.objects.count() <= 7
    assert Opschaling.objects.count() == 20
    assert AuditEntry.objects.count() >= 200 * 40
    assert PlanVersie.objects.count() >= 0.4 * 200
    assert max(p.doelen.count() for p in Ondersteuningsplan.objects.all()) == GROTE_PLAN_DOELEN
    from implementatie.models import Implementatieplan

    # The region, its gemeenten (200 households: 2) and their 5 organisations each.
    assert Implementatieplan.objects.count() == 1 + 2 + 10


def _reused():
    assert genereer(huishoudens=200, seed=7, peildatum=PEILDATUM) is None
    assert Huishouden.objects.count() == 200


def _chain_intact(capsys):
    call_command("audit_verify")
    assert "Het auditlog is intact." in capsys.readouterr().out


def _totp_derived():
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    user = User.objects.with_role(Rol.PROCESREGISSEUR).first()
    totp = TOTP(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP))
    import pyotp

    assert totp.validate_code(pyotp.TOTP(totp_secret(user.email)).now())


def _pages_open(login):
    proces = (
        User.objects.with_role(Rol.PROCESREGISSEUR)
        .filter(trajectrollen__tot__isnull=True)
        .distinct()
        .first()
    )
    proces.active_role = Rol.PROCESREGISSEUR
    client = login(proces)
    assert client.get(reverse("start")).status_code == 200
    traject = Traject.objects.for_user(proces).exclude(fase=Fase.GESLOTEN).first()
    assert client.get(reverse("huishoudens:traject", args=[traject.pk])).status_code == 200
    assert client.get(reverse("huishoudens:huishoudens"), {"q": "Jansen"}).status_code == 200
    manager = User.objects.with_role(Rol.MANAGER).first()
    assert login(manager).get(reverse("regiekaart:escalaties")).status_code == 200


def test_the_command_refuses_outside_a_measuring_environment(db, monkeypatch):
    monkeypatch.delenv("REGIE_MEETOMGEVING", raising=False)
    with pytest.raises(CommandError, match="REGIE_MEETOMGEVING"):
        call_command("regio_genereren", huishoudens=50)
