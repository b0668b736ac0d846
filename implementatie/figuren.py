"""Monitoring figures from live data (issue #14), for a scope (region, gemeente,
organisation; `implementatie.scope`) and a fixed calendar period (month, quarter, year).

The figures the seeds ask for: 001 theme E ("monitor ... het percentage gemeenten dat 1G1P1R
inzet en het aantal escalaties en oplossingen" for the region, "het aantal organisaties en
het aantal getrainde regisseurs" for the gemeente, "het aantal getrainde regisseurs" for the
organisation), 002 ch. 10 F and 003 B/G (management reports on the actual use, the share of
staff trained), and the method-fidelity figures of the issue (#6, #7 counts only).

Each figure is a function of (scope, period) that reads the other apps only through their
count selectors (`regie.selectors`, `huishoudens.selectors`, `plannen.selectors.*`,
`regiekaart.selectors.monitoring`, `meldcode.selectors`): aggregate queries, a fixed number
per figure, and no household data, only counts. Every count of households or people passes
`implementatie.onderdrukking` here, before any page or file sees it:

* counts per period come from one table per calendar year (months, quarters, year), so a
  month, its quarter and its year never subtract to a hidden month; periods are fixed
  calendar periods, never free ranges, so two ranges cannot isolate a few days;
* a series with its total is one table (`tabel`), and a share is a whole with its part and
  the (unshown) rest, so neither total minus parts nor whole minus part reveals a hidden cell;
* a gemeente or an organisation is always compared with its region (rule 3 per cell,
  whoever looks), so region minus organisation reveals nothing either.

Counts of gemeenten and organisations (public bodies) are not suppressed. Those two figures
come from the implementation plans: `register_inzet_bron` is the hook they plug into.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudens import selectors as huishoudens_selectors
from huishoudens.constants import Fase
from implementatie import onderdrukking as o
from implementatie.figuren_periode import MAANDEN, Periode
from implementatie.scope import Niveau, Scope
from meldcode import selectors as meldcode_selectors
from plannen.selectors import overleg as overleg_selectors
from plannen.selectors import plan as plan_selectors
from plannen.selectors import veiligheidsplan as vp_selectors
from regie import selectors as regie_selectors
from regie.constants import Competentieprofiel
from regie.registry import Registry
from regiekaart.selectors import monitoring as regiekaart_selectors

GEEN = "–"  # a share or median not shown (too few cases, or nothing to divide by)
# --- What a figure is ----------------------------------------------------------------------


@dataclass(frozen=True)
class Cel:
    waarde: int | float | None  # None: not shown
    tekst: str


def aantal(waarde: int | None) -> Cel:
    return Cel(waarde, o.weergave(waarde))


def procent(deel: int | None, geheel: int | None) -> Cel:
    """A share in whole percents, only where both counts are shown and the whole is not 0."""
    if deel is None or not geheel:
        return Cel(None, GEEN)
    waarde = round(100 * deel / geheel)
    return Cel(waarde, f"{waarde}%")


def dagen(mediaan: float | None, gevallen: int) -> Cel:
    """A median in whole days, only over at least DREMPEL cases."""
    if mediaan is None or o.klein(gevallen):
        return Cel(None, GEEN)
    waarde = round(mediaan)
    return Cel(waarde, str(waarde))


@dataclass
class Rij:
    label: str
    cellen: list[Cel]


@dataclass
class Figuur:
    sleutel: str
    titel: str
    uitleg: str
    kolommen: list[str]
    rijen: list[Rij]
    totaal: Rij | None = None
    grafiek: bool = True  # a bar chart of the rows (counts or percentages)
    procent: bool = False  # the chart's scale is 0-100%
    opmerking: str = ""
    beschikbaar: bool = True
    extra: dict = field(default_factory=dict)


# --- The hook for the implementation plans ---------------------------------------------------


@dataclass(frozen=True)
class Inzet:
    """How many gemeenten and organisations in a scope work with 1G1P1R (from their plans)."""

    gemeenten: int
    gemeenten_met: int
    organisaties: int
    organisaties_met: int


InzetBron = Callable[[Scope, Periode], Inzet]
inzet_bronnen: Registry[InzetBron] = Registry("inzetbron")


def register_inzet_bron(bron: InzetBron) -> InzetBron:
    """The implementation plans register the function that tells, for a scope and period,
    how many gemeenten and organisations work with 1G1P1R (001 theme E: "het percentage
    gemeenten dat 1G1P1R inzet", "het aantal organisaties"). Registered in the plans'
    `AppConfig.ready()`; until then the figure says it is not available yet."""
    return inzet_bronnen.register(bron)


# --- Helpers -------------------------------------------------------------------------------


def _kw(scope: Scope) -> dict:
    return {
        "regio_id": scope.regio_id,
        "gemeente_id": scope.gemeente_id,
        "organisatie_id": scope.organisatie_id,
    }


def _regio(scope: Scope) -> Scope | None:
    """The wider scope a narrower one is compared with (rule 3); None for the region."""
    return None if scope.niveau == Niveau.REGIO else Scope(Niveau.REGIO, scope.regio_id)


def _tel(scope: Scope, selector: Callable, **kwargs):
    """The selector's counts for the scope and, for a narrower scope, for its region."""
    regio = _regio(scope)
    eigen = selector(**kwargs, **_kw(scope))
    return eigen, (selector(**kwargs, **_kw(regio)) if regio else None)


def _reeks(
    waarden: Mapping, geheel: Mapping | None, sleutels: list, *, totaal_verborgen=False
) -> tuple[dict, int | None]:
    """A series over `sleutels` with its total, suppressed as one table."""
    cellen = {k: waarden.get(k, 0) for k in sleutels}
    cellen["totaal"] = sum(cellen.values())
    wijd = None
    if geheel is not None:
        wijd = {k: geheel.get(k, 0) for k in sleutels}
        wijd["totaal"] = sum(wijd.values())
    uit = o.tabel(
        cellen,
        [("totaal", list(sleutels))],
        geheel=wijd,
        verborgen=["totaal"] if totaal_verborgen else [],
    )
    return uit, uit.pop("totaal")


def _aandeel(geheel: int, deel: int, wijd: tuple[int, int] | None) -> tuple:
    """A whole, its part and the unshown rest as one table; returns (whole, part) shown."""
    cellen = {"geheel": geheel, "deel": deel, "rest": geheel - deel}
    breder = None
    if wijd is not None:
        breder = {"geheel": wijd[0], "deel": wijd[1], "rest": wijd[0] - wijd[1]}
    uit = o.tabel(cellen, [("geheel", ["deel", "rest"])], geheel=breder)
    return uit["geheel"], uit["deel"]


def _jaar(
    reeksen: Mapping[str, Mapping[int, int]],
    wijd: Mapping[str, Mapping[int, int]] | None,
    splitsing: tuple[str, str] | None = None,
) -> dict:
    """Per-month counts of one or more measures as one table of a calendar year, keyed
    (measure, cell). `splitsing` (whole, part): the part is part of the whole in every cell
    (held meetings of planned ones), so the unshown rest is in the table too."""
    namen = list(reeksen)
    cellen, breder, sommen = {}, ({} if wijd is not None else None), []
    bronnen = dict(reeksen)
    wijd_bronnen = dict(wijd) if wijd is not None else None
    if splitsing:
        geheel, deel = splitsing
        bronnen["_rest"] = _verschil(reeksen[geheel], reeksen[deel])
        if wijd_bronnen is not None:
            wijd_bronnen["_rest"] = _verschil(wijd[geheel], wijd[deel])
    for naam, per_maand in bronnen.items():
        for cel, waarde in o.kalender_cellen(per_maand).items():
            cellen[(naam, cel)] = waarde
        if breder is not None:
            for cel, waarde in o.kalender_cellen(wijd_bronnen[naam]).items():
                breder[(naam, cel)] = waarde
        for totaal, delen in o.KALENDER_SOMMEN:
            sommen.append(((naam, totaal), [(naam, d) for d in delen]))
    if splitsing:
        geheel, deel = splitsing
        for cel in o.kalender_cellen({}):
            sommen.append(((geheel, cel), [(deel, cel), ("_rest", cel)]))
    uit = o.tabel(cellen, sommen, geheel=breder)
    return {k: v for k, v in uit.items() if k[0] in namen}


def _verschil(a: Mapping[int, int], b: Mapping[int, int]) -> dict[int, int]:
    return {m: a.get(m, 0) - b.get(m, 0) for m in range(1, 13)}


def _maandrijen(tabel: dict, namen: list[str], periode: Periode) -> tuple[list[Rij], Rij | None]:
    """The months of the period and, for a quarter or a year, its total."""
    rijen = [
        Rij(f"{MAANDEN[m - 1]} {periode.jaar}", [aantal(tabel[(n, ("maand", m))]) for n in namen])
        for m in periode.maanden
    ]
    if periode.soort == "maand":
        return rijen, None
    totaal = Rij(
        _("Totaal %(periode)s") % {"periode": periode.label},
        [aantal(tabel[(n, periode.cel)]) for n in namen],
    )
    return rijen, totaal


def _vandaag() -> datetime.date:
    return timezone.localdate()


def _tot(periode: Periode) -> datetime.date:
    """The last day of the period that has passed (today within the current period)."""
    return min(periode.eind - datetime.timedelta(days=1), _vandaag())


# --- The figures ---------------------------------------------------------------------------


def inzet(scope: Scope, periode: Periode) -> Figuur:
    """Gemeenten and organisations working with 1G1P1R (001 theme E), from the plans."""
    figuur = Figuur(
        "inzet",
        _("Gemeenten en organisaties die met 1Gezin1Plan1Regisseur werken"),
        _("Volgens hun implementatieplannen (001, thema E: monitoren)."),
        [_("Werken ermee"), _("Totaal"), _("Aandeel")],
        [],
        procent=True,
    )
    if not inzet_bronnen:
        figuur.beschikbaar = False
        figuur.grafiek = False
        figuur.opmerking = _("Nog niet beschikbaar: dit cijfer komt uit de implementatieplannen.")
        return figuur
    stand = inzet_bronnen[0](scope, periode)
    # Gemeenten and organisations are public bodies: their counts are not suppressed.
    figuur.rijen = [
        Rij(
            _("Gemeenten"),
            [
                Cel(stand.gemeenten_met, str(stand.gemeenten_met)),
                Cel(stand.gemeenten, str(stand.gemeenten)),
                procent(stand.gemeenten_met, stand.gemeenten),
            ],
        ),
        Rij(
            _("Organisaties"),
            [
                Cel(stand.organisaties_met, str(stand.organisaties_met)),
                Cel(stand.organisaties, str(stand.organisaties)),
                procent(stand.organisaties_met, stand.organisaties),
            ],
        ),
    ]
    return figuur


def getrainde_regisseurs(scope: Scope, periode: Periode) -> Figuur:
    """Regisseurs trained per competence profile (002 ch. 6) by the end of the period."""
    profielen = list(Competentieprofiel.values)
    eigen, wijd = _tel(scope, regie_selectors.getraind_per_profiel, tot=_tot(periode))
    # A professional may hold several profiles: no total, each profile on its own.
    rijen = []
    for profiel in profielen:
        waarde = eigen.get(profiel, 0)
        shown = o.getal(waarde) if wijd is None else o.deel(waarde, geheel=wijd.get(profiel, 0))
        rijen.append(Rij(str(Competentieprofiel(profiel).label), [aantal(shown)]))
    return Figuur(
        "getraind",
        _("Getrainde proces- en casusregisseurs per competentieprofiel"),
        _(
            "Actieve medewerkers met het profiel, getraind uiterlijk op het einde van de periode "
            "(002 hoofdstuk 6; 001 thema E)."
        ),
        [_("Getraind")],
        rijen,
    )


def aandeel_getraind(scope: Scope, periode: Periode) -> Figuur:
    """The share of regisseurs (staff with a case role) trained in a profile (003, 002)."""
    eigen, wijd = _tel(scope, regie_selectors.regisseurs_getraind, tot=_tot(periode))
    staf, getraind = _aandeel(eigen[0], eigen[1], wijd)
    return Figuur(
        "aandeel_getraind",
        _("Aandeel getrainde regisseurs"),
        _(
            "Actieve medewerkers met de rol procesregisseur of casusregisseur, en hoeveel van hen "
            "een competentieprofiel hebben (003; 002 hoofdstuk 10)."
        ),
        [_("Regisseurs"), _("Getraind"), _("Aandeel")],
        [Rij(_("Regisseurs"), [aantal(staf), aantal(getraind), procent(getraind, staf)])],
        procent=True,
        extra={"grafiek_kolom": 2},
    )


def escalaties(scope: Scope, periode: Periode) -> Figuur:
    """Escalations and resolutions per month (001 theme E regionaal; #6)."""
    eigen, wijd = _tel(scope, regiekaart_selectors.escalaties_per_maand, jaar=periode.jaar)
    tabel = _jaar(
        {"op": eigen[0], "opgelost": eigen[1]},
        None if wijd is None else {"op": wijd[0], "opgelost": wijd[1]},
    )
    rijen, totaal = _maandrijen(tabel, ["op", "opgelost"], periode)
    return Figuur(
        "escalaties",
        _("Escalaties en oplossingen per maand"),
        _(
            "Opschalingen en vragen aan de manager (naar de maand van het besluit) en hun "
            "afhandeling (naar de maand van afhandelen); regiekaart, 001 thema E."
        ),
        [_("Escalaties"), _("Opgelost")],
        rijen,
        totaal,
        extra={"tabel": tabel},
    )


def escalaties_per_niveau(scope: Scope, periode: Periode) -> Figuur:
    """Escalations and resolutions in the period per level escalated to."""
    per_maand = escalaties(scope, periode).extra["tabel"]
    eigen, wijd = _tel(
        scope, regiekaart_selectors.escalaties_per_niveau, begin=periode.begin, eind=periode.eind
    )
    niveaus = [1, 2, 3, 4, 5]
    kolommen = []
    for i, naam in enumerate(["op", "opgelost"]):
        kolommen.append(
            _reeks(
                eigen[i],
                None if wijd is None else wijd[i],
                niveaus,
                totaal_verborgen=per_maand[(naam, periode.cel)] is None,
            )
        )
    rijen = [
        Rij(_("Niveau %(n)s") % {"n": n}, [aantal(k[0][n]) for k in kolommen]) for n in niveaus
    ]
    return Figuur(
        "escalaties_niveau",
        _("Escalaties en oplossingen per niveau"),
        _("Naar het niveau waarnaar is opgeschaald (regiekaart, 002 hoofdstuk 5)."),
        [_("Escalaties"), _("Opgelost")],
        rijen,
        Rij(_("Totaal"), [aantal(k[1]) for k in kolommen]),
    )


def trajecten_per_fase(scope: Scope, periode: Periode) -> Figuur:
    fasen = [f for f in Fase if f != Fase.GESLOTEN]
    eigen, wijd = _tel(scope, huishoudens_selectors.trajecten_per_fase)
    cellen, totaal = _reeks(eigen, wijd, [f.value for f in fasen])
    return Figuur(
        "fasen",
        _("Open trajecten per fase"),
        _("De stand van vandaag (002 deel A, 004)."),
        [_("Trajecten")],
        [Rij(str(f.label), [aantal(cellen[f.value])]) for f in fasen],
        Rij(_("Totaal"), [aantal(totaal)]),
        opmerking=_("Stand van vandaag; de gekozen periode geldt hier niet."),
    )


def trajecten_per_niveau(scope: Scope, periode: Periode) -> Figuur:
    niveaus = [1, 2, 3, 4, 5]
    eigen, wijd = _tel(scope, regiekaart_selectors.trajecten_per_niveau)
    cellen, totaal = _reeks(eigen, wijd, niveaus)
    return Figuur(
        "niveaus",
        _("Open trajecten per niveau"),
        _(
            "De stand van vandaag; een traject dat nog niet is beoordeeld telt op niveau 2 "
            "(regiekaart, 002 hoofdstuk 5)."
        ),
        [_("Trajecten")],
        [Rij(_("Niveau %(n)s") % {"n": n}, [aantal(cellen[n])]) for n in niveaus],
        Rij(_("Totaal"), [aantal(totaal)]),
        opmerking=_("Stand van vandaag; de gekozen periode geldt hier niet."),
    )


def _mediaan_figuur(sleutel, titel, uitleg, label, scope, periode, per_maand, mediaan) -> Figuur:
    """A count per period (from its year's table) and the median days over those cases."""
    eigen, wijd = _tel(scope, per_maand, jaar=periode.jaar)
    tabel = _jaar({"n": eigen}, None if wijd is None else {"n": wijd})
    gevallen, waarde = mediaan(begin=periode.begin, eind=periode.eind, **_kw(scope))
    return Figuur(
        sleutel,
        titel,
        uitleg,
        [label, _("Mediaan (dagen)")],
        [Rij(periode.label, [aantal(tabel[("n", periode.cel)]), dagen(waarde, gevallen)])],
        grafiek=False,
    )


def dagen_tot_startoverleg(scope: Scope, periode: Periode) -> Figuur:
    return _mediaan_figuur(
        "startoverleg",
        _("Dagen van aanmelding tot startoverleg"),
        _(
            "Trajecten waarvan het eerste gehouden startoverleg in de periode viel, en de "
            "mediaan van het aantal dagen sinds de aanmelding (fase 1 tot 3b)."
        ),
        _("Trajecten"),
        scope,
        periode,
        overleg_selectors.startoverleggen_per_maand,
        overleg_selectors.dagen_tot_startoverleg,
    )


def _aandeel_figuur(sleutel, titel, uitleg, kolommen, selector, scope, periode, **kwargs):
    eigen, wijd = _tel(scope, selector, **kwargs)
    geheel, deel = _aandeel(eigen[0], eigen[1], wijd)
    return Figuur(
        sleutel,
        titel,
        uitleg,
        [*kolommen, _("Aandeel")],
        [Rij(periode.label, [aantal(geheel), aantal(deel), procent(deel, geheel)])],
        procent=True,
        extra={"grafiek_kolom": 2},
    )


def plannen_met_netwerk(scope: Scope, periode: Periode) -> Figuur:
    return _aandeel_figuur(
        "netwerk",
        _("Plannen met netwerkleden"),
        _(
            "Ondersteuningsplannen van trajecten die in de periode liepen, en hoeveel daarvan "
            "een huishouden met familie, vrienden of buren in het netwerk hebben (002 deel H)."
        ),
        [_("Plannen"), _("Met netwerk")],
        plan_selectors.plannen_met_netwerk,
        scope,
        periode,
        begin=regie_selectors.moment(periode.begin),
        eind=regie_selectors.moment(periode.eind),
    )


def veiligheid_met_plan(scope: Scope, periode: Periode) -> Figuur:
    return _aandeel_figuur(
        "veiligheidsplan",
        _("Trajecten met zorgen rondom veiligheid en een Veiligheidsplan"),
        _(
            "Trajecten die in de periode liepen met zorgen over basiszorg of veiligheid, en "
            "hoeveel daarvan een Veiligheidsplan hebben (002 deel H)."
        ),
        [_("Met zorgen"), _("Met Veiligheidsplan")],
        vp_selectors.veiligheid_met_plan,
        scope,
        periode,
        begin=regie_selectors.moment(periode.begin),
        eind=regie_selectors.moment(periode.eind),
    )


def meldcode(scope: Scope, periode: Periode) -> Figuur:
    """Meldcode dossiers opened, meldingen made and decisions per month (#7, counts only)."""
    eigen, wijd = _tel(scope, meldcode_selectors.meldcode_per_maand, jaar=periode.jaar)
    namen = ["geopend", "gemeld", "besloten"]
    tabel = _jaar(eigen, wijd)
    rijen, totaal = _maandrijen(tabel, namen, periode)
    return Figuur(
        "meldcode",
        _("Meldcode: dossiers, meldingen en besluiten"),
        _(
            "Geopende meldcodedossiers, meldingen bij Veilig Thuis en dossiers met hun eerste "
            "weging (besluit, stap 4-5), per maand; alleen aantallen (002 hoofdstuk 2)."
        ),
        [_("Geopend"), _("Melding gedaan"), _("Besluit genomen")],
        rijen,
        totaal,
    )


def dagen_tot_besluit(scope: Scope, periode: Periode) -> Figuur:
    def per_maand(**kwargs):
        return meldcode_selectors.meldcode_per_maand(**kwargs)["besloten"]

    return _mediaan_figuur(
        "besluit",
        _("Dagen van meldcodedossier tot besluit"),
        _(
            "Dossiers waarvan de eerste weging in de periode viel, en de mediaan van het aantal "
            "dagen sinds het openen van het dossier."
        ),
        _("Dossiers"),
        scope,
        periode,
        per_maand,
        meldcode_selectors.dagen_tot_besluit,
    )


def acties_te_laat(scope: Scope, periode: Periode) -> Figuur:
    figuur = _aandeel_figuur(
        "acties",
        _("Acties over de datum"),
        _(
            "Open acties in de plannen van lopende trajecten, en hoeveel daarvan hun datum "
            "voorbij zijn."
        ),
        [_("Open acties"), _("Te laat")],
        plan_selectors.acties_te_laat,
        scope,
        periode,
        op=_vandaag(),
    )
    figuur.rijen[0].label = _("Vandaag")
    figuur.opmerking = _("Stand van vandaag; de gekozen periode geldt hier niet.")
    return figuur


def overleggen(scope: Scope, periode: Periode) -> Figuur:
    """Meetings held against planned, per month of their date (up to today)."""
    eigen, wijd = _tel(
        scope, overleg_selectors.overleggen_per_maand, jaar=periode.jaar, tot=_vandaag()
    )
    tabel = _jaar(
        {"gepland": eigen[0], "gehouden": eigen[1]},
        None if wijd is None else {"gepland": wijd[0], "gehouden": wijd[1]},
        splitsing=("gepland", "gehouden"),
    )
    rijen, totaal = _maandrijen(tabel, ["gepland", "gehouden"], periode)
    return Figuur(
        "overleggen",
        _("Overleggen gehouden en gepland"),
        _(
            "Start-, voortgangs- en tussentijdse overleggen met een datum in de maand (tot en met "
            "vandaag): gepland, ook als ze later zijn geannuleerd, en gehouden."
        ),
        [_("Gepland"), _("Gehouden")],
        rijen,
        totaal,
    )


FIGUREN: list[Callable[[Scope, Periode], Figuur]] = [
    inzet,
    getrainde_regisseurs,
    aandeel_getraind,
    escalaties,
    escalaties_per_niveau,
    trajecten_per_fase,
    trajecten_per_niveau,
    dagen_tot_startoverleg,
    plannen_met_netwerk,
    veiligheid_met_plan,
    meldcode,
    dagen_tot_besluit,
    acties_te_laat,
    overleggen,
]


def alle_figuren(scope: Scope, periode: Periode) -> list[Figuur]:
    return [figuur(scope, periode) for figuur in FIGUREN]
