"""The regiekaart's advice: which level fits a traject, given its current level and the
criteria that hold now (seed 002 ch. 5 "Regiekaart", C. Op- en afschalen). Pure: no database.

Sources
- Opschalen: the tables "Opschalen wordt vanuit niveau N als volgt ingezet" of Uitwerking per
  niveau. Each level adds one condition to the previous one (D, Z, B; then O; then K; then E).
  The summary table at the start of ch. 5 chains them ("Daarbij ... → naar niveau 3/4/5"),
  so a household can go up several levels at once.
- Afschalen: the tables "Afschalen wordt vanuit niveau N als volgt ingezet". The summary
  table lists all four afschalen rows at every level, so a household can also go down
  several levels at once: to the lowest level whose conditions all hold.
- P, VO, VI: the stagnation rows of the same tables. Their afschalen counterparts make
  stagnation block afschalen: each afschalen table of levels 2-5 has the row "Er is geen
  stagnatie in de communicatie en uitvoering van 1Gezin1Plan door problematiek van de klant
  en/of leden huishouden (, zodanig dat keten overstijgende samenwerking nodig is) →
  Afschalen naar niveau passend bij situatie", and "Er is niet langer sprake van
  visieverschil tussen professionals ... → Afschalen naar uitvoering". So while P, VO or
  VI holds, no afschalen fires (issue #12: level 3 or 4 with D, Z, B, P advised 2, undoing
  an escalation made for that stagnation); opschalen still does. The advice then names the
  row that must hold first (`afschalen_wacht_P`, `afschalen_wacht_V`). VO and VI are read as
  stagnation as well ("De samenwerking tussen professionals stagneert vanwege
  visieverschil"): the level waits until the visieverschil is resolved.

How up and down interact (hysteresis)
    lo(C) = the highest level whose opschalen conditions all hold (1 if none),
    hi(C) = the lowest level whose afschalen conditions all hold (5 if none).
Opschalen fires when huidig < lo, afschalen when huidig > hi and no stagnation (P, VO, VI)
holds, and otherwise the level is kept; so the advice is huidig clamped to [lo, hi], or
max(huidig, lo) under stagnation. lo <= hi for every C: lo >= 2 needs D (which
blocks afschalen to 1), lo >= 3 needs O (blocks 2), lo >= 4 needs K (blocks 3), lo = 5 needs
E (blocks 4). Hence the two can never fire together (regiekaart/tests/test_regiekaart_rules.py checks
all 64 combinations). Both lo and hi only rise when a criterion is added, so more criteria
never give a lower level (adding P, VO or VI only takes afschalen away), and advising
again at the advised level keeps it.

Decisions where the seed is silent or inconsistent (see also the `verschillen` of the data)
- P ("regisseur nodig met expertise") offers levels, it does not pick one: levels 1 and 2
  "Opschalen naar niveau 2, 3 of 4, afhankelijk van benodigde expertise" (at level 2 the
  option 2 means a specialised regisseur on the same level; the summary table's "niveau 1,
  3 of 4" is read as a slip); level 3 "Opschalen naar niveau 4". Levels 4 and 5 have no P row
  (procesregie is already ketenoverstijgend, and "Bij niveau 5 is geen sprake van verder
  opschalen"), so P offers nothing there. Options below the advised level are dropped: P asks
  for more expertise, never for less than the criteria require.
- VO / VI ("Opschalen naar manager") are rows at levels 1-4. Level 5 has no opschalen table,
  but its afschalen table has "Afschalen naar uitvoering" for a resolved visieverschil, so
  the signal is taken to exist there too: naar_manager at every level.
- Level 4's opschalen row says "De veiligheid is in gevaar" where levels 2 and 3 say "Er zijn
  signalen van onveiligheid of er is een onveilige situatie"; both are criterion O.
- The afschalen rows of levels 2 and 3 begin with "Er situatie is veilig"; the summary table
  has "De situatie is veilig", which is used here.
- Which competence profile covers which (`voldoet`): ch. 6 builds each profile on others:
  "De casusregisseur B heeft naast de competenties van casusregisseur A ook ...", B+ "naast
  de competenties van casusregisseur A en B", procesregisseur A "naast de competenties
  casusregisseur A", procesregisseur B "naast de competenties van de casus- en
  procesregisseur A en de casusregisseur B", procesregisseur B+ likewise (its heading text
  repeats "De procesregisseur B", a slip). So B+ satisfies B, B satisfies A, a procesregisseur
  profile satisfies the casusregisseur profiles it is built on, never the other way round.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from regie.constants import Competentieprofiel
from regiekaart.constants import Criterium

P = Criterium.PROBLEMATIEK.value
VO = Criterium.VISIE_ORGANISATIE.value
VI = Criterium.VISIE_INHOUD.value


@dataclass(frozen=True)
class Regel:
    code: str
    tekst: str


@dataclass(frozen=True)
class Advies:
    niveau: int
    naar_manager: bool
    opties: tuple[int, ...]
    regels: tuple[Regel, ...]


def _rij(*situatie: str, actie: str) -> str:
    """One row of a seed table as the data shows it: the bullets, then the action."""
    return "\n".join([*(f"• {s}" for s in situatie), f"→ {actie}"])


# Opschalen to level n: all of these criteria (single-letter codes) hold. Text: the table of level n - 1.
OPSCHALEN: dict[int, tuple[frozenset[str], str]] = {
    2: (
        frozenset("DZB"),
        _rij(
            "De draagkracht is uit balans én",
            "De zelfredzaamheid is beperkt of afwezig én",
            "De basiszorg is ontoereikend. Er is meer of andere hulp nodig.",
            actie="Opschalen naar niveau 2",
        ),
    ),
    3: (
        frozenset("DZBO"),
        _rij(
            "De draagkracht is uit balans én",
            "De zelfredzaamheid is beperkt of afwezig én",
            "De basiszorg is ontoereikend. Er is meer of andere hulp nodig én",
            "Er zijn signalen van onveiligheid of er is een onveilige situatie.",
            actie="Opschalen naar niveau 3",
        ),
    ),
    4: (
        frozenset("DZBOK"),
        _rij(
            "De draagkracht is uit balans én",
            "De zelfredzaamheid is beperkt of afwezig én",
            "De basiszorg is ontoereikend. Er is meer of andere hulp nodig én",
            "Er zijn signalen van onveiligheid of er is een onveilige situatie én",
            "De samenwerking moet keten overstijgend om de veiligheid te herstellen.",
            actie="Opschalen naar niveau 4",
        ),
    ),
    5: (
        frozenset("DZBOKE"),
        _rij(
            "De draagkracht is uit balans én",
            "De zelfredzaamheid is beperkt of afwezig én",
            "De basiszorg is ontoereikend. Er is meer of andere hulp nodig én",
            "De veiligheid is in gevaar én",
            "De samenwerking moet keten overstijgend om de veiligheid te herstellen én",
            "Er dreigt totale escalatie en/of maatschappelijke onrust",
            actie="Opschalen naar niveau 5",
        ),
    ),
}

_GEEN_ESCALATIE = "De dreiging van totale escalatie en maatschappelijke onrust is weggenomen."
_GEEN_KETEN = "Er is geen keten overstijgende samenwerking nodig om de veiligheid te herstellen én"

# Afschalen to level n: none of these criteria holds. Text: the table of level n + 1.
AFSCHALEN: dict[int, tuple[frozenset[str], str]] = {
    4: (frozenset("E"), _rij(_GEEN_ESCALATIE, actie="Afschalen naar niveau 4")),
    3: (frozenset("KE"), _rij(_GEEN_KETEN, _GEEN_ESCALATIE, actie="Afschalen naar niveau 3")),
    2: (
        frozenset("OKE"),
        _rij(
            "De situatie is veilig én",
            _GEEN_KETEN,
            _GEEN_ESCALATIE,
            actie="Afschalen naar niveau 2",
        ),
    ),
    1: (
        frozenset("DZBOKE"),
        _rij(
            "De draagkracht is in balans én",
            "De zelfredzaamheid is voldoende én",
            "De basiszorg is toereikend en er is geen hulp nodig én",
            "De situatie is veilig én",
            _GEEN_KETEN,
            _GEEN_ESCALATIE,
            actie="Afschalen naar niveau 1",
        ),
    ),
}

_P_NIVEAU_1_2 = _rij(
    "De problematiek van de klant en/of leden van het huishouden stagneren de communicatie, "
    "uitvoering of monitoring van 1Gezin1Plan. Er is een regisseur nodig die gespecialiseerd "
    "is in de problematiek en/of samenwerking.",
    actie="Opschalen naar niveau 2, 3 of 4, afhankelijk van benodigde expertise.",
)

# P at level n: the levels the seed offers, and the row's text. None at levels 4 and 5.
PROBLEMATIEK: dict[int, tuple[tuple[int, ...], str]] = {
    1: ((2, 3, 4), _P_NIVEAU_1_2),
    2: ((2, 3, 4), _P_NIVEAU_1_2),
    3: (
        (4,),
        _rij(
            "De problematiek van de klant en/of leden van het huishouden stagneren de "
            "communicatie, uitvoering of monitoring van 1Gezin1Plan zodanig dat keten "
            "overstijgende samenwerking nodig is. Er is een regisseur nodig die gespecialiseerd "
            "is in de problematiek.",
            actie="Opschalen naar niveau 4, afhankelijk van benodigde expertise.",
        ),
    ),
}

_GEEN_STAGNATIE = (
    "Er is geen stagnatie in de communicatie en uitvoering van 1Gezin1Plan door problematiek "
    "van de klant en/of leden huishouden"
)
_ZODANIG = ", zodanig dat keten overstijgende samenwerking nodig is"

# Afschalen from level n waits while stagnation holds: the row of level n's afschalen table
# that must hold first (002 ch. 5, Uitwerking per niveau; levels 3 and 4 add "zodanig dat").
STAGNATIE_AFSCHALEN: dict[str, dict[int, str]] = {
    P: {
        n: _rij(
            _GEEN_STAGNATIE + (_ZODANIG if n in (3, 4) else "") + ".",
            actie="Afschalen naar niveau passend bij situatie",
        )
        for n in (2, 3, 4, 5)
    },
    "V": {
        n: _rij(
            "Er is niet langer sprake van visieverschil tussen professionals over de "
            "organisatie of inhoudelijke uitvoering van 1Gezin1Plan",
            actie="Afschalen naar uitvoering",
        )
        for n in (2, 3, 4, 5)
    },
}

NAAR_MANAGER: dict[str, str] = {
    VO: _rij(
        "De samenwerking tussen professionals stagneert vanwege visieverschil op organisatie "
        "van 1Gezin1Plan, zoals taakopvatting, ureninzet e.d.",
        actie="Opschalen naar manager",
    ),
    VI: _rij(
        "De samenwerking tussen professionals stagneert vanwege visieverschil op de "
        "inhoudelijke uitvoering van 1Gezin1Plan zoals visie op doelen, acties, bodemeisen, "
        "veiligheidsafspraken e.d.",
        actie="Opschalen naar manager",
    ),
}


def opschaal_grens(criteria: frozenset[str]) -> int:
    """lo: the highest level whose opschalen conditions all hold (1 if none)."""
    return max([1, *(n for n, (nodig, _) in OPSCHALEN.items() if nodig <= criteria)])


def afschaal_grens(criteria: frozenset[str]) -> int:
    """hi: the lowest level whose afschalen conditions all hold (5 if none)."""
    return min([5, *(n for n, (geen, _) in AFSCHALEN.items() if not geen & criteria)])


def advies(huidig_niveau: int, criteria: Iterable[str]) -> Advies:
    """The level the regiekaart advises for a traject on `huidig_niveau` where `criteria`
    (codes of `Criterium`) hold. Raises ValueError on a level outside 1-5 or unknown codes."""
    if isinstance(huidig_niveau, bool) or huidig_niveau not in range(1, 6):
        raise ValueError(f"Onbekend niveau: {huidig_niveau!r} (1 tot en met 5).")
    codes = frozenset(criteria)
    onbekend = codes - set(Criterium.values)
    if onbekend:
        raise ValueError(f"Onbekende criteria: {', '.join(sorted(map(str, onbekend)))}.")
    codes = frozenset(str(c) for c in codes)  # TextChoices members -> plain codes

    lo, hi = opschaal_grens(codes), afschaal_grens(codes)
    regels: list[Regel] = []
    niveau = huidig_niveau
    if huidig_niveau < lo:
        niveau = lo
        regels.append(Regel(f"opschalen_naar_{lo}", OPSCHALEN[lo][1]))
    elif huidig_niveau > hi:
        stagnatie = [
            soort
            for soort, codes_ in ((P, {P}), ("V", {VO, VI}))
            if codes_ & codes and huidig_niveau in STAGNATIE_AFSCHALEN[soort]
        ]
        if stagnatie:  # afschalen waits until the stagnation is gone (see the docstring)
            regels.extend(
                Regel(f"afschalen_wacht_{soort}", STAGNATIE_AFSCHALEN[soort][huidig_niveau])
                for soort in stagnatie
            )
        else:
            niveau = hi
            regels.append(Regel(f"afschalen_naar_{hi}", AFSCHALEN[hi][1]))

    opties: tuple[int, ...] = ()
    if P in codes and huidig_niveau in PROBLEMATIEK:
        aangeboden, tekst = PROBLEMATIEK[huidig_niveau]
        opties = tuple(n for n in aangeboden if n >= niveau)
        if opties:
            regels.append(Regel(P, tekst))

    manager = [code for code in (VO, VI) if code in codes]
    regels.extend(Regel(code, NAAR_MANAGER[code]) for code in manager)
    return Advies(niveau=niveau, naar_manager=bool(manager), opties=opties, regels=tuple(regels))


# Which profiles each profile includes (002 ch. 6, see the module docstring).
_CA, _CB, _CBP = (
    Competentieprofiel.CASUS_A,
    Competentieprofiel.CASUS_B,
    Competentieprofiel.CASUS_B_PLUS,
)
_PA, _PB, _PBP = (
    Competentieprofiel.PROCES_A,
    Competentieprofiel.PROCES_B,
    Competentieprofiel.PROCES_B_PLUS,
)
OMVAT: dict[str, frozenset[str]] = {
    _CA: frozenset({_CA}),
    _CB: frozenset({_CB, _CA}),
    _CBP: frozenset({_CBP, _CB, _CA}),
    _PA: frozenset({_PA, _CA}),
    _PB: frozenset({_PB, _PA, _CB, _CA}),
    _PBP: frozenset({_PBP, _PB, _PA, _CB, _CA}),
}


def voldoet(profielen: set[str], vereist: str) -> bool:
    """Whether someone with `profielen` meets the profile `vereist` (a level's
    casusregie_profiel or procesregie_profiel). An empty requirement (no procesregisseur on
    level 1) is always met. Unknown profile codes raise ValueError."""
    onbekend = (({vereist} - {""}) | set(profielen)) - set(OMVAT)
    if onbekend:
        raise ValueError(f"Onbekende competentieprofielen: {', '.join(sorted(onbekend))}.")
    return not vereist or any(vereist in OMVAT[p] for p in profielen)


def regel_tekst(code: str, huidig_niveau: int) -> str:
    """The seed row behind a `Regel.code` that `advies(huidig_niveau, ...)` gave, for showing a
    stored decision again ("" for a code this module does not know)."""
    soort, _sep, naar = code.rpartition("_naar_")
    if soort == "opschalen" and naar.isdigit() and int(naar) in OPSCHALEN:
        return OPSCHALEN[int(naar)][1]
    if soort == "afschalen" and naar.isdigit() and int(naar) in AFSCHALEN:
        return AFSCHALEN[int(naar)][1]
    if code.startswith("afschalen_wacht_"):
        return STAGNATIE_AFSCHALEN.get(code.removeprefix("afschalen_wacht_"), {}).get(
            huidig_niveau, ""
        )
    if code == P and huidig_niveau in PROBLEMATIEK:
        return PROBLEMATIEK[huidig_niveau][1]
    return NAAR_MANAGER.get(code, "")
