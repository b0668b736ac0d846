"""Reads of the evaluation and the monitoring surveys (seed 002 DEEL I; issue #14): the
questionnaires, and the results aggregated per scope and quarter with small-count
suppression (`implementatie.onderdrukking`).

Suppression of the evaluation results (decided here, see README "Evaluatie"):
* published per calendar quarter only (answers are stored per month; one grain, so no two
  periods can be subtracted from each other);
* a cell is a count of one answer on the scale for one statement, group and quarter; it is
  hidden when it is 1 to 4 (rule 1) and when the same cell of a wider scope the viewer can
  also open differs from it by 1 to 4 (rule 3: organisation inside its gemeente and region,
  gemeente inside its region; one person's roles reach exactly that chain);
* within the five cells of a statement, shown with their total, a single hidden cell takes
  the smallest other non-zero cell with it (rule 2); a hidden total hides all five;
* the mean is shown only when none of its five cells is hidden (otherwise mean and total
  would give the hidden cells back).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from implementatie import onderdrukking
from implementatie.models import (
    Antwoord,
    Enquete,
    Groep,
    Inzending,
    Vraag,
    VraagSoort,
    Vragenlijst,
    VragenlijstSoort,
)
from implementatie.scope import Niveau, Scope

# --- questionnaires -----------------------------------------------------------------------


def evaluatie_vragenlijst() -> Vragenlijst:
    return Vragenlijst.objects.get(sleutel="evaluatie")


def stellingen(groep: str) -> list[Vraag]:
    return list(Vraag.objects.filter(vragenlijst__sleutel="evaluatie", groep=groep))


def monitoring_vragenlijsten():
    return Vragenlijst.objects.filter(soort=VragenlijstSoort.MONITORING)


def vragen(vragenlijst: Vragenlijst, groep: str = "") -> list[Vraag]:
    return list(vragenlijst.vragen.filter(groep=groep))


def schaal(vragenlijst: Vragenlijst) -> list[dict]:
    """The five points, from "Zeer eens" (5) to "Zeer oneens" (1), as in 002 DEEL I."""
    return vragenlijst.schaal


# --- scopes ---------------------------------------------------------------------------------


def scope_q(scope: Scope, prefix: str = "organisatie") -> Q:
    if scope.niveau == Niveau.REGIO:
        return Q(**{f"{prefix}__gemeente__regio_id": scope.regio_id})
    if scope.niveau == Niveau.GEMEENTE:
        return Q(**{f"{prefix}__gemeente_id": scope.gemeente_id})
    return Q(**{f"{prefix}_id": scope.organisatie_id})


def wijdere_scopes(scope: Scope) -> list[Scope]:
    """The scopes around `scope` that the same person may hold (org -> gemeente -> region)."""
    regio = Scope(Niveau.REGIO, scope.regio_id)
    if scope.niveau == Niveau.ORGANISATIE:
        return [Scope(Niveau.GEMEENTE, scope.regio_id, scope.gemeente_id), regio]
    if scope.niveau == Niveau.GEMEENTE:
        return [regio]
    return []


# --- suppression ------------------------------------------------------------------------------


def bescherm(cellen: dict, wijder: list[dict]) -> dict:
    """Rules 1 and 3 per cell against the same cells of wider scopes, then rule 2."""
    uit = {
        k: None
        if onderdrukking.klein(v) or any(onderdrukking.klein(w.get(k, 0) - v) for w in wijder)
        else v
        for k, v in cellen.items()
    }
    verborgen = [k for k, v in uit.items() if v is None]
    if len(verborgen) == 1:
        zichtbaar = [(cellen[k], k) for k, v in uit.items() if v is not None and cellen[k] > 0]
        if zichtbaar:
            uit[min(zichtbaar, key=lambda item: item[0])[1]] = None
    return uit


def bescherm_totaal(totaal: int, wijder: list[int]) -> int | None:
    if onderdrukking.klein(totaal) or any(onderdrukking.klein(w - totaal) for w in wijder):
        return None
    return totaal


# --- evaluation results ---------------------------------------------------------------------


@dataclass
class Stellingresultaat:
    tekst: str
    cellen: list[str]  # per scale point, highest first, as shown ("<5" when hidden)
    totaal: str
    gemiddelde: str  # "" when it would reveal a hidden cell


@dataclass
class Groepresultaat:
    groep: str
    label: str
    stellingen: list[Stellingresultaat] = field(default_factory=list)


@dataclass
class Kwartaalresultaat:
    kwartaal: int
    groepen: list[Groepresultaat] = field(default_factory=list)
    leeg: bool = True


def _tellingen(scope: Scope, jaar: int) -> dict[tuple, int]:
    """(quarter, group, statement number, scale value) -> count, in one query."""
    rows = (
        Antwoord.objects.filter(
            scope_q(scope, "inzending__organisatie"),
            inzending__vragenlijst__sleutel="evaluatie",
            inzending__periode__year=jaar,
            waarde__isnull=False,
        )
        .values_list("inzending__periode__quarter", "inzending__groep", "vraag__volgorde", "waarde")
        .annotate(n=Count("id"))
    )
    return {(q, g, v, w): n for q, g, v, w, n in rows}


def evaluatie_resultaten(scope: Scope, jaar: int) -> list[Kwartaalresultaat]:
    """The four quarters of `jaar` for `scope`, per group and statement, suppressed."""
    vl = evaluatie_vragenlijst()
    punten = [p["waarde"] for p in vl.schaal]
    teksten: dict[tuple[str, int], str] = {
        (v.groep, v.volgorde): v.tekst for v in Vraag.objects.filter(vragenlijst=vl)
    }
    eigen = _tellingen(scope, jaar)
    wijder = [_tellingen(s, jaar) for s in wijdere_scopes(scope)]
    uit = []
    for kwartaal in (1, 2, 3, 4):
        kr = Kwartaalresultaat(kwartaal)
        for groep in Groep:
            gr = Groepresultaat(groep.value, groep.label)
            for (g, volgorde), tekst in sorted(teksten.items(), key=lambda i: i[0][1]):
                if g != groep.value:
                    continue
                cellen = {p: eigen.get((kwartaal, g, volgorde, p), 0) for p in punten}
                totaal = sum(cellen.values())
                if totaal:
                    kr.leeg = False
                wijd = [{p: w.get((kwartaal, g, volgorde, p), 0) for p in punten} for w in wijder]
                getoond_totaal = bescherm_totaal(totaal, [sum(w.values()) for w in wijd])
                getoond = (
                    {p: None for p in punten} if getoond_totaal is None else bescherm(cellen, wijd)
                )
                volledig = getoond_totaal and all(v is not None for v in getoond.values())
                gemiddelde = (
                    f"{sum(p * n for p, n in cellen.items()) / totaal:.1f}" if volledig else ""
                )
                gr.stellingen.append(
                    Stellingresultaat(
                        tekst=tekst,
                        cellen=[onderdrukking.weergave(getoond[p]) for p in punten],
                        totaal=onderdrukking.weergave(getoond_totaal),
                        gemiddelde=gemiddelde,
                    )
                )
            kr.groepen.append(gr)
        uit.append(kr)
    return uit


# --- surveys -------------------------------------------------------------------------------------


def enquete_scope(enquete: Enquete) -> Scope:
    org = enquete.organisatie
    regio_id = org.gemeente.regio_id
    if enquete.niveau == Niveau.REGIO:
        return Scope(Niveau.REGIO, regio_id)
    if enquete.niveau == Niveau.GEMEENTE:
        return Scope(Niveau.GEMEENTE, regio_id, org.gemeente_id)
    return Scope(Niveau.ORGANISATIE, regio_id, org.gemeente_id, org.pk)


def enquetes_voor(scope: Scope):
    """The surveys whose scope lies inside `scope` (a wider scope sees the narrower ones)."""
    qs = Enquete.objects.select_related("vragenlijst", "organisatie__gemeente")
    if scope.niveau == Niveau.REGIO:
        return qs.filter(organisatie__gemeente__regio_id=scope.regio_id)
    if scope.niveau == Niveau.GEMEENTE:
        return qs.filter(
            organisatie__gemeente_id=scope.gemeente_id,
            niveau__in=[Niveau.GEMEENTE, Niveau.ORGANISATIE],
        )
    return qs.filter(organisatie_id=scope.organisatie_id, niveau=Niveau.ORGANISATIE)


@dataclass
class Vraagresultaat:
    vraag: Vraag
    cellen: list[tuple[str, str]] = field(default_factory=list)  # (label, shown count)
    totaal: str = ""
    gemiddelde: str = ""
    teksten: list[str] = field(default_factory=list)


KEUZES = {
    VraagSoort.JA_NEE: [(1, "Ja"), (0, "Nee")],
    VraagSoort.POSITIEF_NEGATIEF: [(1, "Positief"), (0, "Negatief")],
}


def enquete_resultaten(enquete: Enquete) -> tuple[str, list[Vraagresultaat]]:
    """The number of answers and, from 5 answers on, per question: counts (suppressed),
    the mean percentage, and the texts in alphabetical order (no dates, no order of arrival)."""
    n = Inzending.objects.filter(enquete=enquete).count()
    getoond_n = onderdrukking.getal(n)
    if getoond_n is None or n == 0:
        return onderdrukking.weergave(getoond_n), []
    antwoorden = defaultdict(list)
    for vraag_id, waarde, tekst in Antwoord.objects.filter(inzending__enquete=enquete).values_list(
        "vraag_id", "waarde", "tekst"
    ):
        antwoorden[vraag_id].append((waarde, tekst))
    uit = []
    for vraag in enquete.vragenlijst.vragen.filter(groep=""):
        r = Vraagresultaat(vraag)
        rijen = antwoorden.get(vraag.pk, [])
        waarden = [w for w, _t in rijen if w is not None]
        if vraag.soort in KEUZES:
            cellen = {k: sum(1 for w in waarden if w == k) for k, _label in KEUZES[vraag.soort]}
            totaal = onderdrukking.getal(len(waarden))
            getoond = {k: None for k in cellen} if totaal is None else bescherm(cellen, [])
            r.cellen = [
                (label, onderdrukking.weergave(getoond[k])) for k, label in KEUZES[vraag.soort]
            ]
            r.totaal = onderdrukking.weergave(totaal)
        elif vraag.soort == VraagSoort.PERCENTAGE:
            r.totaal = onderdrukking.weergave(onderdrukking.getal(len(waarden)))
            if onderdrukking.getal(len(waarden)):
                r.gemiddelde = f"{sum(waarden) / len(waarden):.0f}"
        r.teksten = sorted(t for _w, t in rijen if t)
        uit.append(r)
    return onderdrukking.weergave(getoond_n), uit
