"""The full truth table of the afwegingskader (issue #10; seed 002 ch. 2, Stap 4 en 5).

The expected decisions are written out by hand from the seed's five questions, not derived
from the module: every one of the 3^5 = 243 combinations of "not answered / ja / nee" per
question is either one of the 17 paths below or invalid (ValueError).
"""

import itertools

import pytest

from meldcode.afwegingskader import Besluit, beslis

J, N = True, False

# answers -> (volgende_vraag, melden, hulp, afsluiten)
EXPECTED = {
    (): (1, N, N, N),
    # 1 nee: "Sluit af en leg vast in dossier", nothing else.
    ((1, N),): (None, N, N, J),
    ((1, J),): (2, N, N, N),
    ((1, J), (2, N)): (3, N, N, N),
    # 2 ja: "Meld bij Veilig Thuis", and 3-5 are walked together with Veilig Thuis for help.
    ((1, J), (2, J)): (3, J, N, N),
    # 3 nee: "Meld bij Veilig Thuis"; the path ends.
    ((1, J), (2, N), (3, N)): (None, J, N, N),
    ((1, J), (2, J), (3, N)): (None, J, N, N),
    ((1, J), (2, N), (3, J)): (4, N, N, N),
    ((1, J), (2, J), (3, J)): (4, J, N, N),
    # 4 nee: "Meld bij Veilig Thuis"; the path ends.
    ((1, J), (2, N), (3, J), (4, N)): (None, J, N, N),
    ((1, J), (2, J), (3, J), (4, N)): (None, J, N, N),
    # 4 ja: "Bied of organiseer hulp, ga verder met afweging 5".
    ((1, J), (2, N), (3, J), (4, J)): (5, N, J, N),
    ((1, J), (2, J), (3, J), (4, J)): (5, J, J, N),
    # 5 nee: "Meld (opnieuw) bij Veilig Thuis", the help stays.
    ((1, J), (2, N), (3, J), (4, J), (5, N)): (None, J, J, N),
    ((1, J), (2, J), (3, J), (4, J), (5, N)): (None, J, J, N),
    # 5 ja: "Vervolg hulp met afspraken over het volgen van toekomstige (on)veiligheid".
    ((1, J), (2, N), (3, J), (4, J), (5, J)): (None, N, J, N),
    # A melding made at 2 stays made.
    ((1, J), (2, J), (3, J), (4, J), (5, J)): (None, J, J, N),
}


def _all_combinations():
    for values in itertools.product((None, J, N), repeat=5):
        yield tuple((q, v) for q, v in zip(range(1, 6), values, strict=True) if v is not None)


def test_the_table_has_exactly_the_seventeen_paths_of_the_seed():
    assert len(EXPECTED) == 17
    assert sum(1 for _ in _all_combinations()) == 243


@pytest.mark.parametrize("answers", list(_all_combinations()), ids=str)
def test_every_combination_of_answers(answers):
    if answers in EXPECTED:
        volgende, melden, hulp, afsluiten = EXPECTED[answers]
        besluit = beslis(dict(answers))
        assert besluit == Besluit(volgende, melden=melden, hulp=hulp, afsluiten=afsluiten)
        assert besluit.compleet == (volgende is None)
    else:
        with pytest.raises(ValueError):
            beslis(dict(answers))


@pytest.mark.parametrize(
    "answers",
    [
        {0: True},
        {6: True},
        {"1": True},
        {True: True},
        {1: None},
        {1: 1},
        {1: "ja"},
        {1: True, 2: "nee"},
    ],
    ids=str,
)
def test_invalid_questions_and_answers_are_refused(answers):
    with pytest.raises(ValueError):
        beslis(answers)


def test_after_a_melding_at_two_the_help_questions_are_still_asked():
    """002 ch. 2: "De afwegingen 3 tot en met 5 worden samen met Veilig Thuis doorlopen." """
    besluit = beslis({1: True, 2: True})
    assert besluit.melden and besluit.volgende_vraag == 3


def test_melden_never_goes_back_to_false_on_a_path():
    for answers, (_, melden, _, _) in EXPECTED.items():
        for n in range(len(answers)):
            if EXPECTED[answers[:n]][1]:
                assert melden, answers
