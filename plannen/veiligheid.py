"""Veiligheidsplan: writes and the schaalvraag chart (seed 002 DEEL H "Veiligheidsplan")."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from plannen import services
from plannen.models import (
    Ondersteuningsplan,
    Ondertekening,
    PlanVersie,
    Schaalscore,
    Veiligheidsafspraak,
    VeiligheidsContact,
    Veiligheidsplan,
)

VP_TEXT = [
    "doel_opheffen",
    "doel_oorzaak",
    "doel_herstel",
    "veiligheidsvoorwaarden",
    "zorgen_onveiligheid",
    "grootste_zorg",
    "complicerende_factoren",
    "bestaande_veiligheid",
    "datum_vervolgevaluatie",
]


def standaard_doel(namen: str) -> str:
    """The goal the doelencheck requires in the Ondersteuningsplan (002 DEEL H)."""
    return _("%(namen)s houden zich aan de veiligheidsafspraken van dit veiligheidsplan.") % {
        "namen": namen
    }


@transaction.atomic
def veiligheidsplan_start(*, plan: Ondersteuningsplan, namen: str) -> Veiligheidsplan:
    vp, created = Veiligheidsplan.objects.get_or_create(plan=plan)
    if created:
        services.doel_add(plan=plan, tekst=standaard_doel(namen))
        if plan.zorgen_veiligheid is not True:
            Ondersteuningsplan.objects.filter(pk=plan.pk).update(zorgen_veiligheid=True)
    return vp


@transaction.atomic
def veiligheidsplan_save(*, vp: Veiligheidsplan, revisie: int, **fields) -> Veiligheidsplan:
    """Like the Ondersteuningsplan's texts: a save from an old revision is a conflict."""
    return services.save_revision(vp, revisie, VP_TEXT, fields)


@transaction.atomic
def afspraak_add(*, vp: Veiligheidsplan, **fields) -> Veiligheidsafspraak:
    return Veiligheidsafspraak.objects.create(veiligheidsplan=vp, **fields)


@transaction.atomic
def contact_add(*, vp: Veiligheidsplan, **fields) -> VeiligheidsContact:
    return VeiligheidsContact.objects.create(veiligheidsplan=vp, **fields)


@transaction.atomic
def score_add(*, vp: Veiligheidsplan, **fields) -> Schaalscore:
    return Schaalscore.objects.create(veiligheidsplan=vp, **fields)


@transaction.atomic
def ondertekenen(
    *, versie: PlanVersie, naam: str, hoedanigheid: str, wijze: str, door, user=None
) -> Ondertekening:
    """Sign a fixed version: the signature records the hash of exactly that content."""
    return Ondertekening.objects.create(
        versie=versie,
        naam=naam,
        hoedanigheid=hoedanigheid,
        wijze=wijze,
        user=user,
        vastgelegd_door=door,
        inhoud_hash=versie.inhoud_hash,
    )


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


MARKERS = ["cirkel", "vierkant", "driehoek", "ruit", "kruis", "ster"]


def score_chart(scores: list[Schaalscore], *, width: int = 640, height: int = 260) -> dict:
    """Coordinates for an SVG chart of the schaalvraag over time: a line per person with its
    own marker shape and a text label (readable without colour), and the range per overleg."""
    momenten = sorted({(s.datum, s.overleg) for s in scores})
    if not momenten:
        return {}
    left, right, top, bottom = 40, 150, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i):
        return left + (plot_w * i / max(len(momenten) - 1, 1))

    def y(score):
        return top + plot_h * (10 - score) / 10

    index = {m: i for i, m in enumerate(momenten)}
    namen = list(dict.fromkeys(s.naam for s in scores))
    lijnen = []
    for n, naam in enumerate(namen):
        punten = [
            (x(index[(s.datum, s.overleg)]), y(s.score), s.score) for s in scores if s.naam == naam
        ]
        lijnen.append(
            {
                "naam": naam,
                "marker": MARKERS[n % len(MARKERS)],
                "punten": punten,
                "pad": " ".join(f"{px:.1f},{py:.1f}" for px, py, _s in punten),
                "label_x": punten[-1][0] + 8,
                "label_y": punten[-1][1] + 4,
            }
        )
    bereik = []
    for m, i in index.items():
        waarden = [s.score for s in scores if (s.datum, s.overleg) == m]
        bereik.append(
            {
                "x": x(i),
                "y_min": y(min(waarden)),
                "y_max": y(max(waarden)),
                "min": min(waarden),
                "max": max(waarden),
                "label": m[1],
                "datum": m[0],
            }
        )
    return {
        "width": width,
        "height": height,
        "lijnen": lijnen,
        "bereik": bereik,
        "ticks": [{"score": t, "y": y(t)} for t in (0, 2, 4, 6, 8, 10)],
        "x0": left,
        "x1": left + plot_w,
        "y_onder": top + plot_h,
    }
