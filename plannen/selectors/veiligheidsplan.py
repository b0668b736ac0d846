"""Reads of the Veiligheidsplan: its snapshot in a fixed version, and whether a traject has
one (for the regiekaart)."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from huishoudens.models import Traject
from huishoudens.selectors import actief_in_periode, traject_scope
from plannen.constants import VP_TEXT
from plannen.models import Veiligheidsplan


def vp_snapshot(vp: Veiligheidsplan) -> dict:
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
