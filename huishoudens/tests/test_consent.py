"""Whose consent is needed per member (issue #3; seed 002 ch. 7)."""

import datetime

import pytest

from huishoudens.consent import (
    consent_complete,
    consent_states,
    financial_consenters,
    mentor_note,
    required_consenters,
)
from huishoudens.constants import Toestemmer, ToestemmingStatus
from huishoudens.models import Gezinslid, Toestemming

OP = datetime.date(2026, 11, 25)
B, G, G2, C, BW = (
    Toestemmer.BETROKKENE,
    Toestemmer.GEZAGHEBBENDE,
    Toestemmer.GEZAGHEBBENDE_2,
    Toestemmer.CURATOR,
    Toestemmer.BEWINDVOERDER,
)


def _lid(jaren, dagen=0, vertegenwoordiging="", gezag=""):
    geboren = OP.replace(year=OP.year - jaren) - datetime.timedelta(days=dagen)
    return Gezinslid(geboortedatum=geboren, vertegenwoordiging=vertegenwoordiging, gezag=gezag)


@pytest.mark.parametrize(
    ("jaren", "dagen", "vertegenwoordiging", "gezag", "nodig"),
    [
        (0, 30, "", "moeder", [G]),
        (11, 364, "", "moeder", [G]),
        (12, 0, "", "vader", [B, G]),
        (15, 364, "", "voogd", [B, G]),
        (16, 0, "", "moeder", [B]),
        (45, 0, "", "", [B]),
        (45, 0, "curatele", "", [C]),
        # Issue #12, 002 ch. 7: the bewindvoerder only "voor de goederen / financiën die onder
        # bewind staan", so not for sharing in general (see financial_consenters).
        (45, 0, "bewind", "", [B]),
        # 002 ch. 7 has no mentor row: the adult consents (the mentor is involved).
        (45, 0, "mentorschap", "", [B]),
        (17, 0, "", "", [B]),
        # Issue #12, 002 ch. 7: with "Beide ouders" each parent with gezag consents.
        (8, 0, "", "beide_ouders", [G, G2]),
        (14, 0, "", "beide_ouders", [B, G, G2]),
        (16, 0, "", "beide_ouders", [B]),  # "Bij jongeren vanaf 16 jaar: aan de jongere zelf"
    ],
)
def test_consent_rule_table(jaren, dagen, vertegenwoordiging, gezag, nodig):
    assert required_consenters(_lid(jaren, dagen, vertegenwoordiging, gezag), OP) == nodig


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


def _record(lid, door, toestemmer, naam, status=ToestemmingStatus.GEGEVEN, dag=1):
    return Toestemming.objects.create(
        gezinslid=lid,
        toestemmer=toestemmer,
        naam_toestemmer=naam,
        status=status,
        datum=datetime.date(2026, 1, dag),
        vastgelegd_door=door,
    )


def test_a_14_year_old_with_two_parents_needs_the_child_and_each_parent(db, procesregisseur):
    """Issue #12: the consent of a 14-year-old with gezag "Beide ouders" counted as complete
    with the child and one parent. 002 ch. 7: "Bij jongeren tussen 12 en 16 jaar: zowel aan de
    jongere als aan zijn ouders"; "Ouders zijn gescheiden: ouders behouden samen het gezag"."""
    from tests.factories import GezinslidFactory

    lid = GezinslidFactory(geboortedatum=datetime.date(2012, 1, 1), gezag="beide_ouders")
    _record(lid, procesregisseur, B, "Sem", dag=1)
    _record(lid, procesregisseur, G, "Fatima", dag=2)
    assert not consent_complete(lid, OP)
    _record(lid, procesregisseur, G2, "Ruben", dag=3)
    assert consent_complete(lid, OP)
    # Each parent's record stays on its own line: the second did not replace the first.
    states = {s.toestemmer: s for s in consent_states(lid, OP)}
    assert states[G].record.naam_toestemmer == "Fatima"
    assert states[G2].record.naam_toestemmer == "Ruben"
    assert states[G].label == "Eerste ouder met gezag"
    # One parent withdrawing ends the consent.
    _record(lid, procesregisseur, G2, "Ruben", ToestemmingStatus.INGETROKKEN, dag=4)
    assert not consent_complete(lid, OP)


def test_bewind_needs_the_bewindvoerder_only_for_the_finances(db, procesregisseur):
    """Issue #12: the bewindvoerder's consent was required for all sharing, so a plan could
    not be sent without it. 002 ch. 7: "aan de volwassene zelf en aan de bewindvoerder voor de
    goederen / financiën die onder bewind staan"."""
    from tests.factories import GezinslidFactory

    lid = GezinslidFactory(vertegenwoordiging="bewind", vertegenwoordiger="Bureau Geldzaak")
    assert financial_consenters(lid) == [BW]
    _record(lid, procesregisseur, B, "Anna")
    assert consent_complete(lid, OP)
    assert not consent_complete(lid, OP, financien=True)
    states = consent_states(lid, OP)
    assert [(s.toestemmer, s.alleen_financien) for s in states] == [(B, False), (BW, True)]
    _record(lid, procesregisseur, BW, "Bureau Geldzaak", dag=2)
    assert consent_complete(lid, OP, financien=True)


def test_without_bewind_there_is_no_financial_line(db):
    assert financial_consenters(_lid(45)) == []
    assert financial_consenters(_lid(45, vertegenwoordiging="curatele")) == []


def test_mentorschap_names_the_mentor_to_involve():
    """002 ch. 2 stap 3: "let op gezaghebbende ouder, mentor of curator"."""
    lid = _lid(45, vertegenwoordiging="mentorschap")
    lid.vertegenwoordiger = "M. de Boer"
    assert "M. de Boer" in mentor_note(lid) and "betrek de mentor" in mentor_note(lid)
    assert mentor_note(_lid(45)) == ""
