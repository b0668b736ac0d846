"""Writes of fase 6a and 6b and of who holds regie (issue #12).

Fase 6a, "Overdragen of afsluiten en nazorg van een professional" (seed 002 DEEL A; 004
fase 6.1), is an event in any open phase:
* a handover to a named successor (`services.overdracht_propose`/`overdracht_decide`);
  once accepted, `overdracht_notify` tells the household (by e-mail, where known), the
  other betrokkenen and the procesregisseur ("Communiceer de overdracht aan het huishouden,
  betrokkenen en de procesregisseur", 004 fase 6.1 step 2; 002 casusregie 1);
* ending one's own involvement without a successor (`betrokkenheid_end`), with the
  seed's questions "Stel vast of er nog ondersteuning gewenst is op het leefgebied" and
  "Bespreek wie kan ondersteunen bij eventuele vragen of restproblematiek" (002 fase 6a
  casusregie 2). When procesregie ends without a successor the managers of the
  regisseur's organisation are told ("Lukt het niet een opvolger te vinden, dan neem je
  contact op met je manager", 002/004 fase 6a Toelichting);
* rounding off procesregie at regiekaart level 1 (`procesregie_round_off`): level 1 has
  no procesregisseur (002 ch. 5), so nobody looks for a successor and no manager is told.

Fase 6b, "Afsluiten en nazorg huishouden": whether a follow-up is wanted, the aftercare
agreements (wie, wat, wanneer, hoe vaak, wie kan ondersteunen bij vragen; 004 fase 6.2
step 1) and the agreed closing date (step 2). Closing itself is `services.traject_move`,
which ends every regisseur's involvement.

Who holds regie: the household's preferred procesregisseur (002 fase 3a Toelichting) and
casusregie held by a member or network member without an account (002 ch. 5, Niveau 1:
"uzelf, een familielid, een goede vriend"), see `InformeleCasusregisseur`.

E-mails carry no household data: the traject number, the role, names of professionals and
dates; the household's own e-mail names no other member.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudens.constants import AfsluitingSoort, Fase, OverdrachtStatus, TrajectRol
from huishoudens.models import (
    BetrokkenheidAfsluiting,
    BetrokkenProfessional,
    Gezinslid,
    InformeleCasusregisseur,
    NazorgAfspraak,
    Netwerklid,
    Overdracht,
    Traject,
    TrajectBetrokkene,
)
from huishoudens.workflow import procesregie_afronden_geadviseerd
from regie.constants import Rol
from regie.models import Bericht, User
from regie.outbox import absolute_url, bericht_queue

# --- fase 6b ---------------------------------------------------------------------------


@transaction.atomic
def nazorg_plan(*, traject: Traject, vervolg_wenselijk: bool, afsluitdatum: date | None) -> Traject:
    """Record whether a follow-up is wanted and when the traject closes (004 fase 6.2)."""
    traject.vervolg_wenselijk = vervolg_wenselijk
    traject.afsluitdatum = afsluitdatum
    traject.save(update_fields=["vervolg_wenselijk", "afsluitdatum"])
    return traject


@transaction.atomic
def nazorg_add(*, traject: Traject, door, **fields) -> NazorgAfspraak:
    if traject.fase == Fase.GESLOTEN:
        raise ValidationError(_("Dit traject is afgesloten."))
    return NazorgAfspraak.objects.create(traject=traject, door=door, **fields)


@transaction.atomic
def nazorg_remove(*, afspraak: NazorgAfspraak) -> None:
    if afspraak.traject.fase == Fase.GESLOTEN:
        raise ValidationError(_("De afspraken van een afgesloten traject blijven bewaard."))
    afspraak.delete()


# --- fase 6a ---------------------------------------------------------------------------


def _professional_recipients(traject: Traject, *, behalve: set[int]) -> list[tuple[str, object]]:
    """(address, user or None) of the traject's active regisseurs and the household's
    involved professionals, once per address, leaving out the users in `behalve`."""
    seen: dict[str, object] = {}
    for b in (
        TrajectBetrokkene.objects.actief()
        .filter(traject=traject, user__is_active=True)
        .select_related("user")
    ):
        if b.user_id not in behalve and b.user.email:
            seen.setdefault(b.user.email.lower(), b.user)
    for p in BetrokkenProfessional.objects.filter(
        huishouden_id=traject.huishouden_id
    ).select_related("user"):
        if p.user_id in behalve:
            continue
        if p.user_id and p.user.is_active and p.user.email:
            seen.setdefault(p.user.email.lower(), p.user)
        elif not p.user_id and p.email:
            seen.setdefault(p.email.lower(), None)
    return sorted(seen.items())


def _notify_change(
    *, traject: Traject, sleutel: str, context: dict, behalve: set[int], huishouden: bool
) -> list[Bericht]:
    berichten = []
    for adres, user in _professional_recipients(traject, behalve=behalve):
        berichten.append(
            bericht_queue(
                aan=adres,
                template="regie_gewijzigd",
                context={
                    **context,
                    "ontvanger": user,
                    "url": absolute_url("huishoudens:traject", traject.pk) if user else "",
                },
                sleutel=f"{sleutel}:{adres}",
            )
        )
    gezin = traject.huishouden
    if huishouden and gezin.email:
        berichten.append(
            bericht_queue(
                aan=gezin.email,
                template="regie_gewijzigd_huishouden",
                context={**context, "jij": gezin.aanspreekvorm == "jij"},
                sleutel=f"{sleutel}:huishouden",
            )
        )
    return berichten


def overdracht_notify(*, overdracht: Overdracht) -> list[Bericht]:
    """An accepted handover: tell the household (where its e-mail is known), the other
    betrokkenen and the procesregisseur (004 fase 6.1 step 2). Idempotent per handover."""
    return _notify_change(
        traject=overdracht.traject,
        sleutel=f"overdracht:{overdracht.pk}",
        context={
            "traject_id": overdracht.traject_id,
            "rol": overdracht.get_rol_display().lower(),
            "van": overdracht.van,
            "naar": overdracht.naar,
            "per": overdracht.per,
            "opvolger": True,
        },
        behalve={overdracht.naar_id, overdracht.van_id},
        huishouden=True,
    )


def managers_of(user) -> list[User]:
    """The active managers of the regisseur's organisation."""
    if not user.organisatie_id:
        return []
    return list(
        User.objects.with_role(Rol.MANAGER)
        .filter(organisatie_id=user.organisatie_id, is_active=True)
        .exclude(pk=user.pk)
        .distinct()
        .order_by("pk")
    )


@transaction.atomic
def betrokkenheid_end(
    *,
    traject: Traject,
    user,
    rol: TrajectRol,
    per: date,
    ondersteuning_gewenst: bool | None,
    restproblematiek: str,
    afspraken: str,
    soort: AfsluitingSoort = AfsluitingSoort.EIGEN,
) -> BetrokkenheidAfsluiting:
    """End the user's own role on the traject without a successor, from `per` on (the
    first day without it, as a handover's `per`: the role's last day is the day before)."""
    if traject.fase == Fase.GESLOTEN:
        raise ValidationError(_("Dit traject is al afgesloten; daarmee eindigde ieders regie."))
    if per < timezone.localdate():
        raise ValidationError(_("De betrokkenheid eindigt vandaag of later."))
    rij = (
        TrajectBetrokkene.objects.select_for_update()
        .filter(traject=traject, user=user, rol=rol, tot__isnull=True)
        .first()
    )
    if rij is None:
        raise ValidationError(_("U kunt alleen een rol afsluiten die u zelf heeft in dit traject."))
    if Overdracht.objects.filter(
        traject=traject, van=user, rol=rol, status=OverdrachtStatus.VOORGESTELD
    ).exists():
        raise ValidationError(
            _("Er wacht nog een overdracht van deze rol op acceptatie. Wacht die eerst af.")
        )
    rij.tot = per - timedelta(days=1)
    rij.save(update_fields=["tot"])
    traject.betrokkenen_gewijzigd()
    afsluiting = BetrokkenheidAfsluiting.objects.create(
        traject=traject,
        user=user,
        rol=rol,
        soort=soort,
        per=per,
        ondersteuning_gewenst=ondersteuning_gewenst,
        restproblematiek=restproblematiek,
        afspraken=afspraken,
    )
    context = {
        "traject_id": traject.pk,
        "rol": TrajectRol(rol).label.lower(),
        "van": user,
        "naar": None,
        "per": per,
        "opvolger": False,
        "niveau_1": soort == AfsluitingSoort.NIVEAU_1,
    }
    _notify_change(
        traject=traject,
        sleutel=f"afsluiting:{afsluiting.pk}",
        context=context,
        behalve={user.pk},
        huishouden=True,
    )
    if rol == TrajectRol.PROCESREGISSEUR and soort == AfsluitingSoort.EIGEN:
        for manager in managers_of(user):
            bericht_queue(
                aan=manager.email,
                template="regie_geen_opvolger",
                context={**context, "manager": manager},
                sleutel=f"afsluiting:{afsluiting.pk}:manager:{manager.pk}",
            )
        afsluiting.manager_gemeld = True
        afsluiting.save(update_fields=["manager_gemeld"])
    return afsluiting


@transaction.atomic
def procesregie_round_off(
    *, traject: Traject, door, toelichting: str = ""
) -> BetrokkenheidAfsluiting:
    """Carry out the level-1 advice "rond de procesregie af": the procesregisseur's role
    ends today; casusregie carries on (002 ch. 5, Niveau 1). Only while the regiekaart's
    current level advises it (`workflow.register_procesregie_afronden`)."""
    if not procesregie_afronden_geadviseerd(traject):
        raise ValidationError(
            _("Procesregie wordt alleen afgerond als de regiekaart op niveau 1 staat.")
        )
    proces = (
        TrajectBetrokkene.objects.actief()
        .filter(traject=traject, rol=TrajectRol.PROCESREGISSEUR, tot__isnull=True)
        .first()
    )
    if proces is None:
        raise ValidationError(_("Dit traject heeft geen procesregisseur meer."))
    return betrokkenheid_end(
        traject=traject,
        user=proces.user,
        rol=TrajectRol.PROCESREGISSEUR,
        per=timezone.localdate(),
        ondersteuning_gewenst=None,
        restproblematiek="",
        afspraken=toelichting,
        soort=AfsluitingSoort.NIVEAU_1,
    )


# --- who holds regie -------------------------------------------------------------------


@transaction.atomic
def voorkeur_save(*, traject: Traject, voorkeur: str) -> Traject:
    """The household's preferred procesregisseur (002 fase 3a Toelichting, step 4)."""
    traject.voorkeur_procesregisseur = voorkeur.strip()
    traject.save(update_fields=["voorkeur_procesregisseur"])
    return traject


@transaction.atomic
def informele_casusregisseur_assign(
    *,
    traject: Traject,
    door,
    gezinslid: Gezinslid | None = None,
    netwerklid: Netwerklid | None = None,
    leefgebieden: list[str] | None = None,
) -> InformeleCasusregisseur:
    """A member or network member of this household holds casusregie (002 ch. 5 Niveau 1)."""
    if (gezinslid is None) == (netwerklid is None):
        raise ValidationError(_("Kies één gezinslid of één netwerklid."))
    persoon = gezinslid or netwerklid
    if persoon.huishouden_id != traject.huishouden_id:
        raise ValidationError(_("Kies iemand uit dit huishouden of zijn netwerk."))
    if traject.fase == Fase.GESLOTEN:
        raise ValidationError(_("Dit traject is afgesloten."))
    bestaand = InformeleCasusregisseur.objects.actief().filter(
        Q(gezinslid=gezinslid) if gezinslid else Q(netwerklid=netwerklid), traject=traject
    )
    if bestaand.exists():
        raise ValidationError(_("Deze persoon is al casusregisseur in dit traject."))
    return InformeleCasusregisseur.objects.create(
        traject=traject,
        gezinslid=gezinslid,
        netwerklid=netwerklid,
        leefgebieden=leefgebieden or [],
        vanaf=timezone.localdate(),
        door=door,
    )


@transaction.atomic
def informele_casusregisseur_end(*, casusregisseur: InformeleCasusregisseur) -> None:
    casusregisseur.tot = timezone.localdate() - timedelta(days=1)  # gone from today
    casusregisseur.save(update_fields=["tot"])
