"""Reads of the regional card: the levels, the adoptions per region, and the people the
card names per municipality or organisation (seed 002 ch. 5; ch. 10 E. Bevoegdheden)."""

from __future__ import annotations

from django.db.models import Q

from regiekaart.constants import ROLLEN_PER_NIVEAU, KaartRol
from regiekaart.models import KaartInvulling, Niveau, Vaststelling


def niveaus_per_nummer() -> dict[int, Niveau]:
    return {n.nummer: n for n in Niveau.objects.all()}


def vaststellingen() -> list[Vaststelling]:
    """The adoption in force per region (the latest), newest first."""
    seen, result = set(), []
    for v in Vaststelling.objects.select_related("regio", "door"):
        if v.regio_id not in seen:
            seen.add(v.regio_id)
            result.append(v)
    return result


def namen(nummer: int, *, gemeente_id, organisatie_ids) -> list[tuple[str, list[KaartInvulling]]]:
    """The people the card names on level `nummer`, per role in the card's order, as filled
    in by the municipality or by one of the organisations."""
    rollen = ROLLEN_PER_NIVEAU[nummer]
    rows = KaartInvulling.objects.filter(
        Q(gemeente_id=gemeente_id) | Q(organisatie_id__in=[o for o in organisatie_ids if o]),
        rol__in=rollen,
    ).select_related("gemeente", "organisatie")
    per_rol: dict[str, list[KaartInvulling]] = {r: [] for r in rollen}
    for row in rows:
        per_rol[row.rol].append(row)
    return [(KaartRol(r).label, per_rol[r]) for r in rollen]


def kaartinvullingen(zoek: str = ""):
    """All named people (the beheerder's list), matching `zoek` on the name, municipality or
    organisation when given."""
    qs = KaartInvulling.objects.select_related("gemeente", "organisatie").order_by(
        "gemeente__naam", "organisatie__naam", "rol", "naam"
    )
    if zoek:
        qs = qs.filter(
            Q(naam__icontains=zoek)
            | Q(gemeente__naam__icontains=zoek)
            | Q(organisatie__naam__icontains=zoek)
        )
    return qs
