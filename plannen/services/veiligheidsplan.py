"""Writes of the Veiligheidsplan (seed 002 DEEL H "Veiligheidsplan") and signing a fixed
version of the plan."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from plannen.constants import VP_TEXT
from plannen.models import (
    Ondersteuningsplan,
    Ondertekening,
    PlanVersie,
    Schaalscore,
    Veiligheidsafspraak,
    VeiligheidsContact,
    Veiligheidsplan,
)
from plannen.services.plan import doel_add, save_revision


def standaard_doel(namen: str) -> str:
    """The goal the doelencheck requires in the Ondersteuningsplan (002 DEEL H)."""
    return _("%(namen)s houden zich aan de veiligheidsafspraken van dit veiligheidsplan.") % {
        "namen": namen
    }


@transaction.atomic
def veiligheidsplan_start(*, plan: Ondersteuningsplan, namen: str) -> Veiligheidsplan:
    vp, created = Veiligheidsplan.objects.get_or_create(plan=plan)
    if created:
        doel_add(plan=plan, tekst=standaard_doel(namen), standaarddoel=True)
        if plan.zorgen_veiligheid is not True:
            Ondersteuningsplan.objects.filter(pk=plan.pk).update(zorgen_veiligheid=True)
    return vp


@transaction.atomic
def veiligheidsplan_save(*, vp: Veiligheidsplan, revisie: int, **fields) -> Veiligheidsplan:
    """Like the Ondersteuningsplan's texts: a save from an old revision is a conflict."""
    return save_revision(vp, revisie, VP_TEXT, fields)


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
def versie_sign(
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
