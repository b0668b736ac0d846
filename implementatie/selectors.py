"""Reads of implementatie (issue #14): plans in a scope, progress per theme and overall,
overdue and due items, and the region's overview of gemeenten and organisations.

"Working with 1G1P1R" (the figure 001 E asks the region to monitor: "het percentage
gemeenten dat 1Gezin1Plan1Regisseur inzet", and the gemeente "het aantal organisaties") is
read from the plans, as decided in implementatie/README.md: a gemeente or organisation works
with 1G1P1R when, in the latest year of one of its own plans, every theme-A item that is not
optional is gereed or n.v.t. and at least one is gereed. Theme A is where each source puts
the decision to work this way (001 A "Stel het regiemodel bestuurlijk vast"; 002 h. 10 and
003 h. 5 A Commitment "Stel 1Gezin1Plan1Regisseur als gezamenlijke werkwijze vast").
Monitoring may read these through `werkend_met_methode`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Subquery
from django.utils import timezone

from implementatie.constants import AFGEROND, ItemStatus
from implementatie.models import Implementatieplan, Jaarronde, PlanItem, thema_label
from implementatie.scope import Niveau, Scope, eigen_scope
from regie.models import Gemeente, Organisatie

BINNENKORT_DAGEN = 30
METHODE_THEMA = "A"


@dataclass
class Voortgang:
    totaal: int = 0
    gereed: int = 0
    bezig: int = 0
    niet_gestart: int = 0
    nvt: int = 0
    achterstallig: int = 0

    def tel(self, status: str, n: int = 1, achterstallig: bool = False) -> None:
        self.totaal += n
        if status == ItemStatus.GEREED:
            self.gereed += n
        elif status == ItemStatus.BEZIG:
            self.bezig += n
        elif status == ItemStatus.NVT:
            self.nvt += n
        else:
            self.niet_gestart += n
        if achterstallig:
            self.achterstallig += n

    @property
    def van_toepassing(self) -> int:
        return self.totaal - self.nvt

    @property
    def percentage(self) -> int | None:
        """Share of the applicable items that is done; None when nothing applies."""
        if not self.van_toepassing:
            return None
        return round(100 * self.gereed / self.van_toepassing)


@dataclass
class ThemaVoortgang:
    code: str
    label: str
    voortgang: Voortgang = field(default_factory=Voortgang)


def voortgang(items, vandaag: datetime.date | None = None):
    """(per theme in order, overall) for loaded plan items."""
    vandaag = vandaag or timezone.localdate()
    themas: dict[str, ThemaVoortgang] = {}
    totaal = Voortgang()
    for item in items:
        t = themas.setdefault(item.thema_code, ThemaVoortgang(item.thema_code, item.thema_label))
        late = item.is_achterstallig(vandaag)
        t.voortgang.tel(item.status, achterstallig=late)
        totaal.tel(item.status, achterstallig=late)
    return list(themas.values()), totaal


def plannen_voor(user):
    """Plans the user may read, with their latest year."""
    laatste = Jaarronde.objects.filter(plan=OuterRef("pk")).order_by("-jaar").values("jaar")[:1]
    return (
        Implementatieplan.objects.binnen(eigen_scope(user))
        .select_related("sjabloon", "regio", "gemeente", "organisatie")
        .annotate(laatste_jaar=Subquery(laatste))
        .order_by("niveau", "gemeente__naam", "organisatie__naam", "titel")
    )


def laatste_rondes(plannen):
    """{plan id: latest Jaarronde} in one query."""
    jaren = Jaarronde.objects.filter(plan__in=plannen).values("plan").annotate(j=Max("jaar"))
    wanted = {(r["plan"], r["j"]) for r in jaren}
    return {
        r.plan_id: r
        for r in Jaarronde.objects.filter(plan__in=plannen)
        if (r.plan_id, r.jaar) in wanted
    }


@dataclass(frozen=True)
class Filters:
    status: str = ""
    thema: str = ""
    achterstallig: bool = False


def ronde_items(ronde: Jaarronde, filters: Filters = Filters(), vandaag=None):
    vandaag = vandaag or timezone.localdate()
    items = ronde.items.all()
    if filters.status in ItemStatus.values:
        items = items.filter(status=filters.status)
    if filters.thema:
        items = items.filter(thema_code=filters.thema)
    if filters.achterstallig:
        items = items.filter(planning__lt=vandaag).exclude(status__in=AFGEROND)
    return items.order_by("thema_volgorde", "volgorde")


def binnenkort(scope: Scope | None, vandaag=None, dagen: int = BINNENKORT_DAGEN):
    """Open items of the latest year of the scope's own plans that are overdue or due within
    `dagen` days, earliest first: what the owner should look at next."""
    vandaag = vandaag or timezone.localdate()
    if scope is None:
        return PlanItem.objects.none()
    eigen = Implementatieplan.objects.binnen(scope).filter(
        niveau=scope.niveau, organisatie_id=scope.organisatie_id
    )
    if scope.niveau == Niveau.REGIO:
        eigen = eigen.filter(gemeente__isnull=True)
    rondes = laatste_rondes(eigen).values()
    return (
        PlanItem.objects.filter(ronde__in=rondes, planning__lte=vandaag + datetime.timedelta(dagen))
        .exclude(status__in=AFGEROND)
        .select_related("ronde__plan")
        .order_by("planning", "thema_volgorde", "volgorde")
    )


def eigen_plannen(scope: Scope | None):
    if scope is None:
        return Implementatieplan.objects.none()
    qs = Implementatieplan.objects.binnen(scope).filter(
        niveau=scope.niveau, organisatie_id=scope.organisatie_id
    )
    if scope.niveau == Niveau.REGIO:
        qs = qs.filter(gemeente__isnull=True)
    return qs.select_related("sjabloon")


# --- the overview of a region (or a gemeente) ------------------------------------------------


@dataclass
class Deelnemer:
    """A gemeente or organisation in the overview, with its plans' latest progress."""

    naam: str
    niveau: str
    gemeente: str = ""
    plannen: list = field(default_factory=list)  # (plan, jaar, Voortgang)
    werkt_met_methode: bool = False


def _tellingen(rondes) -> dict[int, list[dict]]:
    rows = defaultdict(list)
    for r in (
        PlanItem.objects.filter(ronde__in=rondes)
        .values("ronde_id", "status", "thema_code", "optioneel")
        .annotate(n=Count("id"))
    ):
        rows[r["ronde_id"]].append(r)
    return rows


def _methode(rows: list[dict]) -> bool:
    a = [r for r in rows if r["thema_code"] == METHODE_THEMA and not r["optioneel"]]
    gereed = sum(r["n"] for r in a if r["status"] == ItemStatus.GEREED)
    open_ = sum(r["n"] for r in a if r["status"] not in AFGEROND)
    return gereed > 0 and open_ == 0


def overzicht(scope: Scope):
    """Gemeenten and organisations inside `scope` side by side (for the regiocoördinator:
    the region; for the agendahouder: their gemeente's organisations), each with the latest
    progress of its own plans. A fixed number of queries, whatever the size of the region."""
    plannen = list(
        Implementatieplan.objects.binnen(scope)
        .exclude(niveau=Niveau.REGIO)
        .select_related("sjabloon")
        .order_by("titel")
    )
    rondes = laatste_rondes(plannen)
    tellingen = _tellingen(list(rondes.values()))
    gemeenten = Gemeente.objects.filter(regio_id=scope.regio_id).order_by("naam")
    organisaties = Organisatie.objects.filter(
        gemeente__regio_id=scope.regio_id, actief=True
    ).select_related("gemeente")
    if scope.niveau == Niveau.GEMEENTE:
        gemeenten = gemeenten.filter(pk=scope.gemeente_id)
        organisaties = organisaties.filter(gemeente_id=scope.gemeente_id)
    rijen_g = {g.pk: Deelnemer(g.naam, Niveau.GEMEENTE) for g in gemeenten}
    rijen_o = {
        o.pk: Deelnemer(o.naam, Niveau.ORGANISATIE, gemeente=o.gemeente.naam)
        for o in organisaties.order_by("gemeente__naam", "naam")
    }
    for plan in plannen:
        rij = (
            rijen_g.get(plan.gemeente_id)
            if plan.niveau == Niveau.GEMEENTE
            else rijen_o.get(plan.organisatie_id)
        )
        ronde = rondes.get(plan.pk)
        if rij is None or ronde is None:
            continue
        v = Voortgang()
        for r in tellingen[ronde.pk]:
            v.tel(r["status"], r["n"])
        rij.plannen.append((plan, ronde.jaar, v))
        rij.werkt_met_methode = rij.werkt_met_methode or _methode(tellingen[ronde.pk])
    return list(rijen_g.values()), list(rijen_o.values())


@dataclass(frozen=True)
class Methodecijfers:
    gemeenten: int
    gemeenten_werkend: int
    organisaties: int
    organisaties_werkend: int

    @property
    def percentage_gemeenten(self) -> int | None:
        if not self.gemeenten:
            return None
        return round(100 * self.gemeenten_werkend / self.gemeenten)


def werkend_met_methode(scope: Scope) -> Methodecijfers:
    """The share of gemeenten and the number of organisations in `scope` working with
    1G1P1R, as defined in this module's docstring."""
    gemeenten, organisaties = overzicht(scope)
    return Methodecijfers(
        gemeenten=len(gemeenten),
        gemeenten_werkend=sum(g.werkt_met_methode for g in gemeenten),
        organisaties=len(organisaties),
        organisaties_werkend=sum(o.werkt_met_methode for o in organisaties),
    )


def jaren_naast_elkaar(plan: Implementatieplan):
    """Every year of a plan side by side: the years, and per item (by key, in the order of
    the latest year) its status in each year (None where the item did not exist yet)."""
    rondes = list(plan.rondes.order_by("jaar"))
    items = PlanItem.objects.filter(ronde__plan=plan).order_by("thema_volgorde", "volgorde")
    per_sleutel: dict[str, dict] = {}
    for item in items:
        rij = per_sleutel.setdefault(
            item.sleutel,
            {"item": item, "thema": thema_label(item.thema_code, item.thema_titel), "jaren": {}},
        )
        rij["jaren"][item.ronde_id] = item
        if item.ronde_id == rondes[-1].pk:
            rij["item"] = item
    rijen = [
        {**r, "cellen": [r["jaren"].get(ronde.pk) for ronde in rondes]}
        for r in per_sleutel.values()
    ]
    voortgang_per_jaar = []
    for ronde in rondes:
        _, totaal = voortgang([i for i in items if i.ronde_id == ronde.pk])
        voortgang_per_jaar.append(totaal)
    return rondes, rijen, voortgang_per_jaar
