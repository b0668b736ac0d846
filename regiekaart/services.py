"""Writes of the regiekaart: the level decision (opschalen, afschalen, naar manager), its
resolution, the managers' notifications, and the regional card (seed 002 ch. 5).

A change of level goes only through `opschaling_decide`: it records the assessment, asks
`rules.advies` for the advice, and writes the history row in the same transaction, like
`huishoudens.services.traject_move` does for phases.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudens import services as huishoudens_services
from huishoudens.constants import TrajectRol
from huishoudens.models import Overdracht, Traject
from regie.models import Regio
from regie.outbox import absolute_url, bericht_queue
from regiekaart import policy, rules
from regiekaart.constants import START_NIVEAU, Criterium, Richting
from regiekaart.models import (
    Beoordeling,
    BeoordelingCriterium,
    KaartInvulling,
    Melding,
    Niveau,
    Opschaling,
    TrajectNiveau,
    Vaststelling,
)

# Notified besides every request to the manager: escalations to these levels.
MELDEN_VANAF_NIVEAU = 4


class NiveauConflict(Exception):
    """Someone else changed the traject's level first; nothing was written."""


@dataclass(frozen=True)
class Besluit:
    beoordeling: Beoordeling
    advies: rules.Advies
    opschaling: Opschaling | None


def advies_gevolgd(advies: rules.Advies, *, naar_niveau: int, naar_manager: bool) -> bool:
    """Following the advice: its level (or one of the P options), and to the manager exactly
    when VO or VI holds."""
    niveau_ok = naar_niveau == advies.niveau or naar_niveau in advies.opties
    return niveau_ok and naar_manager == advies.naar_manager


@transaction.atomic
def opschaling_decide(
    *,
    traject: Traject,
    door,
    verwacht_niveau: int,
    criteria: Mapping[str, tuple[bool, str]],
    naar_niveau: int,
    naar_manager: bool = False,
    reden_afwijking: str = "",
    vraag_manager: str = "",
) -> Besluit:
    """Assess the traject and decide its level in one step.

    `criteria` maps codes of `Criterium` to (holds, note); codes left out do not hold.
    The advice is computed here from the criteria (never taken from the caller). Writes a
    `Beoordeling` always, and an `Opschaling` when the level changes, the manager is asked,
    or the decision deviates from the advice (which needs `reden_afwijking`). Going down
    resolves the open escalations above the new level; an assessment without VO and VI
    resolves open requests to the manager ("Afschalen naar uitvoering"). Managers are
    notified of a request to them and of an escalation to level 4 or 5.

    `verwacht_niveau` is the level the user saw: when it changed meanwhile, NiveauConflict.
    """
    _check_besluiten(door=door, traject=traject, criteria=criteria, naar_niveau=naar_niveau)
    stand = _niveau_vergrendelen(traject=traject, verwacht_niveau=verwacht_niveau)
    huidig = stand.nummer
    geldt = sorted((c for c, (ja, _t) in criteria.items() if ja), key=Criterium.values.index)
    advies = rules.advies(huidig, geldt)
    gevolgd = advies_gevolgd(advies, naar_niveau=naar_niveau, naar_manager=naar_manager)
    reden_afwijking, vraag_manager = reden_afwijking.strip(), vraag_manager.strip()
    _check_motivatie(
        advies,
        gevolgd=gevolgd,
        naar_manager=naar_manager,
        reden_afwijking=reden_afwijking,
        vraag_manager=vraag_manager,
    )

    now = timezone.now()
    beoordeling = _beoordeling_vastleggen(
        traject=traject, door=door, op=now, niveau=huidig, advies=advies, criteria=criteria
    )
    opschaling = _opschaling_vastleggen(
        beoordeling,
        naar_niveau=naar_niveau,
        naar_manager=naar_manager,
        geldt=geldt,
        advies=advies,
        gevolgd=gevolgd,
        reden_afwijking=reden_afwijking,
        vraag_manager=vraag_manager,
    )
    if naar_niveau != huidig:
        stand.nummer, stand.sinds = naar_niveau, now
        stand.save(update_fields=["nummer", "sinds"])
    _resolve_superseded(
        traject=traject, door=door, naar_niveau=naar_niveau, geldt=geldt, op=now, besluit=opschaling
    )
    if opschaling and _managers_melden(opschaling):
        opschaling_notify(opschaling=opschaling)
    return Besluit(beoordeling=beoordeling, advies=advies, opschaling=opschaling)


def _check_besluiten(
    *, door, traject: Traject, criteria: Mapping[str, tuple[bool, str]], naar_niveau: int
) -> None:
    """Who decides, and what they send: known criteria and a level of 1 to 5."""
    if not policy.may_escalate(door, traject):
        raise PermissionDenied(
            _("Alleen de procesregisseur (of de casusregisseur als er geen is) schaalt op of af.")
        )
    onbekend = set(criteria) - set(Criterium.values)
    if onbekend:
        raise ValidationError(_("Onbekende criteria: %(c)s.") % {"c": ", ".join(sorted(onbekend))})
    if naar_niveau not in range(1, 6):
        raise ValidationError(_("Kies een niveau van 1 tot en met 5."))


def _niveau_vergrendelen(*, traject: Traject, verwacht_niveau: int) -> TrajectNiveau:
    """Lock the traject's level row (created at the start level on the first decision);
    NiveauConflict when it is no longer the level the user saw."""
    stand, _created = TrajectNiveau.objects.select_for_update().get_or_create(
        traject=traject, defaults={"nummer": START_NIVEAU}
    )
    if stand.nummer != verwacht_niveau:
        raise NiveauConflict(
            _(
                "Een collega heeft het niveau van dit traject intussen vastgesteld op niveau "
                "%(n)s. Bekijk de nieuwe stand en beoordeel opnieuw."
            )
            % {"n": stand.nummer}
        )
    return stand


def _check_motivatie(
    advies: rules.Advies,
    *,
    gevolgd: bool,
    naar_manager: bool,
    reden_afwijking: str,
    vraag_manager: str,
) -> None:
    """A deviation from the advice needs a reason, a request to the manager a question."""
    fouten = {}
    if not gevolgd and not reden_afwijking:
        fouten["reden_afwijking"] = _(
            "U wijkt af van het advies (%(advies)s). Geef de reden waarom."
        ) % {"advies": advies_label(advies)}
    if naar_manager and not vraag_manager:
        fouten["vraag_manager"] = _("Beschrijf wat u van de manager vraagt.")
    if fouten:
        raise ValidationError(fouten)


def _beoordeling_vastleggen(
    *,
    traject: Traject,
    door,
    op,
    niveau: int,
    advies: rules.Advies,
    criteria: Mapping[str, tuple[bool, str]],
) -> Beoordeling:
    """The assessment with its advice, and a row for each of the nine criteria."""
    beoordeling = Beoordeling.objects.create(
        traject=traject,
        door=door,
        op=op,
        niveau=niveau,
        advies_niveau=advies.niveau,
        advies_naar_manager=advies.naar_manager,
        advies_opties=list(advies.opties),
        advies_regels=[r.code for r in advies.regels],
    )
    BeoordelingCriterium.objects.bulk_create(
        BeoordelingCriterium(
            beoordeling=beoordeling,
            code=code,
            geldt=criteria.get(code, (False, ""))[0],
            toelichting=criteria.get(code, (False, ""))[1].strip(),
        )
        for code in Criterium.values
    )
    return beoordeling


def _opschaling_vastleggen(
    beoordeling: Beoordeling,
    *,
    naar_niveau: int,
    naar_manager: bool,
    geldt: list[str],
    advies: rules.Advies,
    gevolgd: bool,
    reden_afwijking: str,
    vraag_manager: str,
) -> Opschaling | None:
    """The decision's history row, when there is something to record: the level changes,
    the manager is asked, or the decision deviates from the advice. Organisation, manager
    and municipality are stored with it (`policy.manager_scope`)."""
    traject, door, huidig = beoordeling.traject, beoordeling.door, beoordeling.niveau
    richting = _richting(van=huidig, naar=naar_niveau)
    if richting == Richting.GELIJK and not naar_manager and gevolgd:
        return None
    return Opschaling.objects.create(
        traject=traject,
        beoordeling=beoordeling,
        van_niveau=huidig,
        naar_niveau=naar_niveau,
        richting=richting,
        naar_manager=naar_manager,
        criteria=geldt,
        regels=[r.code for r in advies.regels],
        advies_niveau=advies.niveau,
        advies_naar_manager=advies.naar_manager,
        advies_gevolgd=gevolgd,
        reden_afwijking=reden_afwijking,
        vraag_manager=vraag_manager,
        door=door,
        op=beoordeling.op,
        organisatie_id=door.organisatie_id,
        manager_id=door.manager_id,
        gemeente_id=traject.huishouden.gemeente_id,
    )


def _richting(*, van: int, naar: int) -> Richting:
    if naar > van:
        return Richting.OPSCHALEN
    if naar < van:
        return Richting.AFSCHALEN
    return Richting.GELIJK


def _managers_melden(opschaling: Opschaling) -> bool:
    """Managers hear of every request to them and of an escalation to level 4 or 5."""
    return opschaling.naar_manager or (
        opschaling.richting == Richting.OPSCHALEN and opschaling.naar_niveau >= MELDEN_VANAF_NIVEAU
    )


def _resolve_superseded(
    *, traject, door, naar_niveau: int, geldt: list[str], op, besluit: Opschaling | None
) -> None:
    open_rows = Opschaling.objects.open().filter(traject=traject)
    if besluit is not None:
        open_rows = open_rows.exclude(pk=besluit.pk)
    open_rows.filter(
        richting=Richting.OPSCHALEN, naar_manager=False, naar_niveau__gt=naar_niveau
    ).update(
        opgelost_op=op,
        opgelost_door=door,
        oplossing=_("Afgeschaald naar niveau %(n)s.") % {"n": naar_niveau},
    )
    if rules.VO not in geldt and rules.VI not in geldt:
        open_rows.filter(naar_manager=True).update(
            opgelost_op=op,
            opgelost_door=door,
            oplossing=_(
                "Er is geen visieverschil tussen professionals meer: afgeschaald naar uitvoering."
            ),
        )


def advies_label(advies: rules.Advies) -> str:
    if advies.opties:
        niveaus = ", ".join(str(n) for n in advies.opties)
        tekst = _("niveau %(n)s, of naar keuze niveau %(opties)s") % {
            "n": advies.niveau,
            "opties": niveaus,
        }
    else:
        tekst = _("niveau %(n)s") % {"n": advies.niveau}
    if advies.naar_manager:
        tekst += _(" en naar de manager")
    return tekst


def melding_tekst(opschaling: Opschaling) -> str:
    naam = opschaling.door.get_full_name()
    if opschaling.naar_manager:
        return _("%(naam)s vraagt u als manager om hulp bij traject #%(t)s (niveau %(n)s).") % {
            "naam": naam,
            "t": opschaling.traject_id,
            "n": opschaling.naar_niveau,
        }
    return _(
        "Traject #%(t)s is opgeschaald van niveau %(van)s naar niveau %(naar)s door %(naam)s."
    ) % {
        "t": opschaling.traject_id,
        "van": opschaling.van_niveau,
        "naar": opschaling.naar_niveau,
        "naam": naam,
    }


@transaction.atomic
def opschaling_notify(*, opschaling: Opschaling) -> list[Melding]:
    """Tell every manager in scope, in the app and by e-mail through the outbox. Safe to
    call again: one notification and one message per manager (idempotency key)."""
    tekst = melding_tekst(opschaling)
    url = absolute_url("regiekaart:escalatie", opschaling.pk)
    niveau = Niveau.objects.filter(nummer=opschaling.naar_niveau).first()
    meldingen = []
    for manager in policy.managers_for(opschaling):
        melding, _created = Melding.objects.get_or_create(
            aan=manager, opschaling=opschaling, defaults={"tekst": tekst}
        )
        meldingen.append(melding)
        bericht_queue(
            aan=manager.email,
            template="opschaling",
            context={
                "manager": manager,
                "opschaling": opschaling,
                "niveau": niveau,
                "tekst": tekst,
                "criteria": ", ".join(opschaling.criteria) or "-",
                "url": url,
            },
            sleutel=f"opschaling:{opschaling.pk}:manager:{manager.pk}",
        )
    return meldingen


@transaction.atomic
def opschaling_resolve(*, opschaling: Opschaling, door, oplossing: str) -> Opschaling:
    """Record when, how and by whom an escalation or a request to the manager was resolved."""
    opschaling = Opschaling.objects.select_for_update().get(pk=opschaling.pk)
    if not opschaling.vraagt_afhandeling:
        raise ValidationError(_("Dit besluit vraagt geen afhandeling."))
    if opschaling.opgelost_op is not None:
        raise ValidationError(_("Deze escalatie is al afgehandeld."))
    oplossing = oplossing.strip()
    if not oplossing:
        raise ValidationError({"oplossing": _("Beschrijf hoe de escalatie is afgehandeld.")})
    opschaling.opgelost_op = timezone.now()
    opschaling.opgelost_door = door
    opschaling.oplossing = oplossing
    opschaling.save(update_fields=["opgelost_op", "opgelost_door", "oplossing"])
    Melding.objects.filter(opschaling=opschaling, gelezen_op__isnull=True).update(
        gelezen_op=opschaling.opgelost_op
    )
    if door != opschaling.door and opschaling.door.is_active:
        # The regisseur who asked hears that it was resolved (the how is in Regie).
        bericht_queue(
            aan=opschaling.door.email,
            template="opschaling_afgehandeld",
            context={
                "opschaling": opschaling,
                "url": absolute_url("regiekaart:traject", opschaling.traject_id),
            },
            sleutel=f"opschaling:{opschaling.pk}:afgehandeld",
        )
    return opschaling


def meldingen_mark_read(*, user, opschaling: Opschaling | None = None) -> int:
    """Mark the user's notifications read (all of them, or those of one escalation)."""
    qs = Melding.objects.filter(aan=user, gelezen_op__isnull=True)
    if opschaling is not None:
        qs = qs.filter(opschaling=opschaling)
    return qs.update(gelezen_op=timezone.now())


@transaction.atomic
def overdracht_naar_zvh(*, traject: Traject, van, naar, per: date) -> Overdracht:
    """Level 4: procesregie belongs to the Zorg- en Veiligheidshuis (002 ch. 5, Niveau 4,
    B. Regie). Proposes the handover of fase 6a; the successor accepts or declines."""
    return huishoudens_services.overdracht_propose(
        traject=traject,
        rol=TrajectRol.PROCESREGISSEUR,
        van=van,
        naar=naar,
        per=per,
        toelichting=_(
            "Niveau 4 van de regiekaart: de procesregie ligt bij het Zorg- en Veiligheidshuis."
        ),
    )


# --- the regional card -------------------------------------------------------------------


@transaction.atomic
def vaststelling_record(*, regio: Regio, vastgesteld_op: date, besluit: str, door) -> Vaststelling:
    return Vaststelling.objects.create(
        regio=regio, vastgesteld_op=vastgesteld_op, besluit=besluit.strip(), door=door
    )


@transaction.atomic
def niveau_update(*, niveau: Niveau, **fields) -> Niveau:
    """Amend the texts of a level. The advice does not read them (see `rules`)."""
    for name, value in fields.items():
        setattr(niveau, name, value)
    niveau.full_clean()
    niveau.save()
    return niveau


@transaction.atomic
def kaartinvulling_save(
    *, invulling: KaartInvulling | None = None, door, **fields
) -> KaartInvulling:
    invulling = invulling or KaartInvulling()
    for name, value in fields.items():
        setattr(invulling, name, value)
    invulling.bijgewerkt_door = door
    invulling.full_clean()
    invulling.save()
    return invulling


@transaction.atomic
def kaartinvulling_delete(*, invulling: KaartInvulling) -> None:
    invulling.delete()
