"""The regiekaart's advice for opschalen and afschalen (issue #6; seed 002 ch. 5). Pure: no DB.

The properties run over every level x every subset of {D, Z, B, O, K, E} (5 x 64 cases).
"""

import itertools
import json
import re
from pathlib import Path

import pytest

from regiekaart.constants import NIVEAU_CRITERIA, Criterium
from regiekaart.rules import (
    AFSCHALEN,
    NAAR_MANAGER,
    OPSCHALEN,
    PROBLEMATIEK,
    STAGNATIE_AFSCHALEN,
    Advies,
    Regel,
    advies,
    afschaal_grens,
    opschaal_grens,
    regel_tekst,
    voldoet,
)

DATA = "regiekaart/data/niveaus.json"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_889a1700faf57179.txt"
NIVEAUS = range(1, 6)
SUBSETS = [frozenset(c) for r in range(7) for c in itertools.combinations(NIVEAU_CRITERIA, r)]
CASES = [(h, c) for h in NIVEAUS for c in SUBSETS]
# Criteria under which each level is kept (the lower edge of its band).
HOUDT = {1: "", 2: "DZB", 3: "DZBO", 4: "DZBOK", 5: "DZBOKE"}


def _id(case):
    h, c = case
    return f"{h}-{''.join(sorted(c)) or 'geen'}"


def test_there_are_320_cases():
    assert len(SUBSETS) == 64 and len(CASES) == 320


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_every_case_gives_one_stable_level_and_names_the_rule(case):
    huidig, criteria = case
    a = advies(huidig, criteria)
    assert a.niveau in NIVEAUS
    assert (a.naar_manager, a.opties) == (False, ())
    if huidig == 5:
        assert a.niveau <= 5 and not any(r.code.startswith("opschalen") for r in a.regels)
    if huidig == 1:
        assert not any(r.code.startswith("afschalen") for r in a.regels)
    # One rule per move, none when the level is kept.
    if a.niveau > huidig:
        assert a.regels == (Regel(f"opschalen_naar_{a.niveau}", OPSCHALEN[a.niveau][1]),)
    elif a.niveau < huidig:
        assert a.regels == (Regel(f"afschalen_naar_{a.niveau}", AFSCHALEN[a.niveau][1]),)
    else:
        assert a.regels == ()
    # Advising again at the advised level with the same criteria keeps it.
    assert advies(a.niveau, criteria) == Advies(a.niveau, False, (), ())


@pytest.mark.parametrize("criteria", SUBSETS, ids=["".join(sorted(c)) or "geen" for c in SUBSETS])
def test_up_and_down_rules_never_fire_together(criteria):
    lo, hi = opschaal_grens(criteria), afschaal_grens(criteria)
    assert lo <= hi
    for huidig in NIVEAUS:
        assert not (huidig < lo and huidig > hi)
        assert advies(huidig, criteria).niveau == min(max(huidig, lo), hi)


def test_more_criteria_never_give_a_lower_level():
    for huidig in NIVEAUS:
        for kleiner, groter in itertools.product(SUBSETS, SUBSETS):
            if kleiner <= groter:
                assert advies(huidig, kleiner).niveau <= advies(huidig, groter).niveau


def test_a_higher_current_level_never_gives_a_lower_advice():
    for criteria in SUBSETS:
        adviezen = [advies(h, criteria).niveau for h in NIVEAUS]
        assert adviezen == sorted(adviezen)


# --- examples from the seed (002 ch. 5, Uitwerking per niveau and the summary table) -----


@pytest.mark.parametrize(
    "huidig,criteria,niveau",
    [
        (1, "DZB", 2),  # niveau 1: draagkracht én zelfredzaamheid én basiszorg -> 2
        (1, "ZB", 1),  # "én": all three are needed
        (1, "DB", 1),
        (1, "DZBO", 3),  # summary table: "Daarbij signalen van onveiligheid ... → niveau 3"
        (1, "DZBOK", 4),  # "Daarbij ... ketenoverstijgende samenwerking → niveau 4"
        (1, "DZBOKE", 5),  # "Daarbij (dreigende) totale escalatie → niveau 5"
        (2, "DZBO", 3),
        (3, "DZBOK", 4),
        (4, "DZBOKE", 5),
        (2, "DZB", 2),  # hysteresis: neither up nor down
        (3, "DZBO", 3),
        (4, "DZBOK", 4),
        (2, "O", 2),  # O blocks afschalen, but opschalen needs D, Z and B as well
        (4, "E", 4),  # E blocks afschalen to 3; it lifts nothing on its own
        (5, "DZBOK", 4),  # niveau 5: escalation gone -> 4
        (4, "DZBO", 3),  # niveau 4: no ketenoverstijgende samenwerking, no escalation -> 3
        (3, "DZB", 2),  # niveau 3: safe, no keten, no escalation -> 2
        (2, "", 1),  # niveau 2: everything in balance -> 1
        (5, "", 1),  # the summary table lists every afschalen row: down several at once
        (5, "DZBOKE", 5),  # "Bij niveau 5 is geen sprake van verder opschalen"
        (1, "", 1),  # "Niveau 1 is het basisniveau. Afschalen is niet van toepassing."
    ],
)
def test_examples_of_the_seed(huidig, criteria, niveau):
    assert advies(huidig, set(criteria)).niveau == niveau


def test_the_rule_that_fired_is_quoted():
    (regel,) = advies(2, {"D", "Z", "B", "O"}).regels
    assert regel.code == "opschalen_naar_3"
    assert "• Er zijn signalen van onveiligheid of er is een onveilige situatie." in regel.tekst
    assert regel.tekst.endswith("→ Opschalen naar niveau 3")
    (regel,) = advies(5, {"D", "Z", "B", "O", "K"}).regels
    assert regel == Regel(
        "afschalen_naar_4",
        "• De dreiging van totale escalatie en maatschappelijke onrust is weggenomen.\n"
        "→ Afschalen naar niveau 4",
    )


def test_criteria_may_be_given_as_choices():
    kort = {Criterium.DRAAGKRACHT, Criterium.ZELFREDZAAMHEID, Criterium.BASISZORG}
    assert advies(1, kort).niveau == 2
    assert advies(1, frozenset("DZB")) == advies(1, ["D", "Z", "B"])


# --- P: a regisseur with expertise; VO, VI: naar manager ---------------------------------


@pytest.mark.parametrize(
    "huidig,criteria,niveau,opties",
    [
        (1, "P", 1, (2, 3, 4)),  # "Opschalen naar niveau 2, 3 of 4, afhankelijk van ..."
        (2, "PDZB", 2, (2, 3, 4)),
        (3, "PDZBO", 3, (4,)),  # niveau 3: "Opschalen naar niveau 4"
        (4, "PDZBOK", 4, ()),  # no P row at niveau 4
        (5, "PDZBOKE", 5, ()),  # no opschalen at niveau 5
        (1, "PDZBO", 3, (3, 4)),  # never below the level the criteria require
        (1, "PDZBOKE", 5, ()),
        # Issue #12: stagnation blocks afschalen (002 ch. 5, niveau 3 afschalen: "Er is geen
        # stagnatie ... → Afschalen naar niveau passend bij situatie"); the option stays.
        (3, "P", 3, (4,)),
    ],
)
def test_p_offers_levels_without_moving(huidig, criteria, niveau, opties):
    a = advies(huidig, set(criteria.replace("P", "")) | {"P"})
    assert (a.niveau, a.opties, a.naar_manager) == (niveau, opties, False)
    p_regels = [r for r in a.regels if r.code == "P"]
    assert p_regels == ([Regel("P", PROBLEMATIEK[huidig][1])] if opties else [])


def test_p_vo_and_vi_never_lift_the_level_but_hold_it():
    """P, VO and VI choose no level of their own (P offers options, VO/VI go to the manager),
    but while one holds no afschalen fires (issue #12; 002 ch. 5, the "geen stagnatie" and
    "niet langer sprake van visieverschil" rows of the afschalen tables of levels 2-5).
    This replaces the earlier property "P, VO and VI never change the level", which encoded
    that stagnation did not stop afschalen."""
    for huidig, criteria in CASES:
        for extra in ({"P"}, {"VO"}, {"VI"}, {"P", "VO", "VI"}):
            assert advies(huidig, criteria | extra).niveau == max(huidig, opschaal_grens(criteria))


@pytest.mark.parametrize("huidig", NIVEAUS)
@pytest.mark.parametrize("code", ["VO", "VI"])
def test_visieverschil_goes_to_the_manager_on_every_level(huidig, code):
    a = advies(huidig, {code, *HOUDT[huidig]})
    assert (a.niveau, a.naar_manager, a.opties) == (huidig, True, ())
    assert Regel(code, NAAR_MANAGER[code]) in a.regels
    assert NAAR_MANAGER[code].endswith("→ Opschalen naar manager")


def test_both_visieverschillen_are_named():
    a = advies(1, {"VO", "VI"})
    assert (a.niveau, a.naar_manager, [r.code for r in a.regels]) == (1, True, ["VO", "VI"])


# --- refused input -----------------------------------------------------------------------


@pytest.mark.parametrize("huidig", [0, 6, -1, "3", 2.5, None, True])
def test_a_level_outside_1_to_5_is_refused(huidig):
    with pytest.raises(ValueError):
        advies(huidig, set())


@pytest.mark.parametrize("criteria", [{"X"}, {"d"}, {"D", "PV"}, {""}, {1}])
def test_unknown_criteria_are_refused(criteria):
    with pytest.raises(ValueError):
        advies(1, criteria)


# --- wording -----------------------------------------------------------------------------


def test_the_criteria_are_the_nine_of_the_issue():
    assert Criterium.values == ["D", "Z", "B", "O", "K", "E", "P", "VO", "VI"]


def _seed_text() -> str:
    """The seed (in the work area, next to the repository); on a clean clone without it, the
    level texts of regiekaart/data/niveaus.json, which quote the same tables and are checked
    against the seed in regiekaart/tests/test_regiekaart_niveaus.py."""
    if SEED.exists():
        text = SEED.read_text(encoding="utf-8")
    else:
        data = json.loads((Path(__file__).resolve().parents[2] / DATA).read_text(encoding="utf-8"))
        text = " ".join(str(v) for niveau in data["niveaus"] for v in niveau.values())
    text = re.sub(r"<[^>]+>", " ", text).replace("•", " ").replace("→", " ")
    # The one correction the module docstring names ("Er situatie is veilig").
    return re.sub(r"\s+", " ", text.replace("Er situatie is veilig", "De situatie is veilig"))


def test_labels_and_rule_texts_are_the_seed_wording():
    seed = _seed_text()
    for label in Criterium.labels:
        assert str(label) in seed, label
    teksten = [t for _, t in OPSCHALEN.values()] + [t for _, t in AFSCHALEN.values()]
    teksten += [t for _, t in PROBLEMATIEK.values()] + list(NAAR_MANAGER.values())
    teksten += [t for per_niveau in STAGNATIE_AFSCHALEN.values() for t in per_niveau.values()]
    for tekst in teksten:
        *situatie, actie = tekst.split("\n")
        assert actie.removeprefix("→ ") in seed, actie
        for regel in situatie:
            assert regel.removeprefix("• ") in seed, regel


# --- competence profiles (002 ch. 6) -----------------------------------------------------


@pytest.mark.parametrize(
    "profielen,vereist,uitkomst",
    [
        ({"casus_a"}, "casus_a", True),
        ({"casus_b"}, "casus_a", True),  # "naast de competenties van casusregisseur A"
        ({"casus_b_plus"}, "casus_b", True),
        ({"casus_a"}, "casus_b", False),
        ({"proces_a"}, "casus_a", True),  # procesregisseur A builds on casusregisseur A
        ({"proces_a"}, "casus_b", False),
        ({"proces_b"}, "casus_b", True),
        ({"proces_b"}, "proces_a", True),
        ({"proces_b_plus"}, "proces_b", True),
        ({"casus_b_plus"}, "proces_a", False),  # a casus profile never covers procesregie
        ({"proces_a"}, "proces_b", False),
        ({"casus_a", "proces_b"}, "proces_b", True),
        (set(), "casus_a", False),
        (set(), "", True),  # niveau 1 has no procesregisseur
    ],
)
def test_a_higher_profile_meets_the_lower_one(profielen, vereist, uitkomst):
    assert voldoet(profielen, vereist) is uitkomst


@pytest.mark.parametrize("profielen,vereist", [({"casus_c"}, "casus_a"), (set(), "b")])
def test_unknown_profiles_are_refused(profielen, vereist):
    with pytest.raises(ValueError):
        voldoet(profielen, vereist)


# --- stagnation holds the level (issue #12) ------------------------------------------------
# 002 ch. 5, Uitwerking per niveau, "Afschalen wordt vanuit niveau N als volgt ingezet"
# (N = 2, 3, 4, 5): besides the rows that lower the level, each table has "Er is geen
# stagnatie in de communicatie en uitvoering van 1Gezin1Plan door problematiek van de klant
# en/of leden huishouden (levels 3 and 4: ", zodanig dat keten overstijgende samenwerking
# nodig is") → Afschalen naar niveau passend bij situatie" and "Er is niet langer sprake van
# visieverschil ... → Afschalen naar uitvoering". A level goes down only without stagnation.
# Expected levels written out by hand: (current level, criteria, advised level, P options,
# codes of the rules named).


@pytest.mark.parametrize(
    "huidig,criteria,niveau,opties,regels",
    [
        # The two cases of the issue: 3 with D, Z, B, P advised 2 and offered 4.
        (3, "DZBP", 3, (4,), ["afschalen_wacht_P", "P"]),
        # 4 with D, Z, B, P advised 2; level 4 has no P row, so no option.
        (4, "DZBP", 4, (), ["afschalen_wacht_P"]),
        # Level 2: "geen stagnatie" is a row of niveau 2's afschalen table too.
        (2, "P", 2, (2, 3, 4), ["afschalen_wacht_P", "P"]),
        # Level 5: its afschalen table has both stagnation rows.
        (5, "P", 5, (), ["afschalen_wacht_P"]),
        (5, "DZBOKP", 5, (), ["afschalen_wacht_P"]),
        (4, "DZBOP", 4, (), ["afschalen_wacht_P"]),
        (3, "DZBP", 3, (4,), ["afschalen_wacht_P", "P"]),
        # Visieverschil: the level waits, the manager is asked.
        (3, "DZBVO", 3, (), ["afschalen_wacht_V", "VO"]),
        (4, "VI", 4, (), ["afschalen_wacht_V", "VI"]),
        (5, "DZBOKVOVI", 5, (), ["afschalen_wacht_V", "VO", "VI"]),
        (2, "P VI", 2, (2, 3, 4), ["afschalen_wacht_P", "afschalen_wacht_V", "P", "VI"]),
        # Opschalen still fires under stagnation (the seed's rows go up, never wait).
        (2, "DZBOP", 3, (3, 4), ["opschalen_naar_3", "P"]),
        (1, "DZBP", 2, (2, 3, 4), ["opschalen_naar_2", "P"]),
        (3, "DZBOKVO", 4, (), ["opschalen_naar_4", "VO"]),
        # Where no afschalen would fire anyway, nothing waits (when NOT to act).
        (3, "DZBOP", 3, (4,), ["P"]),
        (2, "DZP", 2, (2, 3, 4), ["P"]),  # without B the afschalen to 1 does not fire
        (1, "P", 1, (2, 3, 4), ["P"]),
        # Once the stagnation is gone, afschalen fires again: 3 with D, Z, B -> 2.
        (3, "DZB", 2, (), ["afschalen_naar_2"]),
        (4, "DZB", 2, (), ["afschalen_naar_2"]),
        (5, "", 1, (), ["afschalen_naar_1"]),
    ],
)
def test_stagnation_holds_the_level(huidig, criteria, niveau, opties, regels):
    codes = set(re.findall(r"VO|VI|[DZBOKEP]", criteria))
    a = advies(huidig, codes)
    assert (a.niveau, a.opties) == (niveau, opties)
    assert [r.code for r in a.regels] == regels
    assert a.naar_manager == bool(codes & {"VO", "VI"})


def test_the_waiting_rule_quotes_the_level_s_row():
    (wacht, _p) = advies(3, {"D", "Z", "B", "P"}).regels
    assert wacht.tekst == (
        "• Er is geen stagnatie in de communicatie en uitvoering van 1Gezin1Plan door "
        "problematiek van de klant en/of leden huishouden, zodanig dat keten overstijgende "
        "samenwerking nodig is.\n→ Afschalen naar niveau passend bij situatie"
    )
    assert regel_tekst("afschalen_wacht_P", 3) == wacht.tekst
    (wacht,) = advies(5, {"P"}).regels
    assert "huishouden.\n→ Afschalen naar niveau passend" in wacht.tekst
    assert regel_tekst("afschalen_wacht_V", 2).endswith("→ Afschalen naar uitvoering")
    assert regel_tekst("afschalen_wacht_X", 2) == ""
