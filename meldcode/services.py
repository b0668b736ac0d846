"""Writes of the meldcode. Each checks the rule of the seed it implements and raises
MeldcodeError with a Dutch message the view shows; permission checks (meldcode.policy)
are the view's, audit rows too."""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudens.services import signaal_close
from meldcode import selectors
from meldcode.afwegingskader import beslis
from meldcode.constants import Aanleiding, Check, DossierStatus, Sluitreden, Vorm
from meldcode.models import (
    Afscherming,
    Consultatie,
    CrisisContact,
    CrisisOproep,
    Dossier,
    DossierToegang,
    Gebeurtenis,
    Gesprek,
    InKaart,
    InstrumentScholing,
    Signalen,
    VtMelding,
    Weging,
)
from regie.models import Bericht
from regie.outbox import absolute_url, bericht_queue

logger = logging.getLogger(__name__)


class MeldcodeError(ValueError):
    pass


def _open(dossier: Dossier) -> None:
    if dossier.status != DossierStatus.OPEN:
        raise MeldcodeError(_("Dit dossier is gesloten."))


@transaction.atomic
def dossier_open(
    *,
    traject,
    door,
    aanleiding: Aanleiding,
    eigenaar=None,
    signaal=None,
    leden=(),
    weeg_interval_dagen: int = 28,
) -> Dossier:
    """Open a dossier; its owner is the one who saw the signals, by default who opens it."""
    leden = list(leden)
    if any(lid.huishouden_id != traject.huishouden_id for lid in leden):
        raise MeldcodeError(_("Kies gezinsleden van dit huishouden."))
    if signaal is not None and signaal.traject_id != traject.pk:
        raise MeldcodeError(_("Dit signaal hoort niet bij dit traject."))
    dossier = Dossier.objects.create(
        traject=traject,
        eigenaar=eigenaar or door,
        aanleiding=aanleiding,
        signaal=signaal,
        geopend_door=door,
        weeg_interval_dagen=weeg_interval_dagen,
        volgende_weging_op=timezone.localdate() + datetime.timedelta(days=weeg_interval_dagen),
    )
    dossier.leden.set(leden)
    return dossier


@transaction.atomic
def signalen_record(
    *, dossier: Dossier, door, vormen: list[str], toelichting: str = ""
) -> Signalen:
    _open(dossier)
    if not vormen:
        raise MeldcodeError(_("Kies ten minste één vorm van huiselijk geweld."))
    onbekend = set(vormen) - set(Vorm.values)
    if onbekend:
        raise MeldcodeError(_("Onbekende vorm: %(vorm)s.") % {"vorm": ", ".join(sorted(onbekend))})
    return Signalen.objects.create(
        dossier=dossier, vastgelegd_door=door, vormen=sorted(vormen), toelichting=toelichting
    )


def instrumenten_voor(user) -> list[str]:
    """The risk instruments this user was trained in ("alleen wanneer je hierop bent
    geschoold", 002 ch. 2 stap 1 action 8)."""
    return list(InstrumentScholing.objects.filter(user=user).values_list("instrument", flat=True))


@transaction.atomic
def inkaart_record(
    *,
    dossier: Dossier,
    door,
    feiten: str,
    nog_nodig: str = "",
    betrekken: str = "",
    check_soort: str = Check.NVT,
    check_uitkomst: str = "",
    instrument: str = "",
    instrument_uitkomst: str = "",
) -> InKaart:
    _open(dossier)
    if not feiten.strip():
        raise MeldcodeError(_("Leg de feitelijke signalen vast."))
    if check_soort != Check.NVT and not check_uitkomst.strip():
        raise MeldcodeError(
            _("Vul de uitkomst van de %(check)s in.") % {"check": Check(check_soort).label.lower()}
        )
    if instrument and instrument not in instrumenten_voor(door):
        raise MeldcodeError(
            _("U bent niet geschoold in dit instrument; vraag een geschoolde collega.")
        )
    if instrument and not instrument_uitkomst.strip():
        raise MeldcodeError(_("Vul de uitkomst van de taxatie in."))
    return InKaart.objects.create(
        dossier=dossier,
        vastgelegd_door=door,
        feiten=feiten,
        nog_nodig=nog_nodig,
        betrekken=betrekken,
        check_soort=check_soort,
        check_uitkomst=check_uitkomst,
        instrument=instrument,
        instrument_uitkomst=instrument_uitkomst if instrument else "",
    )


@transaction.atomic
def consultatie_record(
    *,
    dossier: Dossier,
    door,
    op: datetime.date,
    wie: str,
    rol: str,
    advies: str,
    anoniem: bool,
    advies_gevolgd: bool,
    afwijking: str = "",
) -> Consultatie:
    _open(dossier)
    if not advies_gevolgd and not afwijking.strip():
        raise MeldcodeError(_("Leg vast waarom van het advies is afgeweken."))
    if op > timezone.localdate():
        raise MeldcodeError(_("Een consultatie kan niet in de toekomst liggen."))
    return Consultatie.objects.create(
        dossier=dossier,
        vastgelegd_door=door,
        op=op,
        wie=wie,
        rol=rol,
        advies=advies,
        anoniem=anoniem,
        advies_gevolgd=advies_gevolgd,
        afwijking="" if advies_gevolgd else afwijking,
    )


@transaction.atomic
def gesprek_record(
    *,
    dossier: Dossier,
    door,
    gevoerd: bool,
    op: datetime.date | None = None,
    met_wie: str = "",
    reactie: str = "",
    afspraken: str = "",
    melding_aangekondigd: bool = False,
    reactie_op_melding: str = "",
    geen_gesprek_reden: str = "",
) -> Gesprek:
    _open(dossier)
    if gevoerd and not (op and met_wie.strip() and reactie.strip()):
        raise MeldcodeError(_("Leg vast wanneer en met wie het gesprek was, en de reactie."))
    if not gevoerd and not geen_gesprek_reden.strip():
        raise MeldcodeError(_("Leg vast waarom er geen gesprek over de signalen is gevoerd."))
    return Gesprek.objects.create(
        dossier=dossier,
        vastgelegd_door=door,
        gevoerd=gevoerd,
        op=op if gevoerd else None,
        met_wie=met_wie,
        reactie=reactie,
        afspraken=afspraken,
        melding_aangekondigd=melding_aangekondigd,
        reactie_op_melding=reactie_op_melding if melding_aangekondigd else "",
        geen_gesprek_reden="" if gevoerd else geen_gesprek_reden,
    )


@transaction.atomic
def weging_record(
    *,
    dossier: Dossier,
    door,
    op: datetime.date,
    antwoorden: dict[int, bool],
    overwegingen: str,
    samen_met_veilig_thuis: list[int] = (),
    afspraken: str = "",
) -> Weging:
    """One complete walk through the afwegingskader; the decision is beslis()'s."""
    _open(dossier)
    try:
        besluit = beslis(antwoorden)
    except ValueError as error:
        raise MeldcodeError(str(error)) from None
    if not besluit.compleet:
        raise MeldcodeError(_("Beantwoord ook vraag %(n)s.") % {"n": besluit.volgende_vraag})
    samen = sorted(set(samen_met_veilig_thuis))
    if not set(samen) <= set(antwoorden):
        raise MeldcodeError(
            _("Alleen beantwoorde vragen kunnen samen met Veilig Thuis zijn beantwoord.")
        )
    if not overwegingen.strip():
        raise MeldcodeError(_("Leg de weging vast."))
    weging = Weging.objects.create(
        dossier=dossier,
        vastgelegd_door=door,
        op=op,
        antwoorden={str(k): v for k, v in sorted(antwoorden.items())},
        samen_met_veilig_thuis=samen,
        overwegingen=overwegingen,
        melden=besluit.melden,
        hulp=besluit.hulp,
        afsluiten=besluit.afsluiten,
        afspraken=afspraken,
    )
    dossier.volgende_weging_op = op + datetime.timedelta(days=dossier.weeg_interval_dagen)
    dossier.save(update_fields=["volgende_weging_op"])
    return weging


@transaction.atomic
def melding_record(
    *, dossier: Dossier, door, op: datetime.date, inhoud: str, referentie: str = ""
) -> VtMelding:
    """The melding is made by the one who saw the signals: the owner (002 ch. 2)."""
    _open(dossier)
    if not inhoud.strip():
        raise MeldcodeError(_("Leg vast wat er is gemeld."))
    if op > timezone.localdate():
        raise MeldcodeError(_("Een melding kan niet in de toekomst liggen."))
    return VtMelding.objects.create(
        dossier=dossier, vastgelegd_door=door, op=op, inhoud=inhoud, referentie=referentie
    )


@transaction.atomic
def terugkoppeling_record(*, melding: VtMelding, op: datetime.date, terugkoppeling: str) -> None:
    if not terugkoppeling.strip():
        raise MeldcodeError(_("Leg vast wat Veilig Thuis terugkoppelde."))
    if op < melding.op:
        raise MeldcodeError(_("De terugkoppeling kan niet vóór de melding liggen."))
    melding.terugkoppeling_op = op
    melding.terugkoppeling = terugkoppeling
    melding.save(update_fields=["terugkoppeling_op", "terugkoppeling"])


@transaction.atomic
def gebeurtenis_record(
    *, dossier: Dossier, door, soort: str, op: datetime.date, toelichting: str = ""
) -> Gebeurtenis:
    _open(dossier)
    return Gebeurtenis.objects.create(
        dossier=dossier, vastgelegd_door=door, soort=soort, op=op, toelichting=toelichting
    )


@transaction.atomic
def toegang_grant(*, dossier: Dossier, door, user, reden: str) -> DossierToegang:
    if user.pk == dossier.eigenaar_id:
        raise MeldcodeError(_("De eigenaar heeft al toegang."))
    if not reden.strip():
        raise MeldcodeError(_("Geef aan waarom deze persoon toegang krijgt."))
    if dossier.toegang.filter(user=user, ingetrokken_op__isnull=True).exists():
        raise MeldcodeError(_("Deze persoon heeft al toegang."))
    return DossierToegang.objects.create(
        dossier=dossier, user=user, reden=reden, verleend_door=door
    )


@transaction.atomic
def toegang_withdraw(*, toegang: DossierToegang, door) -> None:
    if toegang.ingetrokken_op is None:
        toegang.ingetrokken_op = timezone.now()
        toegang.ingetrokken_door = door
        toegang.save(update_fields=["ingetrokken_op", "ingetrokken_door"])


@transaction.atomic
def item_shield(*, dossier: Dossier, door, item: str, reden: str, toelichting: str) -> Afscherming:
    if not toelichting.strip():
        raise MeldcodeError(_("Licht toe waarom dit onderdeel wordt afgeschermd."))
    afscherming, _created = Afscherming.objects.update_or_create(
        dossier=dossier,
        item=item,
        defaults={"reden": reden, "toelichting": toelichting, "door": door},
    )
    return afscherming


@transaction.atomic
def dossier_close(*, dossier: Dossier, door, reden: Sluitreden, toelichting: str) -> None:
    """ "Wanneer je besluit te stoppen met het doorlopen van de stappen, leg je dit ook vast
    ... Geef daarbij aan waarom" (002 ch. 7): a reason is always required, and a melding that
    is owed must be recorded first."""
    _open(dossier)
    if not toelichting.strip():
        raise MeldcodeError(_("Geef aan waarom het dossier wordt afgesloten."))
    if selectors.melding_vereist(dossier):
        raise MeldcodeError(
            _(
                "Leg eerst de melding bij Veilig Thuis vast: het afwegingskader of een "
                "gebeurtenis vraagt erom."
            )
        )
    laatste = Weging.objects.filter(dossier=dossier).order_by("-op", "-id").first()
    if reden == Sluitreden.GEEN_VERMOEDEN and not (laatste and laatste.afsluiten):
        raise MeldcodeError(
            _("Sluit af op 'geen vermoeden' na een weging waarin vraag 1 met nee is beantwoord.")
        )
    if reden == Sluitreden.DUURZAME_VEILIGHEID and not (
        laatste and laatste.antwoorden.get("5") is True
    ):
        raise MeldcodeError(
            _("Duurzame veiligheid blijkt uit een weging waarin vraag 5 met ja is beantwoord.")
        )
    dossier.status = DossierStatus.GESLOTEN
    dossier.gesloten_op = timezone.now()
    dossier.sluitreden = reden
    dossier.sluit_toelichting = toelichting
    dossier.save(update_fields=["status", "gesloten_op", "sluitreden", "sluit_toelichting"])
    # A safety signal on the traject is closed through its dossier's outcome, not free text.
    if dossier.signaal_id and dossier.signaal.afgesloten_op is None:
        signaal_close(
            signaal=dossier.signaal,
            afsluiting=_("Via meldcodedossier %(nr)s: %(reden)s.")
            % {"nr": dossier.pk, "reden": Sluitreden(reden).label},
        )


# --- "Als zorgen blijven": weigh again at the owner's interval (002 ch. 2) -----------------


@transaction.atomic
def weeg_interval_set(*, dossier: Dossier, dagen: int) -> Dossier:
    """The owner sets how often they weigh again; the next weighing moves to the last
    weighing (or the opening, before any) plus the new interval. A reminder already sent
    for an earlier due date does not come again for the same date."""
    _open(dossier)
    if not 1 <= dagen <= 365:
        raise MeldcodeError(_("Kies een termijn van 1 tot en met 365 dagen."))
    laatste = Weging.objects.filter(dossier=dossier).order_by("-op", "-id").first()
    basis = laatste.op if laatste else timezone.localdate(dossier.geopend_op)
    dossier.weeg_interval_dagen = dagen
    dossier.volgende_weging_op = basis + datetime.timedelta(days=dagen)
    dossier.save(update_fields=["weeg_interval_dagen", "volgende_weging_op"])
    return dossier


def _dossier_url(dossier: Dossier) -> str:
    return absolute_url("meldcode:dossier", pk=dossier.pk)


def herinneringen_send(*, today: datetime.date) -> int:
    """Daily (meldcode.tasks.herinneringen): remind the owner of every open dossier whose
    weighing is due, and of every melding that has waited more than
    REGIE_VT_TERUGKOPPELING_DAGEN days for feedback from Veilig Thuis. Idempotent: a due
    date is marked reminded (`herinnerd_op`) in the transaction that queues its e-mail, and
    every e-mail has an outbox key (one per dossier per due date, one per melding per
    threshold), so a second run on the same day sends nothing. Returns the e-mails queued."""
    aantal = 0
    for pk in selectors.te_herinneren(today).values_list("pk", flat=True):
        aantal += _weging_herinneren(pk=pk, today=today)
    dagen = selectors.vt_terugkoppeling_dagen()
    wachtend = {
        pk: _terugkoppeling_sleutel(pk, dagen)
        for pk in selectors.terugkoppeling_te_herinneren(today, dagen).values_list("pk", flat=True)
    }
    al_verstuurd = set(
        Bericht.objects.filter(sleutel__in=wachtend.values()).values_list("sleutel", flat=True)
    )
    for pk, sleutel in wachtend.items():
        if sleutel not in al_verstuurd:
            aantal += _terugkoppeling_herinneren(pk=pk, today=today, dagen=dagen)
    return aantal


@transaction.atomic
def _weging_herinneren(*, pk: int, today: datetime.date) -> int:
    # Locked and checked again: a weighing, closing or another run may have come first.
    dossier = selectors.te_herinneren(today).select_for_update(of=("self",)).filter(pk=pk).first()
    if dossier is None:
        return 0
    eigenaar = dossier.eigenaar
    if not eigenaar.is_active:
        # Not marked: the reminder goes out once the dossier has an active owner again.
        logger.warning("Meldcodedossier %s: eigenaar is niet actief, geen herinnering", pk)
        return 0
    bericht_queue(
        aan=eigenaar.email,
        template="meldcode_herinnering",
        context={"eigenaar": eigenaar, "dossier": dossier, "url": _dossier_url(dossier)},
        sleutel=f"meldcode:dossier:{dossier.pk}:weging:{dossier.volgende_weging_op.isoformat()}",
    )
    dossier.herinnerd_op = today
    dossier.save(update_fields=["herinnerd_op"])
    return 1


def _terugkoppeling_sleutel(melding_pk: int, dagen: int) -> str:
    return f"meldcode:vtmelding:{melding_pk}:terugkoppeling:{dagen}d"


@transaction.atomic
def _terugkoppeling_herinneren(*, pk: int, today: datetime.date, dagen: int) -> int:
    melding = (
        selectors.terugkoppeling_te_herinneren(today, dagen)
        .select_related("dossier__eigenaar")
        .select_for_update(of=("self",))
        .filter(pk=pk)
        .first()
    )
    sleutel = _terugkoppeling_sleutel(pk, dagen)
    if melding is None or Bericht.objects.filter(sleutel=sleutel).exists():
        return 0
    dossier = melding.dossier
    if not dossier.eigenaar.is_active:
        logger.warning("Meldcodedossier %s: eigenaar is niet actief, geen herinnering", dossier.pk)
        return 0
    bericht_queue(
        aan=dossier.eigenaar.email,
        template="meldcode_herinnering_vt",
        context={
            "eigenaar": dossier.eigenaar,
            "dossier": dossier,
            "dagen": dagen,
            "url": _dossier_url(dossier),
        },
        sleutel=sleutel,
    )
    return 1


# --- acuut gevaar and the beheerder's settings -----------------------------------------


@transaction.atomic
def crisisoproep_record(
    *,
    traject,
    door,
    contact: str,
    telefoon: str,
    op: datetime.datetime,
    toelichting: str,
    dossier: Dossier | None = None,
) -> CrisisOproep:
    """A call made in acute danger (002 ch. 2, "Stappen bij levensbedreigende situaties")."""
    if not toelichting.strip():
        raise MeldcodeError(_("Leg vast wat er is gebeurd en afgesproken."))
    if dossier is not None and dossier.traject_id != traject.pk:
        raise MeldcodeError(_("Dit dossier hoort niet bij dit traject."))
    return CrisisOproep.objects.create(
        traject=traject,
        dossier=dossier,
        contact=contact,
        telefoon=telefoon,
        op=op,
        toelichting=toelichting,
        door=door,
    )


@transaction.atomic
def crisiscontact_save(*, regio, contact: CrisisContact | None = None, **velden) -> CrisisContact:
    """The beheerder keeps the region's crisis contacts ("verschilt per regio")."""
    contact = contact or CrisisContact(regio=regio)
    if contact.regio_id != regio.pk:
        raise MeldcodeError(_("Dit contact hoort bij een andere regio."))
    for name, value in velden.items():
        setattr(contact, name, value)
    contact.save()
    return contact


@transaction.atomic
def crisiscontact_delete(*, contact: CrisisContact) -> None:
    contact.delete()


@transaction.atomic
def scholing_record(*, user, instrument: str, geschoold_op: datetime.date) -> InstrumentScholing:
    if InstrumentScholing.objects.filter(user=user, instrument=instrument).exists():
        raise MeldcodeError(_("Deze scholing is al vastgelegd voor deze medewerker."))
    return InstrumentScholing.objects.create(
        user=user, instrument=instrument, geschoold_op=geschoold_op
    )


@transaction.atomic
def scholing_delete(*, scholing: InstrumentScholing) -> None:
    scholing.delete()
