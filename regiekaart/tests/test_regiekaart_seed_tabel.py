"""The regiekaart's advice against the seed's tables written out by hand (issue #16).

Seed 002 ch. 5 "Regiekaart": the summary table at the start of the chapter and the tables
"Opschalen / Afschalen wordt vanuit niveau N als volgt ingezet" of Uitwerking per niveau.
Nothing here reads `regiekaart.rules`' own tables (OPSCHALEN, AFSCHALEN, ...): the property
tests of test_regiekaart_rules.py compare `advies` with helpers over those tables, which
proves consistency, not correctness. Here a dropped criterion or a wrong row fails.

The criteria (regiekaart.constants.Criterium): D draagkracht uit balans, Z zelfredzaamheid
beperkt of afwezig, B basiszorg ontoereikend, O signalen van onveiligheid, K keten
overstijgende samenwerking nodig, E (dreigende) totale escalatie; P stagnatie door
problematiek; VO / VI visieverschil over organisatie / inhoud.
"""

import itertools
import re
from pathlib import Path

import pytest

from regiekaart.rules import advies, regel_tekst, voldoet

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_889a1700faf57179.txt"
NO_SEED = "the seed 002 is not next to the repository (a clean clone): nothing to compare with"

# --- the rows of the seed, by hand ------------------------------------------------------
# Opschalen to level n when ALL of these hold. 002 ch. 5, Niveau 1: "De draagkracht is uit
# balans én De zelfredzaamheid is beperkt of afwezig én De basiszorg is ontoereikend" ->
# niveau 2; Niveau 2 adds "Er zijn signalen van onveiligheid" -> 3; Niveau 3 adds "De
# samenwerking moet keten overstijgend" -> 4; Niveau 4 adds "Er dreigt totale escalatie
# en/of maatschappelijke onrust" -> 5. The summary table chains them ("Daarbij ... → naar
# niveau 3 / 4 / 5"), so they apply from every lower level.
OP_RIJEN = {2: "DZB", 3: "DZBO", 4: "DZBOK", 5: "DZBOKE"}
# Afschalen to level n when NONE of these holds. Niveau 5: "De dreiging van totale escalatie
# ... is weggenomen" -> 4; Niveau 4: "geen keten overstijgende samenwerking én (no
# escalation)" -> 3; Niveau 3: "De situatie is veilig én (no keten) én (no escalation)" -> 2;
# Niveau 2: "De draagkracht is in balans én zelfredzaamheid voldoende én basiszorg
# toereikend én veilig én (no keten) én (no escalation)" -> 1. The summary table lists all
# four rows at levels 2-5, so they apply from every higher level.
AF_RIJEN = {4: "E", 3: "KE", 2: "OKE", 1: "DZBOKE"}

# --- every level x every combination of D, Z, B, O, K, E -------------------------------
# Key: the criteria that hold ("-": none). Value: the advised level from level 1, 2, 3, 4, 5.
# Worked out from the rows above (up when a whole opschalen row holds, down to the lowest
# level whose afschalen row holds, else stay); e.g. "DZBOE": from 1 or 2 up to 3 (DZBO),
# 3 stays, 4 stays (E blocks afschalen to 3 and 2, D blocks 1), 5 stays (E).
TABEL = {
    "-": "11111",
    "D": "12222",
    "Z": "12222",
    "B": "12222",
    "O": "12333",
    "K": "12344",
    "E": "12345",
    "DZ": "12222",
    "DB": "12222",
    "DO": "12333",
    "DK": "12344",
    "DE": "12345",
    "ZB": "12222",
    "ZO": "12333",
    "ZK": "12344",
    "ZE": "12345",
    "BO": "12333",
    "BK": "12344",
    "BE": "12345",
    "OK": "12344",
    "OE": "12345",
    "KE": "12345",
    "DZB": "22222",
    "DZO": "12333",
    "DZK": "12344",
    "DZE": "12345",
    "DBO": "12333",
    "DBK": "12344",
    "DBE": "12345",
    "DOK": "12344",
    "DOE": "12345",
    "DKE": "12345",
    "ZBO": "12333",
    "ZBK": "12344",
    "ZBE": "12345",
    "ZOK": "12344",
    "ZOE": "12345",
    "ZKE": "12345",
    "BOK": "12344",
    "BOE": "12345",
    "BKE": "12345",
    "OKE": "12345",
    "DZBO": "33333",
    "DZBK": "22344",
    "DZBE": "22345",
    "DZOK": "12344",
    "DZOE": "12345",
    "DZKE": "12345",
    "DBOK": "12344",
    "DBOE": "12345",
    "DBKE": "12345",
    "DOKE": "12345",
    "ZBOK": "12344",
    "ZBOE": "12345",
    "ZBKE": "12345",
    "ZOKE": "12345",
    "BOKE": "12345",
    "DZBOK": "44444",
    "DZBOE": "33345",
    "DZBKE": "22345",
    "DZOKE": "12345",
    "DBOKE": "12345",
    "ZBOKE": "12345",
    "DZBOKE": "55555",
}
CASES = [(h, c) for c in TABEL for h in range(1, 6)]


def _set(criteria: str) -> set[str]:
    return set(re.findall(r"VO|VI|[DZBOKEP]", criteria))


def test_the_table_has_every_combination_once():
    assert len(TABEL) == 64
    assert {frozenset(k.strip("-")) for k in TABEL} == {
        frozenset(c) for r in range(7) for c in itertools.combinations("DZBOKE", r)
    }


@pytest.mark.parametrize("huidig,criteria", CASES, ids=[f"{h}-{c}" for h, c in CASES])
def test_every_level_and_combination_gives_the_seed_s_level(huidig, criteria):
    verwacht = int(TABEL[criteria][huidig - 1])
    a = advies(huidig, _set(criteria))
    assert a.niveau == verwacht
    if verwacht > huidig:
        assert [r.code for r in a.regels] == [f"opschalen_naar_{verwacht}"]
    elif verwacht < huidig:
        assert [r.code for r in a.regels] == [f"afschalen_naar_{verwacht}"]
    else:
        assert a.regels == ()


# --- "one criterion missing", per row -----------------------------------------------------
ONE_MISSING_UP = [
    (huidig, naar, weg)
    for naar, rij in OP_RIJEN.items()
    for huidig in range(1, naar)
    for weg in rij
]


@pytest.mark.parametrize(
    "huidig,naar,weg", ONE_MISSING_UP, ids=[f"{h}-naar{n}-zonder{w}" for h, n, w in ONE_MISSING_UP]
)
def test_an_opschalen_row_with_one_criterion_missing_does_not_reach_its_level(huidig, naar, weg):
    """002 ch. 5: every bullet of an opschalen row ends in "én"; without one, no row to
    `naar` holds (e.g. issue #16: advies(1, {D, Z}) stays 1, advies(1, {Z, B, O}) stays 1)."""
    assert advies(huidig, set(OP_RIJEN[naar]) - {weg}).niveau < naar
    assert advies(huidig, set(OP_RIJEN[naar])).niveau == naar  # and the whole row does


ONE_TOO_MANY_DOWN = [
    (huidig, naar, blijft)
    for naar, rij in AF_RIJEN.items()
    for huidig in range(naar + 1, 6)
    for blijft in rij
]


@pytest.mark.parametrize(
    "huidig,naar,blijft",
    ONE_TOO_MANY_DOWN,
    ids=[f"{h}-naar{n}-met{b}" for h, n, b in ONE_TOO_MANY_DOWN],
)
def test_an_afschalen_row_with_one_condition_missing_does_not_reach_its_level(huidig, naar, blijft):
    """An afschalen row needs all its conditions ("De situatie is veilig én ..."): with one
    criterion still holding, the level stays above `naar` (issue #16: advies(3, {K}) stays 3,
    advies(2, {Z}) stays 2)."""
    assert advies(huidig, {blijft}).niveau > naar
    assert advies(huidig, set()).niveau == 1  # none holding: all the way down


@pytest.mark.parametrize(
    "huidig,criteria,niveau",
    [
        (1, "DZ", 1),  # issue #16: a dropped B in the row to 2 would give 2
        (1, "ZBO", 1),  # issue #16: a dropped D in the row to 3 would give 3
        (1, "DZBK", 2),  # issue #16: a dropped O in the row to 4 would give 4
        (3, "K", 3),  # issue #16: a dropped K in the row to 2 would give 2
        (2, "Z", 2),  # issue #16: a dropped Z in the row to 1 would give 1
        (4, "K", 4),  # K blocks afschalen to 3 ("geen keten overstijgende samenwerking")
        (5, "E", 5),  # "De dreiging ... is weggenomen" does not hold
        (5, "K", 4),  # escalation gone, keten still needed: 4
        (4, "O", 3),  # unsafe: not to 2, but no keten and no escalation: 3
    ],
)
def test_the_examples_of_issue_16(huidig, criteria, niveau):
    assert advies(huidig, _set(criteria)).niveau == niveau


# --- stagnation (P, VO, VI), options and manager over all 512 combinations ----------------
# 002 ch. 5: each afschalen table of levels 2-5 has "Er is geen stagnatie ... → Afschalen
# naar niveau passend bij situatie" and "Er is niet langer sprake van visieverschil ... →
# Afschalen naar uitvoering": while P, VO or VI holds, no afschalen (issue #12). P offers
# "niveau 2, 3 of 4" at levels 1 and 2, "niveau 4" at level 3, nothing at 4 and 5 (no row);
# never below the advised level. VO and VI: "Opschalen naar manager".
P_OPTIES = {1: (2, 3, 4), 2: (2, 3, 4), 3: (4,)}
ALLE = ["D", "Z", "B", "O", "K", "E", "P", "VO", "VI"]
STAGNATIE_CASES = [
    (h, frozenset(c))
    for r in range(10)
    for c in itertools.combinations(ALLE, r)
    for h in range(1, 6)
]


def _verwacht(huidig, criteria):
    basis = "".join(c for c in "DZBOKE" if c in criteria) or "-"
    niveau = int(TABEL[basis][huidig - 1])
    if niveau < huidig and criteria & {"P", "VO", "VI"}:
        niveau = huidig
    opties = tuple(n for n in P_OPTIES.get(huidig, ()) if n >= niveau) if "P" in criteria else ()
    return niveau, opties, bool(criteria & {"VO", "VI"})


def test_stagnation_options_and_manager_for_every_combination():
    assert len(STAGNATIE_CASES) == 512 * 5
    fout = []
    for huidig, criteria in STAGNATIE_CASES:
        a = advies(huidig, criteria)
        if (a.niveau, a.opties, a.naar_manager) != _verwacht(huidig, criteria):
            fout.append((huidig, "".join(sorted(criteria))))
    assert fout == []


# --- the rule texts, as the seed words them ----------------------------------------------
# Copied from 002 ch. 5 (the rows of Uitwerking per niveau), with the one correction the
# data names ("Er situatie is veilig" -> "De situatie is veilig"). Bullets "• ", action "→ ".
GEEN_ESCALATIE = "• De dreiging van totale escalatie en maatschappelijke onrust is weggenomen."
GEEN_KETEN = "• Er is geen keten overstijgende samenwerking nodig om de veiligheid te herstellen én"
P_1_2 = (
    "• De problematiek van de klant en/of leden van het huishouden stagneren de communicatie, "
    "uitvoering of monitoring van 1Gezin1Plan. Er is een regisseur nodig die gespecialiseerd is "
    "in de problematiek en/of samenwerking.\n"
    "→ Opschalen naar niveau 2, 3 of 4, afhankelijk van benodigde expertise."
)
WACHT_P = (
    "• Er is geen stagnatie in de communicatie en uitvoering van 1Gezin1Plan door problematiek "
    "van de klant en/of leden huishouden.\n→ Afschalen naar niveau passend bij situatie"
)
WACHT_P_ZODANIG = (
    "• Er is geen stagnatie in de communicatie en uitvoering van 1Gezin1Plan door problematiek "
    "van de klant en/of leden huishouden, zodanig dat keten overstijgende samenwerking nodig "
    "is.\n→ Afschalen naar niveau passend bij situatie"
)
WACHT_V = (
    "• Er is niet langer sprake van visieverschil tussen professionals over de organisatie of "
    "inhoudelijke uitvoering van 1Gezin1Plan\n→ Afschalen naar uitvoering"
)
VO = (
    "• De samenwerking tussen professionals stagneert vanwege visieverschil op organisatie "
    "van 1Gezin1Plan, zoals taakopvatting, ureninzet e.d.\n→ Opschalen naar manager"
)
VI = (
    "• De samenwerking tussen professionals stagneert vanwege visieverschil op de "
    "inhoudelijke uitvoering van 1Gezin1Plan zoals visie op doelen, acties, bodemeisen, "
    "veiligheidsafspraken e.d.\n→ Opschalen naar manager"
)
SEED_TEKSTEN = {
    ("afschalen_naar_4", 5): f"{GEEN_ESCALATIE}\n→ Afschalen naar niveau 4",
    ("afschalen_naar_3", 4): f"{GEEN_KETEN}\n{GEEN_ESCALATIE}\n→ Afschalen naar niveau 3",
    ("afschalen_naar_2", 3): (
        f"• De situatie is veilig én\n{GEEN_KETEN}\n{GEEN_ESCALATIE}\n→ Afschalen naar niveau 2"
    ),
    ("afschalen_naar_1", 2): (
        "• De draagkracht is in balans én\n• De zelfredzaamheid is voldoende én\n"
        "• De basiszorg is toereikend en er is geen hulp nodig én\n• De situatie is veilig én\n"
        f"{GEEN_KETEN}\n{GEEN_ESCALATIE}\n→ Afschalen naar niveau 1"
    ),
    ("opschalen_naar_2", 1): (
        "• De draagkracht is uit balans én\n• De zelfredzaamheid is beperkt of afwezig én\n"
        "• De basiszorg is ontoereikend. Er is meer of andere hulp nodig.\n"
        "→ Opschalen naar niveau 2"
    ),
    ("opschalen_naar_5", 4): (
        "• De draagkracht is uit balans én\n• De zelfredzaamheid is beperkt of afwezig én\n"
        "• De basiszorg is ontoereikend. Er is meer of andere hulp nodig én\n"
        "• De veiligheid is in gevaar én\n"
        "• De samenwerking moet keten overstijgend om de veiligheid te herstellen én\n"
        "• Er dreigt totale escalatie en/of maatschappelijke onrust\n→ Opschalen naar niveau 5"
    ),
    ("P", 1): P_1_2,
    ("P", 2): P_1_2,
    ("P", 3): (
        "• De problematiek van de klant en/of leden van het huishouden stagneren de communicatie, "
        "uitvoering of monitoring van 1Gezin1Plan zodanig dat keten overstijgende samenwerking "
        "nodig is. Er is een regisseur nodig die gespecialiseerd is in de problematiek.\n"
        "→ Opschalen naar niveau 4, afhankelijk van benodigde expertise."
    ),
    **{("VO", n): VO for n in range(1, 6)},
    **{("VI", n): VI for n in range(1, 6)},
    ("afschalen_wacht_P", 2): WACHT_P,
    ("afschalen_wacht_P", 3): WACHT_P_ZODANIG,
    ("afschalen_wacht_P", 4): WACHT_P_ZODANIG,
    ("afschalen_wacht_P", 5): WACHT_P,
    **{("afschalen_wacht_V", n): WACHT_V for n in range(2, 6)},
}


@pytest.mark.parametrize(
    "code,huidig", list(SEED_TEKSTEN), ids=[f"{c}-{h}" for c, h in SEED_TEKSTEN]
)
def test_regel_tekst_quotes_the_seed_row(code, huidig):
    assert regel_tekst(code, huidig) == SEED_TEKSTEN[code, huidig]


@pytest.mark.parametrize(
    "code,huidig",
    [
        ("P", 4),  # level 4 has no P row (002 ch. 5, Niveau 4, Opschalen)
        ("P", 5),  # "Bij niveau 5 is geen sprake van verder opschalen"
        (
            "afschalen_wacht_P",
            1,
        ),  # "Niveau 1 is het basisniveau. Afschalen is niet van toepassing."
        ("afschalen_wacht_V", 1),
        ("afschalen_wacht_X", 3),
        ("opschalen_naar_6", 5),
        ("opschalen_naar_1", 1),
        ("afschalen_naar_5", 5),
        ("afschalen_naar_x", 3),
        ("opschalen_naar_", 1),
        ("D", 2),
        ("", 2),
    ],
)
def test_regel_tekst_knows_no_row_the_seed_does_not_have(code, huidig):
    assert regel_tekst(code, huidig) == ""


def test_the_advice_quotes_the_same_seed_rows():
    """The texts `advies` attaches are the seed rows above (what the manager page shows)."""
    for huidig, criteria, codes in [
        (5, "DZBOK", ["afschalen_naar_4"]),
        (4, "DZBO", ["afschalen_naar_3"]),
        (3, "DZB", ["afschalen_naar_2"]),
        (2, "", ["afschalen_naar_1"]),
        (3, "DZBOP", ["P"]),
        (1, "VO", ["VO"]),
        (4, "VI", ["afschalen_wacht_V", "VI"]),
        (3, "P", ["afschalen_wacht_P", "P"]),
        (5, "P", ["afschalen_wacht_P"]),
    ]:
        regels = advies(huidig, _set(criteria)).regels
        assert [r.code for r in regels] == codes
        for regel in regels:
            assert regel.tekst == SEED_TEKSTEN[regel.code, huidig]
            assert regel.tekst == regel_tekst(regel.code, huidig)


def _seed_text() -> str:
    text = re.sub(r"<[^>]+>", " ", SEED.read_text(encoding="utf-8"))
    text = text.replace("Er situatie is veilig", "De situatie is veilig")
    return re.sub(r"\s+", " ", text.replace("•", " ").replace("→", " "))


def test_the_texts_of_this_test_are_the_seed_s_words():
    """Guards the hand-copied texts above: every bullet and action occurs in seed 002."""
    if not SEED.exists():
        pytest.skip(reason=NO_SEED)
    seed = _seed_text()
    for tekst in SEED_TEKSTEN.values():
        for regel in tekst.split("\n"):
            assert regel.removeprefix("• ").removeprefix("→ ") in seed, regel


# --- competence profiles (002 ch. 6) -----------------------------------------------------
# "De casusregisseur B heeft naast de competenties van casusregisseur A ook ..."; "De
# casusregisseur B+ heeft naast de competenties van casusregisseur A en B ook ..."; "De
# procesregisseur A heeft naast de competenties casusregisseur A ..."; "De procesregisseur
# B heeft naast de competenties van de casus- en procesregisseur A en de casusregisseur B
# ..."; procesregisseur B+ the same (its heading repeats "De procesregisseur B", a slip).
# Row: the profile someone holds; columns: the profile required, in the order
# casus_a, casus_b, casus_b_plus, proces_a, proces_b, proces_b_plus.
PROFIELEN = ["casus_a", "casus_b", "casus_b_plus", "proces_a", "proces_b", "proces_b_plus"]
OMVAT_SEED = {
    "casus_a": "100000",
    "casus_b": "110000",
    "casus_b_plus": "111000",  # B+ satisfies A and B (issue #16)
    "proces_a": "100100",
    "proces_b": "110110",
    "proces_b_plus": "110111",  # B+ satisfies A and B, and the casus profiles A and B
}


@pytest.mark.parametrize("heeft", PROFIELEN)
@pytest.mark.parametrize("vereist", PROFIELEN)
def test_which_profile_meets_which(heeft, vereist):
    assert voldoet({heeft}, vereist) is (OMVAT_SEED[heeft][PROFIELEN.index(vereist)] == "1")


def test_several_profiles_meet_what_one_of_them_meets():
    assert voldoet({"casus_a", "proces_b_plus"}, "proces_b")
    assert voldoet({"proces_a", "casus_b_plus"}, "casus_b_plus")
    assert not voldoet({"proces_a", "casus_b"}, "proces_b")
    assert voldoet(set(), "")
    assert voldoet({"casus_a"}, "")


def test_the_bounds_without_any_row():
    """lo is 1 and hi is 5 when no row holds (rules' docstring: "1 if none", "5 if none")."""
    from regiekaart.rules import afschaal_grens, opschaal_grens

    assert opschaal_grens(frozenset()) == 1
    assert afschaal_grens(frozenset("DZBOKE")) == 5
    assert (opschaal_grens(frozenset("DZBOKE")), afschaal_grens(frozenset())) == (5, 1)
