"""Consent: the latest record BY DATE wins, not the latest entered (issue #16; seed 002 ch. 7).

002 ch. 7 asks consent per party and lets it be withdrawn; what counts is the party's most
recent decision. A record entered later may carry an earlier date (a paper form from last
week typed in today): it must not overrule a newer decision. Between two records of the
same date, the one entered last counts.
"""

import datetime

import pytest

from huishoudens.consent import consent_complete, consent_states
from huishoudens.constants import Toestemmer, ToestemmingStatus
from huishoudens.models import Toestemming
from tests.factories import GezinslidFactory

pytestmark = pytest.mark.django_db

OP = datetime.date(2026, 11, 25)
GEGEVEN, INGETROKKEN = ToestemmingStatus.GEGEVEN, ToestemmingStatus.INGETROKKEN


def _record(lid, door, status, dag, toestemmer=Toestemmer.BETROKKENE):
    return Toestemming.objects.create(
        gezinslid=lid,
        toestemmer=toestemmer,
        naam_toestemmer="x",
        status=status,
        datum=datetime.date(2026, 1, dag),
        vastgelegd_door=door,
    )


@pytest.fixture
def volwassene():
    return GezinslidFactory(geboortedatum=datetime.date(1980, 1, 1))  # 46: the person only


def test_a_record_entered_later_with_an_earlier_date_does_not_overrule(volwassene, procesregisseur):
    nieuw = _record(volwassene, procesregisseur, GEGEVEN, dag=10)
    _record(volwassene, procesregisseur, INGETROKKEN, dag=5)  # typed in afterwards
    (state,) = consent_states(volwassene, OP)
    assert (state.status, state.record) == (GEGEVEN, nieuw)
    assert consent_complete(volwassene, OP)


def test_a_withdrawal_entered_later_with_an_earlier_date_is_history_too(
    volwassene, procesregisseur
):
    _record(volwassene, procesregisseur, INGETROKKEN, dag=10)
    _record(volwassene, procesregisseur, GEGEVEN, dag=5)  # older consent, typed in afterwards
    assert [s.status for s in consent_states(volwassene, OP)] == [INGETROKKEN]
    assert not consent_complete(volwassene, OP)


def test_on_the_same_date_the_record_entered_last_counts(volwassene, procesregisseur):
    _record(volwassene, procesregisseur, GEGEVEN, dag=7)
    laatste = _record(volwassene, procesregisseur, INGETROKKEN, dag=7)
    (state,) = consent_states(volwassene, OP)
    assert state.record == laatste
    assert not consent_complete(volwassene, OP)


def test_another_party_s_record_does_not_count_for_this_one(volwassene, procesregisseur):
    _record(volwassene, procesregisseur, GEGEVEN, dag=9, toestemmer=Toestemmer.GEZAGHEBBENDE)
    (state,) = consent_states(volwassene, OP)
    assert (state.toestemmer, state.status, state.record) == (Toestemmer.BETROKKENE, None, None)
    assert not consent_complete(volwassene, OP)


def test_the_financial_line_counts_only_when_asked(procesregisseur):
    """002 ch. 7: the bewindvoerder "voor de goederen / financiën die onder bewind staan"."""
    lid = GezinslidFactory(geboortedatum=datetime.date(1980, 1, 1), vertegenwoordiging="bewind")
    _record(lid, procesregisseur, GEGEVEN, dag=3)
    assert [(s.toestemmer, s.alleen_financien) for s in consent_states(lid, OP)] == [
        (Toestemmer.BETROKKENE, False),
        (Toestemmer.BEWINDVOERDER, True),
    ]
    assert consent_complete(lid, OP)
    assert not consent_complete(lid, OP, financien=True)
    _record(lid, procesregisseur, GEGEVEN, dag=4, toestemmer=Toestemmer.BEWINDVOERDER)
    assert consent_complete(lid, OP, financien=True)


def test_with_a_prefetch_in_another_order_the_latest_still_wins(volwassene, procesregisseur):
    """consent_states uses prefetched records as given; it sorts them itself by date, then by
    when they were entered (a caller's prefetch may order them otherwise)."""
    from django.db.models import Prefetch

    from huishoudens.models import Gezinslid

    _record(volwassene, procesregisseur, GEGEVEN, dag=7)
    laatste = _record(volwassene, procesregisseur, INGETROKKEN, dag=7)
    oudste_eerst = Toestemming.objects.order_by("vastgelegd_op", "pk")
    lid = Gezinslid.objects.prefetch_related(Prefetch("toestemmingen", oudste_eerst)).get(
        pk=volwassene.pk
    )
    (state,) = consent_states(lid, OP)
    assert state.record == laatste


def test_the_parties_are_named_first_and_second_parent_with_two_parents():
    """002 ch. 7 "Ouders behouden samen het gezag": with "Beide ouders" the page names the
    first and the second parent; otherwise the party's own name."""
    from huishoudens.consent import consenter_label
    from huishoudens.models import Gezinslid

    beide = Gezinslid(gezag="beide_ouders")
    een = Gezinslid(gezag="moeder")
    assert consenter_label(beide, Toestemmer.GEZAGHEBBENDE) == "Eerste ouder met gezag"
    assert consenter_label(beide, Toestemmer.GEZAGHEBBENDE_2) == "Tweede ouder met gezag"
    assert consenter_label(beide, Toestemmer.BETROKKENE) == "De persoon zelf"
    assert consenter_label(een, Toestemmer.GEZAGHEBBENDE) == (
        "Ouder met gezag / wettelijk vertegenwoordiger"
    )
