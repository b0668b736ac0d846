"""Reads of the plannen app: the plan as one document, its quality, versions, my actions."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudens.consent import consent_complete
from huishoudens.constants import TrajectRol
from plannen.constants import ActieStatus, KrachtZorgSoort
from plannen.models import Actie, Doel, Ondersteuningsplan, OverlegStatus, Veiligheidsplan

DATA = Path(__file__).resolve().parent / "data" / "ondersteuningsplan.json"


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


def snapshot(plan: Ondersteuningsplan) -> dict:
    """Every section of the format in its order, as plain data (what a version fixes)."""
    huishouden = plan.traject.huishouden
    leden = list(huishouden.leden.all())
    proces = next(
        (
            b.user
            for b in plan.traject.betrokkenen.all()
            if b.rol == TrajectRol.PROCESREGISSEUR and b.tot is None
        ),
        None,
    )
    return {
        "datum": timezone.localdate().isoformat(),
        "contactgegevens": {
            "naam": huishouden.naam,
            "adres": huishouden.adres,
            "postcode": huishouden.postcode,
            "woonplaats": huishouden.woonplaats,
            "telefoon": huishouden.telefoon,
            "email": huishouden.email,
        },
        "gezinsleden": [
            {
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
            for lid in leden
        ],
        "procesregisseur": {
            "naam": proces.get_full_name(),
            "email": proces.email,
            "telefoon": proces.telefoon,
        }
        if proces
        else None,
        "familie_en_vrienden": [
            {"naam": n.naam, "rol": n.rol, "email": n.email, "telefoon": n.telefoon}
            for n in huishouden.netwerk.all()
        ],
        "professionals": [
            {
                "naam": p.weergavenaam,
                "organisatie": p.organisatienaam,
                "email": p.email or (p.user.email if p.user_id else ""),
                "telefoon": p.telefoon,
            }
            for p in huishouden.professionals.all()
        ],
        "overige_gegevens": [
            {
                "naam": str(lid),
                "toestemming": consent_complete(lid),
                "vir": lid.vir_signaal,
                "woonplaatsbeginsel": lid.woonplaatsbeginsel_gecontroleerd,
                "legitimatie": lid.legitimatie_gecontroleerd,
            }
            for lid in leden
        ],
        "aanleiding": plan.aanleiding,
        "krachten": [
            _kz(k) for k in plan.krachten_zorgen.all() if k.soort == KrachtZorgSoort.KRACHT
        ],
        "zorgen": [_kz(k) for k in plan.krachten_zorgen.all() if k.soort == KrachtZorgSoort.ZORG],
        "eerdere_hulp": [
            {"hulp": h.hulp, "door": h.door, "wanneer": h.wanneer, "resultaat": h.resultaat}
            for h in plan.eerdere_hulp.all()
        ],
        "integrale_analyse": plan.integrale_analyse,
        "gewenst_resultaat": plan.gewenst_resultaat,
        "zorgen_veiligheid": plan.zorgen_veiligheid,
        "doelen": [
            {
                "tekst": d.tekst,
                "bereikt": d.get_bereikt_display(),
                "acties": [
                    {
                        "wie": a.uitvoerder,
                        "wat": a.wat,
                        "wanneer": a.wanneer.isoformat() if a.wanneer else "",
                        "status": a.get_status_display(),
                    }
                    for a in d.acties.all()
                ],
            }
            for d in plan.doelen.all()
        ],
        "samenvatting": plan.samenvatting,
        "planning_overleg": planning_overleg(plan),
        "veiligheidsplan": _vp(plan),
    }


def geplande_overleggen(traject) -> list:
    """The traject's meetings still to come (status gepland, today or later)."""
    return list(
        traject.overleggen.filter(
            status=OverlegStatus.GEPLAND, datum__gte=timezone.localdate()
        ).order_by("datum", "begin")
    )


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
        for o in plan.planning.all()
    ]
    return sorted(rijen, key=lambda r: (r["datum"], r["tijd"]))


def _vp(plan):
    if not hasattr(plan, "veiligheidsplan"):
        return None
    from plannen.veiligheid import vp_snapshot

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
    for doel in plan.doelen.all():
        acties = list(doel.acties.all())
        if not acties:
            issues.append(_("Doel “%(doel)s” heeft nog geen actie.") % {"doel": doel})
        for actie in acties:
            if not actie.uitvoerder:
                issues.append(
                    _("Bij actie “%(actie)s” staat niet wie het doet.") % {"actie": actie}
                )
            if not actie.wanneer:
                issues.append(_("Bij actie “%(actie)s” staat niet wanneer.") % {"actie": actie})
    for zorg in plan.krachten_zorgen.all():
        if zorg.soort == KrachtZorgSoort.ZORG and not zorg.wie.strip():
            issues.append(
                _("Bij de zorg “%(zorg)s” staat niet wie de zorg omschrijft.")
                % {"zorg": zorg.wat[:60]}
            )
    if plan.zorgen_veiligheid and not hasattr(plan, "veiligheidsplan"):
        issues.append(
            _(
                "Er zijn zorgen over basiszorg en/of veiligheid, maar er is nog geen Veiligheidsplan."
            )
        )
    return issues


def diff(oud: dict, nieuw: dict) -> list[tuple[str, object, object]]:
    """Sections that differ between two snapshots: (section, old, new); the date is ignored."""
    return [
        (key, oud.get(key), nieuw.get(key))
        for key in nieuw
        if key != "datum" and oud.get(key) != nieuw.get(key)
    ]


def mijn_acties(user):
    """Open actions of a Regie user across their households, overdue first."""
    return (
        Actie.objects.filter(wie_user=user, status__in=[ActieStatus.OPEN, ActieStatus.BEZIG])
        .exclude(doel__plan__traject__fase="gesloten")
        .select_related("doel__plan__traject__huishouden")
        .order_by(F("wanneer").asc(nulls_last=True), "id")
    )


def heeft_veiligheidsplan(traject) -> bool:
    """For other apps (the regiekaart's checks): does the traject have a Veiligheidsplan?"""
    return Veiligheidsplan.objects.filter(plan__traject=traject).exists()
