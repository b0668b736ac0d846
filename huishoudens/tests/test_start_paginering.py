""" "Mijn trajecten" grows with the caseload: 50 per page, the phases' badges count all
(issue #15), and the page costs the same number of queries at 10 and at 120 trajecten."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import bulk_trajecten


def test_mijn_trajecten_shows_fifty_at_a_time_and_counts_every_phase_whole(
    login, procesregisseur, org_a
):
    bulk_trajecten(40, gemeente=org_a.gemeente, regisseur=procesregisseur)
    bulk_trajecten(15, gemeente=org_a.gemeente, regisseur=procesregisseur, fase="5a")
    client = login(procesregisseur)

    eerste = client.get(reverse("start"))
    groepen = eerste.context["groepen"]
    assert sum(len(ts) for _f, ts, _n in groepen) == 50
    assert {f.value: n for f, _ts, n in groepen} == {"4": 40, "5a": 15}
    assert eerste.context["aantal"] == 55
    assert "Pagina 1 van 2" in eerste.content.decode()

    tweede = client.get(reverse("start"), {"pagina": 2}).context["groepen"]
    assert [(f.value, len(ts), n) for f, ts, n in tweede] == [("5a", 5, 15)]


def test_mijn_trajecten_costs_the_same_queries_for_ten_and_for_many(login, procesregisseur, org_a):
    bulk_trajecten(10, gemeente=org_a.gemeente, regisseur=procesregisseur)
    client = login(procesregisseur)
    client.get(reverse("start"))
    with CaptureQueriesContext(connection) as weinig:
        client.get(reverse("start"))
    bulk_trajecten(110, gemeente=org_a.gemeente, regisseur=procesregisseur, fase="5b")
    with CaptureQueriesContext(connection) as veel:
        client.get(reverse("start"))
    assert len(veel) == len(weinig)
