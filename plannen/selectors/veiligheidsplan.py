"""Reads of the Veiligheidsplan: its snapshot in a fixed version, the signature lines of a
version, the meetings to choose from, and whether a traject has one (for the regiekaart)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When

from huishoudens.models import Traject
from huishoudens.selectors import actief_in_periode, traject_scope
from plannen.constants import VP_TEXT
from plannen.models import Ondertekening, Overleg, OverlegStatus, PlanVersie, Veiligheidsplan
from plannen.models.veiligheidsplan import AfspraakNakoming


def nakomingen(vp: Veiligheidsplan) -> dict[int, list[AfspraakNakoming]]:
    """Per afspraak id its history of kept or not kept, by meeting date, in one query."""
    per_afspraak: dict[int, list[AfspraakNakoming]] = {}
    for n in AfspraakNakoming.objects.filter(afspraak__veiligheidsplan=vp).select_related(
        "overleg"
    ):
        per_afspraak.setdefault(n.afspraak_id, []).append(n)
    return per_afspraak


def vp_snapshot(vp: Veiligheidsplan) -> dict:
    historie = nakomingen(vp)
    return {
        **{
            name: (
                getattr(vp, name).isoformat()
                if name == "datum_vervolgevaluatie" and vp.datum_vervolgevaluatie
                else getattr(vp, name)
            )
            for name in VP_TEXT
        },
        "afspraken": [
            {
                "minimaal": a.minimaal,
                "concreet": a.concreet,
                "nodig": a.nodig,
                "toezicht": a.toezicht,
                "als_nagekomen": a.als_nagekomen,
                "als_niet_nagekomen": a.als_niet_nagekomen,
                "nakoming": [
                    {
                        "overleg": str(n.overleg),
                        "datum": n.overleg.datum.isoformat(),
                        "status": n.get_status_display(),
                        "toelichting": n.toelichting,
                    }
                    for n in historie.get(a.pk, [])
                ],
            }
            for a in vp.afspraken.all()
        ],
        "contacten": [
            {
                "naam": c.naam,
                "wanneer_bellen": c.wanneer_bellen,
                "telefoon": c.telefoon,
                "email": c.email,
            }
            for c in vp.contacten.all()
        ],
        "schaalvraag": [
            {
                "overleg": s.overleg,
                "datum": s.datum.isoformat(),
                "naam": s.naam,
                "score": s.score,
                "toelichting": s.toelichting,
            }
            for s in vp.scores.all()
        ],
    }


def standaard_doel_aanwezig(plan) -> bool:
    """Does the Ondersteuningsplan hold the standard goal of its Veiligheidsplan (002 DEEL H
    doelencheck)? Read from the prefetched goals."""
    return any(doel.standaarddoel for doel in plan.doelen.all())


def heeft_veiligheidsplan(traject) -> bool:
    """For other apps (the regiekaart's checks): does the traject have a Veiligheidsplan?"""
    return Veiligheidsplan.objects.filter(plan__traject=traject).exists()


def veiligheid_met_plan(*, begin, eind, **scope) -> tuple[int, int]:
    """(trajecten with zorgen rondom veiligheid, of which with a Veiligheidsplan) in the
    scope that ran in [begin, eind) (date-times). Zorgen: the plan's "zorgen over basiszorg
    en/of veiligheid", or the aanmelding's signals of (acute) onveiligheid (002 DEEL H,
    Veiligheidsplan: "bij signalen van onvoldoende basiszorg, onveiligheid of geweld")."""
    zorgen = (
        Q(ondersteuningsplan__zorgen_veiligheid=True)
        | Q(zorgen_veiligheid=True)
        | Q(zorgen_basiszorg=True)
        | Q(acuut=True)
    )
    vp = Veiligheidsplan.objects.filter(plan__traject_id=OuterRef("pk"))
    telling = Traject.objects.filter(
        traject_scope(**scope), actief_in_periode(begin, eind), zorgen
    ).aggregate(zorgen=Count("pk"), met_vp=Count("pk", filter=Exists(vp)))
    return telling["zorgen"], telling["met_vp"]


def keuze_overleggen(traject):
    """The traject's meetings to choose from for a plan version, a score or the afspraken kept
    (issue #12): held ones first, the latest on top, then the planned ones by date; cancelled
    ones are left out."""
    return (
        Overleg.objects.filter(traject=traject)
        .exclude(status=OverlegStatus.GEANNULEERD)
        .annotate(
            gehouden_eerst=Case(
                When(status=OverlegStatus.GEHOUDEN, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("gehouden_eerst", "-datum", "-begin")
    )


@dataclass
class Handtekening:
    """A line of the Ondertekening: a name and, once signed, the signature."""

    naam: str
    ondertekening: Ondertekening | None = None


def _leeftijd(geboortedatum: str, op: datetime.date) -> int:
    geboren = datetime.date.fromisoformat(geboortedatum)
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


def handtekeningen(versie: PlanVersie) -> dict[str, list[Handtekening]]:
    """The Ondertekening of the Veiligheidsplan (seed 002 DEEL H: "Handtekening klant(en)
    en/of wettelijk vertegenwoordiger(s)", "Handtekening professional(s)"): who signed when,
    and an empty line for whom the version expects but has not signed. Expected, from the
    version itself: the members of 16 or older on its date (as for receiving the plan; for a
    younger child the parents with gezag sign) and the procesregisseur. A signature counts
    for an expected name when the name is the same (case and spaces aside); others who
    signed are listed as well. See plannen/README.md."""
    inhoud = versie.inhoud
    op = datetime.date.fromisoformat(inhoud["datum"])
    klanten = [
        lid["naam"]
        for lid in inhoud.get("gezinsleden", [])
        if lid.get("geboortedatum") and _leeftijd(lid["geboortedatum"], op) >= 16
    ]
    professionals = [inhoud["procesregisseur"]["naam"]] if inhoud.get("procesregisseur") else []
    getekend = list(versie.ondertekeningen.all())
    professional = Ondertekening.Hoedanigheid.PROFESSIONAL

    def regels(verwacht: list[str], soort_professional: bool) -> list[Handtekening]:
        eigen = [o for o in getekend if (o.hoedanigheid == professional) == soort_professional]
        rijen = [Handtekening(naam=o.naam, ondertekening=o) for o in eigen]
        al = {" ".join(o.naam.split()).casefold() for o in eigen}
        rijen += [
            Handtekening(naam=naam)
            for naam in dict.fromkeys(verwacht)
            if " ".join(naam.split()).casefold() not in al
        ]
        return rijen

    return {"klanten": regels(klanten, False), "professionals": regels(professionals, True)}
