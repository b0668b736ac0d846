"""Reads of the Ondersteuningsplan: the plan as one document (its snapshot), its quality,
versions, recipients and "Mijn acties"."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from huishoudens.consent import consent_complete, financial_consenters
from huishoudens.constants import Fase, Leefgebied, TrajectRol
from huishoudens.models import Netwerklid
from huishoudens.selectors import actief_in_periode, casusregisseurs, traject_scope
from plannen.constants import ActieStatus, KrachtZorgSoort
from plannen.datum import datum_nl
from plannen.models import Actie, Doel, Ondersteuningsplan, PlanVersie
from plannen.selectors.overleg import geplande_overleggen
from plannen.selectors.veiligheidsplan import vp_snapshot
from plannen.tekst import kort

DATA = Path(__file__).resolve().parent.parent / "data" / "ondersteuningsplan.json"


@cache
def sections() -> dict[str, dict]:
    """Title, question and quality criterion per section (002 DEEL H and ch. 8), by code."""
    return {s["code"]: s for s in json.loads(DATA.read_text(encoding="utf-8"))["secties"]}


def plan_with_everything(plan_id: int) -> Ondersteuningsplan:
    return (
        Ondersteuningsplan.objects.select_related(
            "traject__huishouden__gemeente", "veiligheidsplan"
        )
        .prefetch_related(
            "krachten_zorgen",
            "eerdere_hulp",
            Prefetch(
                "doelen",
                queryset=Doel.objects.prefetch_related(
                    Prefetch("acties", queryset=Actie.objects.select_related("wie_user"))
                ),
            ),
            "traject__huishouden__leden__toestemmingen",
            "traject__huishouden__netwerk",
            "traject__huishouden__professionals__user__organisatie",
            "traject__betrokkenen__user",
            "veiligheidsplan__afspraken",
            "veiligheidsplan__contacten",
            "veiligheidsplan__scores",
        )
        .get(pk=plan_id)
    )


def plan_of_traject(traject) -> Ondersteuningsplan | None:
    """The traject's plan with everything, or None when nobody started it yet."""
    plan_id = (
        Ondersteuningsplan.objects.filter(traject=traject).values_list("pk", flat=True).first()
    )
    return plan_with_everything(plan_id) if plan_id else None


def plan_rijen(plan: Ondersteuningsplan, relatie: str):
    """The rows of one of the plan's relations (`doelen`, `versies`, ...); none for the empty
    draft of a plan nobody started yet, which is shown but not saved (issue #13)."""
    return getattr(plan, relatie).all() if plan.pk else []


def snapshot(plan: Ondersteuningsplan) -> dict:
    """Every section of the format in its order, as plain data (what a version fixes)."""
    huishouden = plan.traject.huishouden
    leden = list(huishouden.leden.all())
    return {
        "datum": timezone.localdate().isoformat(),
        "contactgegevens": _contactgegevens(huishouden),
        "gezinsleden": [_gezinslid(lid) for lid in leden],
        "procesregisseur": procesregisseur_van(plan.traject),
        "casusregisseurs": casusregisseurs_van(plan.traject),
        "familie_en_vrienden": [_netwerklid(n) for n in huishouden.netwerk.all()],
        "professionals": [_professional(p) for p in huishouden.professionals.all()],
        "overige_gegevens": [_overige_gegevens(lid) for lid in leden],
        "aanvraag_beschikking": plan.aanvraag_beschikking,
        "aanleiding": plan.aanleiding,
        "krachten": [
            _kz(k) for k in plan.krachten_zorgen.all() if k.soort == KrachtZorgSoort.KRACHT
        ],
        "zorgen": [_kz(k) for k in plan.krachten_zorgen.all() if k.soort == KrachtZorgSoort.ZORG],
        "eerdere_hulp": [_eerdere_hulp(h) for h in plan.eerdere_hulp.all()],
        "integrale_analyse": plan.integrale_analyse,
        "gewenst_resultaat": plan.gewenst_resultaat,
        "zorgen_veiligheid": plan.zorgen_veiligheid,
        "doelen": [_doel(d) for d in plan.doelen.all()],
        "samenvatting": plan.samenvatting,
        "planning_overleg": planning_overleg(plan),
        "veiligheidsplan": _vp(plan),
    }


def _contactgegevens(huishouden) -> dict:
    return {
        "naam": huishouden.naam,
        "adres": huishouden.adres,
        "postcode": huishouden.postcode,
        "woonplaats": huishouden.woonplaats,
        "telefoon": huishouden.telefoon,
        "email": huishouden.email,
    }


def _gezinslid(lid) -> dict:
    return {
        "naam": str(lid),
        "geslacht": lid.get_geslacht_display(),
        "geboortedatum": lid.geboortedatum.isoformat(),
        "rol": lid.get_rol_in_gezin_display(),
        "gezag": lid.get_gezag_display() if lid.gezag else "",
        "burgerlijke_staat": lid.burgerlijke_staat,
        "beroep": lid.beroep,
        "adres": lid.adres,
        "telefoon": lid.telefoon,
        "email": lid.email,
    }


def procesregisseur_van(traject) -> dict | None:
    """The current procesregisseur of the traject, from the prefetched betrokkenen."""
    proces = next(
        (
            b.user
            for b in traject.betrokkenen.all()
            if b.rol == TrajectRol.PROCESREGISSEUR and b.tot is None
        ),
        None,
    )
    if proces is None:
        return None
    return {"naam": proces.get_full_name(), "email": proces.email, "telefoon": proces.telefoon}


def casusregisseurs_van(traject) -> list[dict]:
    """Who holds casusregie now, the professionals and the members of the household or its
    network without an account (002 ch. 5, Niveau 1: "uzelf, een familielid, een goede
    vriend"), with their leefgebieden by name, as the plan prints them (issue #12)."""
    namen = dict(Leefgebied.choices)
    return [
        {
            "naam": c["naam"],
            "organisatie": c["organisatie"],
            "leefgebieden": [str(namen.get(code, code)) for code in c["leefgebieden"] or []],
            "informeel": c["informeel"],
        }
        for c in casusregisseurs(traject)
    ]


def _netwerklid(n) -> dict:
    return {"naam": n.naam, "rol": n.rol, "email": n.email, "telefoon": n.telefoon}


def _professional(p) -> dict:
    return {
        "naam": p.weergavenaam,
        "organisatie": p.organisatienaam,
        "email": p.email or (p.user.email if p.user_id else ""),
        "telefoon": p.telefoon,
    }


def _overige_gegevens(lid) -> dict:
    return {
        "naam": str(lid),
        "toestemming": consent_complete(lid),
        "vir": lid.vir_signaal,
        "woonplaatsbeginsel": lid.woonplaatsbeginsel_gecontroleerd,
        "legitimatie": lid.legitimatie_gecontroleerd,
    }


def _eerdere_hulp(h) -> dict:
    return {"hulp": h.hulp, "door": h.door, "wanneer": h.wanneer, "resultaat": h.resultaat}


def _doel(d) -> dict:
    return {
        "tekst": d.tekst,
        "bereikt": d.get_bereikt_display(),
        "acties": [_actie(a) for a in d.acties.all()],
    }


def _actie(a) -> dict:
    return {
        "wie": a.uitvoerder,
        "wat": a.wat,
        "wanneer": a.wanneer.isoformat() if a.wanneer else "",
        "status": a.get_status_display(),
    }


def planning_overleg(plan) -> list[dict]:
    """The "Planning overleg" section (DEEL H): the meetings planned in Regie, and the rows
    typed into plans before meetings were planned here (kept as they were), by date."""
    rijen = [
        {
            "overleg": o.get_soort_display(),
            "datum": o.datum.isoformat(),
            "tijd": f"{o.begin:%H:%M}–{o.eind:%H:%M}",
            "locatie": o.locatie or o.online_link,
        }
        for o in geplande_overleggen(plan.traject)
    ]
    rijen += [
        {
            "overleg": o.overleg,
            "datum": o.datum.isoformat(),
            "tijd": o.tijd.strftime("%H:%M") if o.tijd else "",
            "locatie": o.locatie,
        }
        for o in plan_rijen(plan, "planning")
    ]
    return sorted(rijen, key=lambda r: (r["datum"], r["tijd"]))


def _vp(plan) -> dict | None:
    if not hasattr(plan, "veiligheidsplan"):
        return None
    return vp_snapshot(plan.veiligheidsplan)


def _kz(k) -> dict:
    return {
        "wie": k.wie,
        "wat": k.wat,
        "citaat": k.citaat,
        "sinds": k.sinds,
        "gevolgen": k.gevolgen,
        "leefgebied": k.get_leefgebied_display() if k.leefgebied else "",
    }


def quality_issues(plan: Ondersteuningsplan) -> list[str]:
    """What the quality criteria (002 ch. 8) miss in the draft, in plain Dutch."""
    issues = []
    if not plan.aanleiding.strip():
        issues.append(_("De aanleiding, vraag of zorg is nog niet beschreven."))
    for doel in plan_rijen(plan, "doelen"):
        acties = list(doel.acties.all())
        if not acties:
            issues.append(
                _("Doel “%(doel)s” heeft nog geen actie.") % {"doel": kort(doel.tekst, 80)}
            )
        for actie in acties:
            if not actie.uitvoerder:
                issues.append(
                    _("Bij actie “%(actie)s” staat niet wie het doet.")
                    % {"actie": kort(actie.wat, 80)}
                )
            if not actie.wanneer:
                issues.append(
                    _("Bij actie “%(actie)s” staat niet wanneer.") % {"actie": kort(actie.wat, 80)}
                )
    for zorg in plan_rijen(plan, "krachten_zorgen"):
        if zorg.soort == KrachtZorgSoort.ZORG and not zorg.wie.strip():
            issues.append(
                _("Bij de zorg “%(zorg)s” staat niet wie de zorg omschrijft.")
                % {"zorg": kort(zorg.wat, 60)}
            )
    if plan.zorgen_veiligheid and not hasattr(plan, "veiligheidsplan"):
        issues.append(
            _(
                "Er zijn zorgen over basiszorg en/of veiligheid, maar er is nog geen Veiligheidsplan."
            )
        )
    if plan.aanvraag_beschikking:
        issues += _aanvraag_issues(plan)
    return issues


def _aanvraag_issues(plan: Ondersteuningsplan) -> list[str]:
    """An aanvraag or beschikking needs the woonplaatsbeginsel and the legitimatie checked
    per person (002 DEEL H, Ondersteuningsplan, "Indien het een aanvraag of beschikking
    betreft"); a reminder, not a block: the checks are recorded on the member's page."""
    leden = list(plan.traject.huishouden.leden.all())
    issues = []
    for veld, tekst in [
        (
            "woonplaatsbeginsel_gecontroleerd",
            _(
                "Dit plan dient als aanvraag: het woonplaatsbeginsel is nog niet gecontroleerd bij %(namen)s."
            ),
        ),
        (
            "legitimatie_gecontroleerd",
            _(
                "Dit plan dient als aanvraag: de legitimatie is nog niet gecontroleerd bij %(namen)s."
            ),
        ),
    ]:
        namen = [str(lid) for lid in leden if not getattr(lid, veld)]
        if namen:
            issues.append(tekst % {"namen": ", ".join(namen)})
    return issues


def diff(oud: dict, nieuw: dict) -> list[tuple[str, object, object]]:
    """Sections that differ between two snapshots: (section, old, new); the date is ignored."""
    return [
        (key, oud.get(key), nieuw.get(key))
        for key in nieuw
        if key != "datum" and oud.get(key) != nieuw.get(key)
    ]


# The sections of a snapshot and the fields of its rows, as the comparison page names them
# (issue #12: it showed `zorgen_veiligheid False`).
SECTIE_TITELS = {
    "contactgegevens": _lazy("Contactgegevens"),
    "gezinsleden": _lazy("Gezinsleden"),
    "procesregisseur": _lazy("Procesregisseur"),
    "casusregisseurs": _lazy("Casusregisseurs"),
    "familie_en_vrienden": _lazy("Betrokken familie en vrienden"),
    "professionals": _lazy("Betrokken professionals"),
    "overige_gegevens": _lazy("Overige gegevens"),
    "aanvraag_beschikking": _lazy("Aanvraag of beschikking"),
    "aanleiding": _lazy("Aanleiding voor 1Gezin1Plan1Regisseur"),
    "krachten": _lazy("Krachten"),
    "zorgen": _lazy("Zorgen"),
    "eerdere_hulp": _lazy("Eerdere hulpverlening"),
    "integrale_analyse": _lazy("Integrale analyse"),
    "gewenst_resultaat": _lazy("Gewenste resultaat"),
    "zorgen_veiligheid": _lazy("Zorgen rondom basiszorg en veiligheid"),
    "doelen": _lazy("Doelen en acties"),
    "samenvatting": _lazy("Samenvatting"),
    "planning_overleg": _lazy("Planning overleg"),
    "veiligheidsplan": _lazy("Veiligheidsplan"),
}
VELD_LABELS = {
    "naam": _lazy("naam"),
    "geslacht": _lazy("geslacht"),
    "geboortedatum": _lazy("geboortedatum"),
    "rol": _lazy("rol"),
    "gezag": _lazy("gezag"),
    "burgerlijke_staat": _lazy("burgerlijke staat"),
    "beroep": _lazy("beroep"),
    "adres": _lazy("adres"),
    "postcode": _lazy("postcode"),
    "woonplaats": _lazy("woonplaats"),
    "telefoon": _lazy("telefoon"),
    "email": _lazy("e-mail"),
    "organisatie": _lazy("organisatie"),
    "toestemming": _lazy("toestemming informatie delen"),
    "vir": _lazy("VIR"),
    "woonplaatsbeginsel": _lazy("woonplaatsbeginsel gecontroleerd"),
    "legitimatie": _lazy("legitimatie gecontroleerd"),
    "wie": _lazy("wie"),
    "wat": _lazy("wat"),
    "citaat": _lazy("letterlijk citaat"),
    "sinds": _lazy("sinds"),
    "gevolgen": _lazy("gevolgen"),
    "leefgebied": _lazy("leefgebied"),
    "hulp": _lazy("hulp"),
    "door": _lazy("door"),
    "wanneer": _lazy("wanneer"),
    "resultaat": _lazy("resultaat"),
    "tekst": _lazy("doel"),
    "bereikt": _lazy("bereikt"),
    "acties": _lazy("acties"),
    "status": _lazy("status"),
    "overleg": _lazy("overleg"),
    "datum": _lazy("datum"),
    "tijd": _lazy("tijd"),
    "locatie": _lazy("locatie"),
    "leefgebieden": _lazy("leefgebieden"),
    "informeel": _lazy("uit huishouden of netwerk"),
}


def leesbaar(waarde) -> str:
    """A snapshot value as a reader sees it: Ja/Nee, Dutch dates, labelled fields."""
    if waarde is None or waarde == "" or waarde == []:
        return "—"
    if isinstance(waarde, bool):
        return _("Ja") if waarde else _("Nee")
    if isinstance(waarde, str):
        return datum_nl(waarde)
    if isinstance(waarde, list):
        return "\n".join(leesbaar(w) for w in waarde)
    if isinstance(waarde, dict):
        delen = [
            f"{VELD_LABELS.get(k, k.replace('_', ' '))}: {leesbaar(v)}"
            for k, v in waarde.items()
            if v not in (None, "", [])
        ]
        return "; ".join(delen) or "—"
    return str(waarde)


def verschillen_leesbaar(oud: dict, nieuw: dict) -> list[tuple[str, str, str]]:
    """`diff` for people: (section title, old, new) as text."""
    return [
        (str(SECTIE_TITELS.get(key, key)), leesbaar(was), leesbaar(is_))
        for key, was, is_ in diff(oud, nieuw)
    ]


def mijn_acties(user):
    """Open actions of a Regie user across their households, overdue first."""
    return (
        Actie.objects.filter(wie_user=user, status__in=[ActieStatus.OPEN, ActieStatus.BEZIG])
        .exclude(doel__plan__traject__fase=Fase.GESLOTEN)
        .select_related("doel__plan__traject__huishouden")
        .order_by(F("wanneer").asc(nulls_last=True), "id")
    )


@dataclass(frozen=True)
class Ontvanger:
    """One possible recipient of a fixed version; `reden` says why they are left out."""

    naam: str
    email: str
    soort: str  # huishouden, gezinslid, netwerk, professional, regisseur
    reden: str = ""

    @property
    def ontvangt(self) -> bool:
        return not self.reden


def plan_recipients(versie: PlanVersie) -> list[Ontvanger]:
    """Who receives a fixed version, decided per recipient (issue #12).

    002 Fase 4 step 1: "Stuur de klant en professionals een pdf van het ondersteuningsplan".
    - The household itself (its address, and every member of 16 or older with an address)
      receives its own plan without consent: consent governs sharing information with others
      (002 ch. 7, "toestemming ... om informatie over de betrokkene aan anderen te geven").
      A member under 16 is left out: the plan reaches them through the parents (README).
    - Others, the network (with an address), the involved professionals and the regisseurs,
      receive it only when every member's consent for sharing is complete; the bewindvoerder's
      consent is not needed for that (002 ch. 7, `huishoudens.consent`).
    - Without an e-mail address someone is listed with that reason. An address appears once.
    """
    traject = versie.plan.traject
    huishouden = traject.huishouden
    leden = list(huishouden.leden.prefetch_related("toestemmingen"))
    ontbreekt = [str(lid) for lid in leden if not consent_complete(lid)]
    geen_toestemming = (
        _("geen (volledige) toestemming om informatie te delen voor %(namen)s")
        % {"namen": ", ".join(ontbreekt)}
        if ontbreekt
        else ""
    )
    geen_email = _("geen e-mailadres bekend")
    kandidaten: list[tuple[str, str, str, str]] = [
        (huishouden.naam, huishouden.email, "huishouden", "")
    ]
    for lid in leden:
        reden = "" if lid.leeftijd() >= 16 else _("jonger dan 16: ontvangt het plan via de ouders")
        kandidaten.append((str(lid), lid.email, "gezinslid", reden))
    kandidaten += [
        (f"{n.naam} ({n.rol})", n.email, "netwerk", geen_toestemming)
        for n in huishouden.netwerk.all()
    ]
    kandidaten += [
        (
            p.weergavenaam,
            p.email or (p.user.email if p.user_id else ""),
            "professional",
            geen_toestemming,
        )
        for p in huishouden.professionals.select_related("user")
    ]
    kandidaten += [
        (b.user.get_full_name(), b.user.email, "regisseur", geen_toestemming)
        for b in traject.actieve_betrokkenen
    ]
    ontvangers: list[Ontvanger] = []
    gezien: dict[str, int] = {}
    for naam, email, soort, reden in kandidaten:
        sleutel = email.strip().casefold()
        if sleutel and sleutel in gezien:
            # The same address twice (a regisseur also listed as professional): keep one,
            # receiving if either may.
            i = gezien[sleutel]
            if ontvangers[i].reden and not reden:
                ontvangers[i] = Ontvanger(ontvangers[i].naam, ontvangers[i].email, soort)
            continue
        if not sleutel:
            if soort == "huishouden":
                continue  # the household's own address is optional; its members are listed
            reden = geen_email
        else:
            gezien[sleutel] = len(ontvangers)
        ontvangers.append(Ontvanger(naam, email.strip(), soort, reden))
    return ontvangers


def bewind_zonder_toestemming(versie: PlanVersie) -> list[str]:
    """Members under bewind whose bewindvoerder has not consented to sharing information
    about the finances under bewind (002 ch. 7): the sending page reminds, it does not block,
    as the app cannot tell which words of the plan concern those finances."""
    leden = versie.plan.traject.huishouden.leden.prefetch_related("toestemmingen")
    return [
        str(lid)
        for lid in leden
        if financial_consenters(lid) and not consent_complete(lid, financien=True)
    ]


# --- Counts for the monitoring figures (issue #14): aggregates only, no household data ----


def plannen_met_netwerk(*, begin, eind, **scope) -> tuple[int, int]:
    """(plans, plans whose household has network members): the Ondersteuningsplannen of
    trajecten in the scope that ran in [begin, eind) (date-times). Familie en vrienden
    belong in the plan (002 DEEL H; the household's Netwerklid rows)."""
    netwerk = Netwerklid.objects.filter(huishouden_id=OuterRef("traject__huishouden_id"))
    telling = Ondersteuningsplan.objects.filter(
        traject_scope(**scope, pad="traject__"),
        actief_in_periode(begin, eind, pad="traject__"),
    ).aggregate(plannen=Count("pk"), met_netwerk=Count("pk", filter=Exists(netwerk)))
    return telling["plannen"], telling["met_netwerk"]


def acties_te_laat(*, op, **scope) -> tuple[int, int]:
    """(open actions, of which overdue on `op`) in the plans of open trajecten in the scope:
    open or bezig, and overdue when their date ("wanneer (uiterlijk)") has passed."""
    telling = Actie.objects.filter(
        traject_scope(**scope, pad="doel__plan__traject__"),
        status__in=(ActieStatus.OPEN, ActieStatus.BEZIG),
    ).exclude(doel__plan__traject__fase=Fase.GESLOTEN)
    telling = telling.aggregate(open=Count("pk"), te_laat=Count("pk", filter=Q(wanneer__lt=op)))
    return telling["open"], telling["te_laat"]
