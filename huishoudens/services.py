"""Writes of the huishoudens app: households, aanmelding, intake, phases, regisseurs.

Every write is a keyword-only function inside `transaction.atomic`; views validate input
and call these. Phase changes go only through `traject_move`, which writes the history.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudens.afsluiting import overdracht_notify
from huishoudens.constants import (
    RONDE_FASEN,
    Fase,
    FaseActieStatus,
    OverdrachtStatus,
    TrajectRol,
)
from huishoudens.models import (
    ActieVoortgang,
    BetrokkenProfessional,
    FaseActie,
    FaseOvergang,
    Gezinslid,
    Huishouden,
    InformeleCasusregisseur,
    IntakeAntwoord,
    Netwerklid,
    Overdracht,
    StartCriterium,
    Toestemming,
    Traject,
    TrajectBetrokkene,
    VeiligheidsSignaal,
)
from huishoudens.selectors import duplicate_contacts, start_criteria_for
from huishoudens.workflow import TRANSITIONS, reasons_not_to_close
from regie.models import Bericht
from regie.outbox import absolute_url, bericht_queue


class TrajectConflict(Exception):
    """Someone else changed the traject first; nothing was written."""


class MoveRefused(Exception):
    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


# --- households ------------------------------------------------------------------------


@transaction.atomic
def huishouden_create(*, door, lid: dict, **fields) -> Huishouden:
    """A household with its first member; whoever registers it is linked as professional."""
    huishouden = Huishouden.objects.create(aangemaakt_door=door, **fields)
    Gezinslid.objects.create(huishouden=huishouden, **lid)
    BetrokkenProfessional.objects.create(huishouden=huishouden, user=door)
    return huishouden


@transaction.atomic
def gezinslid_save(*, huishouden: Huishouden, lid: Gezinslid | None = None, **fields) -> Gezinslid:
    lid = lid or Gezinslid(huishouden=huishouden)
    for name, value in fields.items():
        setattr(lid, name, value)
    lid.full_clean()
    lid.save()
    return lid


@transaction.atomic
def huishouden_update(*, huishouden: Huishouden, **fields) -> Huishouden:
    for name, value in fields.items():
        setattr(huishouden, name, value)
    huishouden.save()
    return huishouden


@transaction.atomic
def netwerklid_save(
    *, huishouden: Huishouden, lid: Netwerklid | None = None, **fields
) -> Netwerklid:
    lid = lid or Netwerklid(huishouden=huishouden)
    for name, value in fields.items():
        setattr(lid, name, value)
    lid.save()
    return lid


@transaction.atomic
def professional_add(*, huishouden: Huishouden, **fields) -> BetrokkenProfessional:
    return BetrokkenProfessional.objects.create(huishouden=huishouden, **fields)


@transaction.atomic
def household_item_remove(*, item: Netwerklid | BetrokkenProfessional) -> None:
    """Remove a network member or professional; a current regisseur stays linked."""
    if (
        isinstance(item, BetrokkenProfessional)
        and item.user_id
        and TrajectBetrokkene.objects.actief()
        .filter(user_id=item.user_id, traject__huishouden_id=item.huishouden_id)
        .exists()
    ):
        raise ValidationError(
            _(
                "Deze professional is regisseur in een traject van dit huishouden. "
                "Draag de regie eerst over."
            )
        )
    item.delete()


@transaction.atomic
def toestemming_record(*, gezinslid: Gezinslid, door, **fields) -> Toestemming:
    return Toestemming.objects.create(gezinslid=gezinslid, vastgelegd_door=door, **fields)


# --- aanmelding and intake ---------------------------------------------------------------


@transaction.atomic
def aanmelding_create(*, huishouden: Huishouden, door, **fields) -> Traject:
    """Fase 1. With (acute) onveiligheid or onvoldoende basiszorg the traject starts at once
    with an open safety signal (002 fase 1 step 2: "start altijd 1Gezin1Plan1Regisseur")."""
    try:
        with transaction.atomic():
            traject = Traject.objects.create(huishouden=huishouden, aangemeld_door=door, **fields)
    except IntegrityError:
        raise ValidationError(
            _("Dit huishouden heeft al een open traject (één traject tegelijk per huishouden).")
        ) from None
    FaseOvergang.objects.create(
        traject=traject, van="", naar=Fase.AANMELDING, door=door, toelichting=_("Aanmelding")
    )
    BetrokkenProfessional.objects.get_or_create(huishouden=huishouden, user=door)
    if traject.veiligheid:
        VeiligheidsSignaal.objects.create(
            traject=traject,
            gemeld_door=door,
            omschrijving=_("Bij de aanmelding: zorgen over basiszorg of veiligheid.")
            + (" " + _("Acute onveiligheid.") if traject.acuut else ""),
        )
    return traject


@transaction.atomic
def aanmelding_dubbel_notify(
    *, traject: Traject, huishoudens: Iterable[Huishouden]
) -> list[Bericht]:
    """Tell whoever holds the regie of each household that is probably the one of this new
    aanmelding, so they contact the registrant (issue #11).

    The registrant is told nothing (the duplicate check must not reveal who is a client),
    so this goes by e-mail to the other side only: see `selectors.duplicate_contacts` for
    who. The e-mail names the registrant and refers to the new aanmelding by its traject
    number, which the recipient cannot open; it links to the household the recipient is
    already involved with. Idempotent: one message per aanmelding, household and recipient.
    """
    door = traject.aangemeld_door
    berichten = []
    for huishouden in huishoudens:
        url = absolute_url("huishoudens:huishouden", huishouden.pk)
        for ontvanger in duplicate_contacts(huishouden):
            if ontvanger.pk == door.pk:
                continue
            berichten.append(
                bericht_queue(
                    aan=ontvanger.email,
                    template="aanmelding_dubbel",
                    context={
                        "ontvanger": ontvanger,
                        "aanmelder": door,
                        "organisatie": door.organisatie,
                        "traject_id": traject.pk,
                        "huishouden_id": huishouden.pk,
                        "url": url,
                    },
                    sleutel=f"aanmelding:{traject.pk}:dubbel:{huishouden.pk}:{ontvanger.pk}",
                )
            )
    return berichten


def no_start_refusal(traject: Traject) -> str:
    """Why the intake may not decide "Nee, geen start" ("" when it may).

    With (acute) onveiligheid or onvoldoende basiszorg 1Gezin1Plan1Regisseur always starts:
    002 Fase 1 step 2 ("Ga naar 'Aanvullende acties bij onveiligheid' en start altijd
    1Gezin1Plan1Regisseur"), 002 Fase 2 step 7 and 004 Fase 2 Toelichting ("1Gezin1Plan1Regisseur
    wordt altijd ingezet bij situaties van onvoldoende basiszorg, onveiligheid, huiselijk
    geweld ..."). The aanmelding's flags decide, not whether the signal they opened is still
    open: a closed signal does not undo what the aanmelding reported.
    """
    redenen = [
        label
        for vlag, label in (
            (traject.acuut, _("acute onveiligheid")),
            (traject.zorgen_veiligheid and not traject.acuut, _("signalen van onveiligheid")),
            (traject.zorgen_basiszorg, _("zorgen over onvoldoende basiszorg")),
        )
        if vlag
    ]
    if not redenen:
        return ""
    return _(
        "Bij de aanmelding is gemeld: %(redenen)s. Dan start 1Gezin1Plan1Regisseur altijd "
        "(Richtlijn, fase 1 stap 2 en fase 2): kies ‘Ja, start’ en integreer de "
        "aanvullende acties bij onveiligheid."
    ) % {"redenen": ", ".join(redenen)}


@transaction.atomic
def intake_save(
    *,
    traject: Traject,
    door,
    verwacht_van: str,
    criteria_ja: list[int],
    toelichting: str,
    besluit_start: bool,
    besluit_reden: str,
) -> Traject:
    """Record the criteria and the decision; "no" ends the aanmelding, "yes" goes to 3a.
    "No" is refused when the aanmelding flagged a safety concern (`no_start_refusal`)."""
    if not besluit_start:
        weigering = no_start_refusal(traject)
        if weigering:
            raise MoveRefused([weigering])
    IntakeAntwoord.objects.filter(traject=traject).delete()
    IntakeAntwoord.objects.bulk_create(
        IntakeAntwoord(traject=traject, criterium=c, van_toepassing=c.pk in criteria_ja)
        for c in start_criteria_for(door.organisatie)
    )
    Traject.objects.filter(pk=traject.pk).update(
        intake_toelichting=toelichting, besluit_start=besluit_start, besluit_reden=besluit_reden
    )
    naar = Fase.STARTOVERLEG_VOORBEREIDEN if besluit_start else Fase.GESLOTEN
    toelichting_overgang = (
        _("Start 1Gezin1Plan1Regisseur: ")
        if besluit_start
        else _("Geen start 1Gezin1Plan1Regisseur: ")
    ) + besluit_reden
    return traject_move(
        traject=traject,
        naar=naar,
        door=door,
        verwacht_van=verwacht_van,
        toelichting=toelichting_overgang,
    )


@transaction.atomic
def startcriterium_add(*, organisatie, tekst: str) -> StartCriterium:
    laatste = StartCriterium.objects.filter(organisatie=organisatie).order_by("-volgorde").first()
    return StartCriterium.objects.create(
        organisatie=organisatie,
        tekst=tekst,
        volgorde=(laatste.volgorde + 1) if laatste else 1,
        bron=_("eigen criterium van %(org)s") % {"org": organisatie},
    )


@transaction.atomic
def startcriterium_set_active(*, criterium: StartCriterium, actief: bool) -> None:
    """Criteria are switched off, not deleted: earlier intakes keep referring to them."""
    criterium.actief = actief
    criterium.save(update_fields=["actief"])


# --- phases ----------------------------------------------------------------------------


@transaction.atomic
def traject_move(
    *, traject: Traject, naar: str, door, verwacht_van: str, toelichting: str = ""
) -> Traject:
    """Move a traject to phase `naar`, writing one history row.

    `verwacht_van` is the phase the user saw: when a colleague moved the traject in the
    meantime, TrajectConflict is raised and nothing is written (the row is locked first).
    """
    locked = Traject.objects.select_for_update().get(pk=traject.pk)
    if locked.fase != verwacht_van:
        raise TrajectConflict(
            _(
                "Een collega heeft dit traject intussen verplaatst naar %(fase)s. Bekijk de nieuwe "
                "stand en probeer het zo nodig opnieuw."
            )
            % {"fase": locked.get_fase_display()}
        )
    if naar not in TRANSITIONS.get(locked.fase, set()):
        raise MoveRefused(
            [
                _("Van %(van)s naar %(naar)s is geen stap in het werkproces.")
                % {"van": locked.get_fase_display(), "naar": Fase(naar).label}
            ]
        )
    # Closing at 6b and the intake's "no start" alike: an open safety concern blocks both.
    if naar == Fase.GESLOTEN:
        reasons = reasons_not_to_close(locked)
        if reasons:
            raise MoveRefused(reasons)
    if locked.fase == Fase.GESLOTEN and not locked.besluit_start:
        raise MoveRefused(
            [
                _(
                    "Een aanmelding zonder start van 1Gezin1Plan1Regisseur wordt niet "
                    "heropend: maak een nieuwe aanmelding."
                )
            ]
        )
    now = timezone.now()
    FaseOvergang.objects.create(
        traject=locked, van=locked.fase, naar=naar, door=door, toelichting=toelichting
    )
    if starts_new_round(van=locked.fase, naar=naar):
        locked.ronde += 1
    locked.fase = naar
    locked.fase_sinds = now
    locked.gesloten_op = now if naar == Fase.GESLOTEN else None
    try:
        with transaction.atomic():
            locked.save(update_fields=["fase", "fase_sinds", "gesloten_op", "ronde"])
    except IntegrityError:  # reopening while the household has another open traject
        raise MoveRefused([_("Dit huishouden heeft al een ander open traject.")]) from None
    if naar == Fase.GESLOTEN:
        involvement_end_all(traject=locked, op=timezone.localdate(now))
    return locked


def starts_new_round(*, van: str, naar: str) -> bool:
    """5b back to 4 (002 fase 5b step 15: "Ga naar fase 4"), or 6b or a closed traject back
    to 5b (002 fase 6b casusregie 3), starts a new round of phases 4-5a-5b (issue #12)."""
    return (van, naar) in {
        (Fase.VOORTGANGSOVERLEG_UITVOEREN, Fase.VOORTGANG),
        (Fase.AFSLUITEN, Fase.VOORTGANGSOVERLEG_UITVOEREN),
        (Fase.GESLOTEN, Fase.VOORTGANGSOVERLEG_UITVOEREN),
    }


def involvement_end_all(*, traject: Traject, op: date) -> int:
    """Closing the traject ends every regisseur's involvement on that day (004 fase 6.2
    "Rond het traject af"; issue #12), those without an account included. Returns how many
    professionals' roles ended."""
    beeindigd = (
        TrajectBetrokkene.objects.filter(traject=traject, tot__isnull=True)
        .filter(vanaf__lte=op)
        .update(tot=op)
    )
    # A regisseur due to start later (an accepted handover) never starts.
    TrajectBetrokkene.objects.filter(traject=traject, vanaf__gt=op).delete()
    InformeleCasusregisseur.objects.filter(traject=traject, tot__isnull=True).update(tot=op)
    traject.betrokkenen_gewijzigd()
    return beeindigd


@transaction.atomic
def actie_mark(
    *,
    traject: Traject,
    actie: FaseActie,
    door,
    status: FaseActieStatus | None,
    toelichting: str = "",
) -> ActieVoortgang | None:
    """Tick or skip an action of the list; status None undoes it. Never blocks a phase.

    The actions of phases 4, 5a and 5b are ticked for the traject's current round; the
    rows of earlier rounds stay as they were (issue #12)."""
    ronde = actie_ronde(traject=traject, actie=actie)
    if status is None:
        ActieVoortgang.objects.filter(traject=traject, actie=actie, ronde=ronde).delete()
        return None
    if status == FaseActieStatus.OVERGESLAGEN and not toelichting.strip():
        raise ValidationError(_("Geef aan waarom deze actie wordt overgeslagen."))
    voortgang, _created = ActieVoortgang.objects.update_or_create(
        traject=traject,
        actie=actie,
        ronde=ronde,
        defaults={"status": status, "toelichting": toelichting, "door": door},
    )
    return voortgang


def actie_ronde(*, traject: Traject, actie: FaseActie) -> int:
    """The round a tick of `actie` belongs to: the traject's round in phases 4-5a-5b."""
    if actie.fase in RONDE_FASEN:
        return Traject.objects.values_list("ronde", flat=True).get(pk=traject.pk)
    return 1


# --- regisseurs ------------------------------------------------------------------------


@transaction.atomic
def regisseur_assign(
    *,
    traject: Traject,
    user,
    rol: TrajectRol,
    door,
    leefgebieden: list[str] | None = None,
    vanaf: date | None = None,
) -> TrajectBetrokkene:
    """At most one procesregisseur per traject (also a database constraint)."""
    if rol == TrajectRol.PROCESREGISSEUR:
        huidige = (
            traject.betrokkenen.filter(rol=rol, tot__isnull=True).select_related("user").first()
        )
        if huidige:
            raise ValidationError(
                _(
                    "Dit traject heeft al een procesregisseur: %(naam)s. Draag de procesregie over "
                    "(fase 6a) in plaats van een tweede toe te wijzen."
                )
                % {"naam": huidige.user}
            )
    try:
        with transaction.atomic():
            betrokkene = TrajectBetrokkene.objects.create(
                traject=traject,
                user=user,
                rol=rol,
                leefgebieden=leefgebieden or [],
                vanaf=vanaf or timezone.localdate(),
            )
            traject.betrokkenen_gewijzigd()
    except IntegrityError:
        raise ValidationError(
            _("Deze toewijzing bestaat al, of een collega wees zojuist een procesregisseur toe.")
        ) from None
    BetrokkenProfessional.objects.get_or_create(huishouden=traject.huishouden, user=user)
    return betrokkene


@transaction.atomic
def signaal_create(*, traject: Traject, door, omschrijving: str) -> VeiligheidsSignaal:
    return VeiligheidsSignaal.objects.create(
        traject=traject, gemeld_door=door, omschrijving=omschrijving
    )


@transaction.atomic
def signaal_close(*, signaal: VeiligheidsSignaal, afsluiting: str) -> VeiligheidsSignaal:
    signaal.afgesloten_op = timezone.now()
    signaal.afsluiting = afsluiting
    signaal.save(update_fields=["afgesloten_op", "afsluiting"])
    return signaal


# --- fase 6a: overdracht -----------------------------------------------------------------


@transaction.atomic
def overdracht_propose(
    *, traject: Traject, rol: TrajectRol, van, naar, per: date, toelichting: str = ""
) -> Overdracht:
    if not traject.betrokkenen.actief().filter(user=van, rol=rol).exists():
        raise ValidationError(
            _("U kunt alleen een rol overdragen die u zelf heeft in dit traject.")
        )
    if naar == van:
        raise ValidationError(_("Kies een andere collega als opvolger."))
    return Overdracht.objects.create(
        traject=traject, rol=rol, van=van, naar=naar, per=per, toelichting=toelichting
    )


@transaction.atomic
def overdracht_decide(*, overdracht: Overdracht, accept: bool) -> Overdracht:
    """The successor accepts (the role passes from the agreed date) or declines."""
    overdracht = Overdracht.objects.select_for_update().get(pk=overdracht.pk)
    if overdracht.status != OverdrachtStatus.VOORGESTELD:
        raise ValidationError(_("Over deze overdracht is al beslist."))
    if accept and overdracht.traject.fase == Fase.GESLOTEN:
        raise ValidationError(_("Het traject is intussen afgesloten; er valt niets over te nemen."))
    overdracht.status = OverdrachtStatus.GEACCEPTEERD if accept else OverdrachtStatus.GEWEIGERD
    overdracht.beslist_op = timezone.now()
    overdracht.save(update_fields=["status", "beslist_op"])
    if accept:
        oud = (
            overdracht.traject.betrokkenen.actief()
            .filter(user=overdracht.van, rol=overdracht.rol)
            .first()
        )
        leefgebieden = oud.leefgebieden if oud else []
        if oud:
            oud.tot = overdracht.per - timedelta(days=1)
            oud.save(update_fields=["tot"])
            overdracht.traject.betrokkenen_gewijzigd()
        regisseur_assign(
            traject=overdracht.traject,
            user=overdracht.naar,
            rol=overdracht.rol,
            door=overdracht.naar,
            leefgebieden=leefgebieden,
            vanaf=overdracht.per,
        )
        overdracht_notify(overdracht=overdracht)
    return overdracht
