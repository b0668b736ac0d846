"""Whose consent is needed per member (issue #3; seed 002 ch. 7)."""

import datetime

import pytest

from huishoudens.consent import consent_complete, consent_states, required_consenters
from huishoudens.constants import Toestemmer, ToestemmingStatus
from huishoudens.models import Gezinslid, Toestemming

OP = datetime.date(2026, 11, 25)
B, G, C, BW = (
    Toestemmer.BETROKKENE,
    Toestemmer.GEZAGHEBBENDE,
    Toestemmer.CURATOR,
    Toestemmer.BEWINDVOERDER,
)


def _lid(jaren, dagen=0, vertegenwoordiging=""):
    geboren = OP.replace(year=OP.year - jaren) - datetime.timedelta(days=dagen)
    return Gezinslid(geboortedatum=geboren, vertegenwoordiging=vertegenwoordiging)


@pytest.mark.parametrize(
    ("jaren", "dagen", "vertegenwoordiging", "nodig"),
    [
        (0, 30, "", [G]),
        (11, 364, "", [G]),
        (12, 0, "", [B, G]),
        (15, 364, "", [B, G]),
        (16, 0, "", [B]),
        (45, 0, "", [B]),
        (45, 0, "curatele", [C]),
        (45, 0, "bewind", [B, BW]),
        (17, 0, "", [B]),
    ],
)
def test_consent_rule_table(jaren, dagen, vertegenwoordiging, nodig):
    assert required_consenters(_lid(jaren, dagen, vertegenwoordiging), OP) == nodig


def test_latest_record_counts_and_withdrawal_ends_consent(db, procesregisseur):
    from tests.factories import GezinslidFactory

    lid = GezinslidFactory(geboortedatum=datetime.date(2012, 1, 1))  # 14: both needed

    def record(toestemmer, status, dag):
        Toestemming.objects.create(
            gezinslid=lid,
            toestemmer=toestemmer,
            naam_toestemmer="x",
            status=status,
            datum=datetime.date(2026, 1, dag),
            vastgelegd_door=procesregisseur,
        )

    record(B, ToestemmingStatus.GEGEVEN, 1)
    assert not consent_complete(lid, OP)
    record(G, ToestemmingStatus.GEGEVEN, 2)
    assert consent_complete(lid, OP)
    record(G, ToestemmingStatus.INGETROKKEN, 3)
    assert not consent_complete(lid, OP)
    assert [s.status for s in consent_states(lid, OP)] == ["gegeven", "ingetrokken"]
