"""Writes of the Ondersteuningsplan: the draft, goals and actions, fixing a version, its PDF
and sending it."""

from __future__ import annotations

import hashlib
import json

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from plannen.models import (
    Actie,
    Doel,
    EerdereHulp,
    KrachtZorg,
    Ondersteuningsplan,
    Overleg,
    PlanPdf,
    PlanVersie,
)
from plannen.selectors.plan import plan_recipients, plan_with_everything, snapshot
from regie.dispatch import dispatch_on_commit

TEXT_SECTIONS = [
    "aanleiding",
    "integrale_analyse",
    "gewenst_resultaat",
    "zorgen_veiligheid",
    "samenvatting",
    # not a text, but set with them: whether the plan serves as an aanvraag (issue #12)
    "aanvraag_beschikking",
]


class PlanConflict(Exception):
    """Someone saved the plan since this user opened it; their text is in `current`."""

    def __init__(self, current: Ondersteuningsplan):
        super().__init__(_("Een collega heeft het plan intussen gewijzigd."))
        self.current = current


@transaction.atomic
def plan_ensure(*, traject) -> Ondersteuningsplan:
    plan, _created = Ondersteuningsplan.objects.get_or_create(traject=traject)
    return plan


@transaction.atomic
def plan_sections_save(
    *, plan: Ondersteuningsplan, revisie: int, door, **fields
) -> Ondersteuningsplan:
    """Save the text sections, unless someone else saved since `revisie` (then PlanConflict,
    nothing written): two people at the table never overwrite each other silently."""
    return save_revision(plan, revisie, TEXT_SECTIONS, fields, bijgewerkt_door=door)


def save_revision(obj, revisie: int, allowed: list[str], fields: dict, **extra):
    """Optimistic locking shared by the Ondersteuningsplan and the Veiligheidsplan: lock the
    row, refuse a save that started from an older revision, write the allowed fields."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    if locked.revisie != revisie:
        raise PlanConflict(locked)
    for name in allowed:
        if name in fields:
            setattr(locked, name, fields[name])
    for name, value in extra.items():
        setattr(locked, name, value)
    locked.revisie += 1
    locked.save()
    return locked


@transaction.atomic
def kracht_zorg_add(*, plan: Ondersteuningsplan, **fields) -> KrachtZorg:
    return KrachtZorg.objects.create(plan=plan, **fields)


@transaction.atomic
def eerdere_hulp_add(*, plan: Ondersteuningsplan, **fields) -> EerdereHulp:
    return EerdereHulp.objects.create(plan=plan, **fields)


@transaction.atomic
def doel_add(*, plan: Ondersteuningsplan, **fields) -> Doel:
    volgorde = (plan.doelen.aggregate(m=Max("volgorde"))["m"] or 0) + 1
    return Doel.objects.create(plan=plan, volgorde=volgorde, **fields)


@transaction.atomic
def doel_set_bereikt(*, doel: Doel, bereikt: str) -> Doel:
    doel.bereikt = bereikt
    doel.save(update_fields=["bereikt"])
    return doel


@transaction.atomic
def actie_add(*, doel: Doel, door, **fields) -> Actie:
    return Actie.objects.create(doel=doel, bijgewerkt_door=door, **fields)


@transaction.atomic
def actie_update(*, actie: Actie, door, status: str, notitie: str) -> Actie:
    actie.status = status
    actie.notitie = notitie
    actie.bijgewerkt_door = door
    actie.save(update_fields=["status", "notitie", "bijgewerkt_door", "bijgewerkt_op"])
    return actie


def content_hash(inhoud: dict) -> str:
    return hashlib.sha256(
        json.dumps(inhoud, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


class OverlegVanAnderTraject(ValueError):
    """A plan version or a safety score names a meeting of another traject (issue #12)."""

    def __init__(self):
        super().__init__(
            _("Dit overleg hoort bij een ander traject. Kies een overleg van dit traject.")
        )


def overleg_check_traject(*, overleg: Overleg | None, traject_id: int) -> None:
    """The meeting behind a version, a score or a kept afspraak is one of the traject's."""
    if overleg is not None and overleg.traject_id != traject_id:
        raise OverlegVanAnderTraject()


@transaction.atomic
def plan_fix(
    *, plan: Ondersteuningsplan, door, overleg: str = "", vastgesteld_in: Overleg | None = None
) -> PlanVersie:
    """Fix the draft as the next version (at an overleg): a read-only snapshot with its hash.
    `vastgesteld_in` is the traject's meeting (the forms require it, issue #12); `overleg`
    is the label shown with the version, by default that meeting's kind."""
    overleg_check_traject(overleg=vastgesteld_in, traject_id=plan.traject_id)
    if not overleg and vastgesteld_in is not None:
        overleg = vastgesteld_in.get_soort_display()
    Ondersteuningsplan.objects.select_for_update().get(pk=plan.pk)
    inhoud = snapshot(plan_with_everything(plan.pk))
    nummer = (plan.versies.aggregate(m=Max("nummer"))["m"] or 0) + 1
    versie = PlanVersie.objects.create(
        plan=plan,
        nummer=nummer,
        overleg=overleg,
        vastgesteld_in=vastgesteld_in,
        vastgesteld_door=door,
        inhoud=inhoud,
        inhoud_hash=content_hash(inhoud),
    )
    pdf_request(versie=versie)
    return versie


@transaction.atomic
def pdf_request(*, versie: PlanVersie) -> PlanPdf:
    """Ask for the PDF of a version (again, after a failure); rendered after commit."""
    from plannen.tasks import render_plan_pdf

    pdf, created = PlanPdf.objects.get_or_create(versie=versie)
    if not created and pdf.status != PlanPdf.Status.MISLUKT:
        return pdf
    if not created:
        pdf.status = PlanPdf.Status.BEZIG
        pdf.fout = ""
        pdf.save(update_fields=["status", "fout"])
    dispatch_on_commit(render_plan_pdf, pdf.pk)
    return pdf


@transaction.atomic
def plan_send(*, versie: PlanVersie, door) -> list[str]:
    """E-mail the PDF of a fixed version through the outbox to every recipient that
    `plan_recipients` lets receive it (the household always; others with consent)."""
    from django.core.exceptions import ValidationError

    from regie.outbox import bericht_queue

    ontvangers = [o for o in plan_recipients(versie) if o.ontvangt]
    if not ontvangers:
        raise ValidationError(
            _("Niemand kan dit plan ontvangen: zie per persoon waarom. Het plan is niet verstuurd.")
        )
    pdf = PlanPdf.objects.filter(versie=versie, status=PlanPdf.Status.KLAAR).first()
    if pdf is None:
        raise ValidationError(_("De PDF is nog niet klaar. Probeer het zo opnieuw."))
    traject = versie.plan.traject
    for ontvanger in ontvangers:
        bericht_queue(
            aan=ontvanger.email,
            template="plan_versie",
            bijlage=pdf.bestand.name,
            # The traject, not the household, in the subject and file name (issue #11).
            bijlage_naam=f"ondersteuningsplan-traject-{traject.pk}-versie-{versie.nummer}.pdf",
            context={
                "naam": ontvanger.naam,
                "huishouden": traject.huishouden.naam,
                "traject_id": traject.pk,
                "versie": versie,
                "afzender": door.get_full_name(),
            },
        )
    return [o.email for o in ontvangers]
