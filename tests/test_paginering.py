"""Every paginated list costs the same number of queries with a few rows and with more rows
than fit on a page, and shows one page at a time (issue #15: lists stay fast as data grows).
Mijn trajecten, Mijn acties, the escalations, the users and the audit log have their own
tests in their apps; these are the other lists."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regie.views.common import PAGE_SIZE
from tests.factories import OrganisatieFactory, bulk_trajecten

VEEL = PAGE_SIZE * 2 + 3
volgnummer = itertools.count()  # unique names over both fills


def _huishoudens(n, procesregisseur, casusregisseur):
    bulk_trajecten(n, gemeente=procesregisseur.organisatie.gemeente, regisseur=procesregisseur)


def _mijn_huishoudens(n, procesregisseur, casusregisseur):
    from huishoudens.models import TrajectBetrokkene

    trajecten = bulk_trajecten(
        n, gemeente=procesregisseur.organisatie.gemeente, regisseur=procesregisseur
    )
    TrajectBetrokkene.objects.bulk_create(
        [
            TrajectBetrokkene(
                traject=t,
                user=casusregisseur,
                rol="casusregisseur",
                vanaf=datetime.date(2026, 1, 5),
            )
            for t in trajecten
        ]
    )


def _organisaties(n, procesregisseur, casusregisseur):
    for i in itertools.islice(volgnummer, n):
        OrganisatieFactory(naam=f"Wijkteam {i:03}", gemeente=procesregisseur.organisatie.gemeente)


def _namen(n, procesregisseur, casusregisseur):
    from regiekaart.models import KaartInvulling

    KaartInvulling.objects.bulk_create(
        [
            KaartInvulling(
                organisatie=procesregisseur.organisatie,
                rol="manager",
                naam=f"Manager {i:03}",
                bijgewerkt_door=procesregisseur,
            )
            for i in itertools.islice(volgnummer, n)
        ]
    )


LIJSTEN = {
    # list: (persona, url, filler, what marks one row in the page)
    "huishoudens": ("procesregisseur", "huishoudens:huishoudens", _huishoudens, "Huishouden "),
    "mijn huishoudens": ("casusregisseur", "start", _mijn_huishoudens, "Huishouden "),
    "organisaties": ("beheerder", "beheer:organisaties", _organisaties, "Wijkteam "),
    "namen op de regiekaart": ("beheerder", "regiekaart:namen", _namen, "Manager 0"),
}


@pytest.mark.parametrize("lijst", LIJSTEN)
def test_a_paginated_list_costs_the_same_queries_for_a_few_rows_and_for_many(
    lijst, request, login, procesregisseur, casusregisseur
):
    persona, url_naam, vullen, rij = LIJSTEN[lijst]
    client = login(request.getfixturevalue(persona))
    url = reverse(url_naam)
    client.get(url)  # warm the session and the role caches

    def meten():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode()

    vullen(3, procesregisseur, casusregisseur)
    weinig, html = meten()
    assert html.count(rij) >= 3
    vullen(VEEL - 3, procesregisseur, casusregisseur)
    veel, html = meten()
    assert veel == weinig, f"{lijst}: {weinig} queries for 3 rows, {veel} for {VEEL}"
    assert html.count(rij) <= 50 < VEEL, f"{lijst}: every row on one page"
    assert "pagina=2" in html, f"{lijst}: no link to the next page"
