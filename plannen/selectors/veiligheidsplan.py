"""Reads of the Veiligheidsplan: its snapshot in a fixed version, and whether a traject has
one (for the regiekaart)."""

from __future__ import annotations

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
