"""The rules of the six phases, written out from the seed (issue #16: mutation testing found
that dropping a move from `workflow.TRANSITIONS` went unnoticed, and which reason blocks
closing at the intake).

Seed 002 DEEL A "6 Fasen 1G1P1R" and 004 "Zes fasen": 1 Aanmelding -> 2 Intake -> 3a -> 3b
-> 4 Voortgang -> 5a -> 5b, then 5b back to 4 (another round) or on to 6b; 6b back to 5b
while safety signals remain ("Sluit het traject niet af of start het weer op. Ga naar Fase
5b.", 002 fase 6b, casusregie step 3), and a closed traject started again in 5b. The intake
may end the aanmelding when 1G1P1R is not started (002 fase 2).
"""

import pytest

from huishoudens import workflow
from huishoudens.constants import Fase
from huishoudens.workflow import (
    allowed_moves,
    open_safety_signals,
    procesregie_afronden_geadviseerd,
    reasons_not_to_close,
    register_close_guard,
    register_procesregie_afronden,
)

# phase -> the phases it may move to, in the order of the phases (by hand, from the seed)
MOVES = {
    "1": ["2"],
    "2": ["3a", "gesloten"],
    "3a": ["3b"],
    "3b": ["4"],
    "4": ["5a"],
    "5a": ["5b"],
    "5b": ["4", "6b"],
    "6b": ["5b", "gesloten"],
    "gesloten": ["5b"],
}


@pytest.mark.parametrize("fase", list(MOVES))
def test_the_moves_of_each_phase_are_the_seed_s(fase):
    assert [str(f) for f in allowed_moves(fase)] == MOVES[fase]


def test_every_phase_is_in_the_table_and_an_unknown_one_has_no_moves():
    assert set(MOVES) == set(Fase.values)
    assert allowed_moves("6a") == []  # 6a is the handover, an event, not a phase to be in


@pytest.mark.django_db
def test_the_reason_not_to_close_names_the_intake_rule(traject, signaal):
    """002 Fase 2, Toelichting: on (suspected) onveiligheid 1G1P1R always starts; later (6b)
    the traject goes back to 5b instead of closing."""
    traject.fase = Fase.INTAKE
    (reden,) = open_safety_signals(traject)
    assert "dan start 1Gezin1Plan1Regisseur altijd" in reden
    traject.fase = Fase.AFSLUITEN
    (reden,) = open_safety_signals(traject)
    assert "ga terug naar fase 5b" in reden
    assert reden in reasons_not_to_close(traject)


@pytest.mark.django_db
def test_without_open_signals_nothing_blocks_and_nothing_advises(traject):
    assert open_safety_signals(traject) == []
    # A new traject is on level 2 (regiekaart/README.md): no advice to end procesregie.
    assert procesregie_afronden_geadviseerd(traject) is False


def test_the_registries_decorators_return_the_function():
    """`@register_close_guard` is used as a decorator: it must hand the function back, or
    the module's name would be bound to None."""
    assert register_close_guard(open_safety_signals) is open_safety_signals
    (advies, *_rest) = list(workflow._afronden_adviezen)
    assert register_procesregie_afronden(advies) is advies
