"""Writes of the Veiligheidsplan (seed 002 DEEL H "Veiligheidsplan") and signing a fixed
version of the plan."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _

from plannen.constants import VP_TEXT
from plannen.models import (
    Ondersteuningsplan,
    Ondertekening,
    Overleg,
    PlanPdf,
    PlanVersie,
    Schaalscore,
    Veiligheidsafspraak,
    VeiligheidsContact,
    Veiligheidsplan,
)
from plannen.models.veiligheidsplan import AfspraakNakoming
from plannen.services.plan import doel_add, overleg_check_traject, save_revision
from regie.dispatch import dispatch_on_commit


def _meer_namen(namen: str) -> bool:
    return bool(re.search(r",|\s(en|&)\s", namen.strip()))


def standaard_doel(namen: str) -> str:
    """The goal the doelencheck requires in the Ondersteuningsplan, in the seed's words:
    "Het volgende doel is opgenomen in het ondersteuningsplan: ... [namen] hou mij aan de
    veiligheidsafspraken van dit veiligheidsplan." (seed 002 DEEL H, Veiligheidsplan,
    Doelencheck). A goal is written as the klant says it ("Doel: Wat wilt u/jij bereiken?"),
    so the seed's "..." is the speaker: "Ik, [naam], hou mij aan ...". For more than one
    name the same words in the plural ("Wij, [namen], houden ons aan ..."), the one
    adaptation, so the sentence stays Dutch (plannen/README.md)."""
    namen = namen.strip()
    if _meer_namen(namen):
        return _(
            "Wij, %(namen)s, houden ons aan de veiligheidsafspraken van dit veiligheidsplan."
        ) % {"namen": namen}
    return _("Ik, %(naam)s, hou mij aan de veiligheidsafspraken van dit veiligheidsplan.") % {
        "naam": namen
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
def score_add(*, vp: Veiligheidsplan, gegeven_in: Overleg | None = None, **fields) -> Schaalscore:
    """A score given at one of the traject's meetings (issue #12): its date and label are the
    meeting's. Without a meeting (rows from before) the typed label and date stay."""
    if gegeven_in is not None:
        overleg_check_traject(overleg=gegeven_in, traject_id=vp.plan.traject_id)
        fields["overleg"] = gegeven_in.get_soort_display()
        fields["datum"] = gegeven_in.datum
    return Schaalscore.objects.create(veiligheidsplan=vp, gegeven_in=gegeven_in, **fields)


@transaction.atomic
def nakoming_record(
    *, vp: Veiligheidsplan, overleg: Overleg, statussen: dict[int, tuple[str, str]], door
) -> list[AfspraakNakoming]:
    """Record at an overleg, per veiligheidsafspraak, whether it was kept (002 fase 5b stap 4:
    "bespreek of de veiligheidsafspraken zijn behaald"; DEEL H: "wanneer de afspraken wel/niet
    worden nagekomen"). `statussen` maps an afspraak's id to (status, toelichting); recording
    the same meeting again replaces its rows, other meetings' rows stay as history."""
    overleg_check_traject(overleg=overleg, traject_id=vp.plan.traject_id)
    rijen = []
    for afspraak in vp.afspraken.filter(pk__in=statussen):
        status, toelichting = statussen[afspraak.pk]
        rij, _created = AfspraakNakoming.objects.update_or_create(
            afspraak=afspraak,
            overleg=overleg,
            defaults={"status": status, "toelichting": toelichting, "vastgelegd_door": door},
        )
        rijen.append(rij)
    return rijen


@transaction.atomic
def versie_sign(
    *, versie: PlanVersie, naam: str, hoedanigheid: str, wijze: str, door, user=None
) -> Ondertekening:
    """Sign a fixed version: the signature records the hash of exactly that content. A PDF
    already made is made again, so its Ondertekening shows who signed when (issue #12)."""
    ondertekening = Ondertekening.objects.create(
        versie=versie,
        naam=naam,
        hoedanigheid=hoedanigheid,
        wijze=wijze,
        user=user,
        vastgelegd_door=door,
        inhoud_hash=versie.inhoud_hash,
    )
    _pdf_again(versie)
    return ondertekening


def _pdf_again(versie: PlanVersie) -> None:
    from plannen.tasks import render_plan_pdf

    pdf = PlanPdf.objects.select_for_update().filter(versie=versie).first()
    if pdf is None or pdf.status == PlanPdf.Status.BEZIG:
        return  # not asked for yet, or being made: that rendering reads the signatures
    pdf.status = PlanPdf.Status.BEZIG
    pdf.fout = ""
    pdf.save(update_fields=["status", "fout", "gevraagd_op"])
    dispatch_on_commit(render_plan_pdf, pdf.pk)
