"""The monitoring page and its CSV export (issue #14): who may open them, the scopes a user
may choose, the audit rows, the CSV's numbers, and a query count that does not grow with
the number of trajecten."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from implementatie import monitoring_stand
from implementatie.figuren_periode import Periode
from implementatie.scope import eigen_scope
from plannen.models import Ondersteuningsplan, Overleg
from regie.constants import AuditActie, AuditUitkomst
from regie.models import AuditEntry
from tests.factories import OrganisatieFactory, bulk_trajecten

URL = reverse("implementatie:monitoring")
CSV_URL = reverse("implementatie:monitoring_csv")


def _vullen(aantal, regisseur):
    trajecten = bulk_trajecten(aantal, gemeente=regisseur.organisatie.gemeente, regisseur=regisseur)
    Ondersteuningsplan.objects.bulk_create([Ondersteuningsplan(traject=t) for t in trajecten])
    Overleg.objects.bulk_create(
        [
            Overleg(
                traject=t,
                soort="start",
                datum=datetime.date(2026, 2, 11),
                begin=datetime.time(10),
                eind=datetime.time(11),
                status="gehouden",
                aangemaakt_door=regisseur,
            )
            for t in trajecten
        ]
    )


def _queries(client, persona):
    """Queries of the page and of computing its stand (the worker's part, issue #15)."""
    with CaptureQueriesContext(connection) as pagina:
        response = client.get(URL, {"periode": "2026"})
    assert response.status_code == 200
    scope = eigen_scope(persona)
    with CaptureQueriesContext(connection) as stand:
        monitoring_stand.stand_berekenen(scope=scope, periode=Periode("jaar", 2026))
    return len(pagina.captured_queries), len(stand.captured_queries)


@pytest.mark.parametrize("persona", ["aandachtsfunctionaris", "regiocoordinator"])
def test_query_count_is_the_same_for_10_and_500_trajecten(persona, request, login, procesregisseur):
    gebruiker = request.getfixturevalue(persona)
    client = login(gebruiker)
    _vullen(10, procesregisseur)
    client.get(URL)  # warm the session and the role caches
    gebruiker.active_role = client.session["regie_active_role"]
    tien = _queries(client, gebruiker)
    _vullen(490, procesregisseur)
    assert _queries(client, gebruiker) == tien


def test_the_aandachtsfunctionaris_sees_her_organisation_and_the_view_is_audited(
    login, aandachtsfunctionaris, procesregisseur
):
    _vullen(12, procesregisseur)
    response = login(aandachtsfunctionaris).get(URL, {"periode": "2026"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and "<caption>" in html
    assert "Sociaal Team Gouda" in html
    # 12 plans of the organisation's trajecten, all in 2026: shown as counts.
    assert "Plannen met netwerkleden" in html
    entry = AuditEntry.objects.filter(object_type="monitoring").latest("id")
    assert entry.action == AuditActie.READ
    assert "periode 2026" in entry.detail


def test_a_scope_outside_ones_own_is_refused_and_logged(login, aandachtsfunctionaris, org_b):
    response = login(aandachtsfunctionaris).get(URL, {"scope": f"organisatie-{org_b.pk}"})
    assert response.status_code == 404
    assert AuditEntry.objects.filter(
        object_type="monitoring", outcome=AuditUitkomst.DENIED
    ).exists()


def test_the_regiocoordinator_chooses_a_gemeente_or_an_organisation_of_the_region(
    login, regiocoordinator, org_a
):
    andere = OrganisatieFactory(naam="Jeugdteam Gouda", gemeente=org_a.gemeente)
    client = login(regiocoordinator)
    html = client.get(URL).content.decode()
    assert f'value="gemeente-{org_a.gemeente_id}"' in html
    assert f'value="organisatie-{andere.pk}"' in html
    assert client.get(URL, {"scope": f"organisatie-{andere.pk}"}).status_code == 200


def test_a_regisseur_has_no_monitoring(login, procesregisseur):
    assert login(procesregisseur).get(URL).status_code == 403


def test_csv_holds_the_same_figures_without_locale_and_hidden_as_less_than_five(
    login, manager, procesregisseur
):
    _vullen(1234 // 100, procesregisseur)  # 12 trajecten
    response = login(manager).get(CSV_URL, {"periode": "2026-K1"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rijen = list(csv.reader(io.StringIO(response.content.decode())))
    assert rijen[0] == ["figuur", "scope", "periode", "rij", "kolom", "waarde"]
    cel = {(r[0], r[3], r[4]): r[5] for r in rijen[1:]}
    assert cel[("Open trajecten per fase", "Totaal", "Trajecten")] == "12"
    assert cel[("Dagen van aanmelding tot startoverleg", "kwartaal 1 2026", "Trajecten")] == "12"
    assert (
        cel[("Escalaties en oplossingen per maand", "Totaal kwartaal 1 2026", "Escalaties")] == "0"
    )
    # The one regisseur of the organisation: under 5.
    assert cel[("Aandeel getrainde regisseurs", "Regisseurs", "Regisseurs")] == "<5"
    assert AuditEntry.objects.filter(object_type="monitoring", action=AuditActie.EXPORT).exists()


def test_the_menu_offers_monitoring_to_the_four_roles(login, agendahouder):
    html = login(agendahouder).get(reverse("start")).content.decode()
    assert URL in html
