"""Writes of the evaluation with the household and the monitoring surveys (seed 002 DEEL I;
issue #14). Keyword-only, each in one transaction.

Anonymity, by construction:
* an answer (`Inzending`, `Antwoord`) holds the questionnaire, the organisation, the month
  (the first day, never a time), the group and, for a survey, the survey; random primary
  keys, so the order of arrival is not in the ids either;
* a personal link holds the SHA-256 of its token, what may be answered and whether it was
  used: no person, no traject, no answer id, no time of use. It is marked used in the same
  transaction that stores the answers, with a conditional UPDATE, so it works once even
  when two requests race;
* paper answers are stored the same way; the traject's `Evaluatie` keeps counts only.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudens.constants import Fase, TrajectRol
from implementatie.models import (
    Antwoord,
    Enquete,
    Evaluatie,
    Groep,
    Inzending,
    Link,
    Vraag,
    VraagSoort,
    Vragenlijst,
)
from regie.models import Bericht
from regie.outbox import absolute_url, bericht_queue

GELDIG_DAGEN = 30
EVALUATIE_FASEN = (Fase.AFSLUITEN, Fase.GESLOTEN)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def deze_maand(op: date | None = None) -> date:
    return (op or timezone.localdate()).replace(day=1)


# --- answers ----------------------------------------------------------------------------


def _antwoorden_save(*, inzending: Inzending, antwoorden: dict[int, tuple[int | None, str]]):
    vragen = {v.pk: v for v in _vragen(inzending.vragenlijst, inzending.groep)}
    rows = []
    for vraag_id, (waarde, tekst) in antwoorden.items():
        vraag = vragen.get(vraag_id)
        if vraag is None:
            raise ValidationError(_("Onbekende vraag."))
        if waarde is None and not tekst:
            continue
        rows.append(Antwoord(inzending=inzending, vraag=vraag, waarde=waarde, tekst=tekst))
    Antwoord.objects.bulk_create(rows)


def _vragen(vragenlijst: Vragenlijst, groep: str):
    return Vraag.objects.filter(vragenlijst=vragenlijst, groep=groep).exclude(soort=VraagSoort.KOP)


def _inzending_create(*, vragenlijst, organisatie, groep: str, enquete, antwoorden) -> Inzending:
    if not any(w is not None or t for w, t in antwoorden.values()):
        raise ValidationError(_("Er is geen enkele vraag beantwoord."))
    inzending = Inzending.objects.create(
        vragenlijst=vragenlijst,
        organisatie=organisatie,
        periode=deze_maand(),
        groep=groep,
        enquete=enquete,
    )
    _antwoorden_save(inzending=inzending, antwoorden=antwoorden)
    return inzending


# --- the evaluation of a traject (002 fase 6b step 5, DEEL I) ---------------------------


def evaluatie_organisatie(traject, user):
    """The organisation the answers count for: that of the traject's procesregisseur, or,
    without one (level 1), that of whoever opens the evaluation."""
    for b in traject.actieve_betrokkenen:
        if b.rol == TrajectRol.PROCESREGISSEUR and b.user.organisatie_id:
            return b.user.organisatie
    return user.organisatie


@transaction.atomic
def evaluatie_open(*, traject, door) -> Evaluatie:
    """Open (or return) the evaluation of a traject at its last overleg (phase 6b)."""
    if bestaand := Evaluatie.objects.filter(traject=traject).first():
        return bestaand
    if traject.fase not in EVALUATIE_FASEN:
        raise ValidationError(_("De evaluatie hoort bij het laatste overleg, in fase 6b."))
    organisatie = evaluatie_organisatie(traject, door)
    if organisatie is None:
        raise ValidationError(_("Er is geen organisatie om de evaluatie aan toe te rekenen."))
    return Evaluatie.objects.create(traject=traject, organisatie=organisatie, geopend_door=door)


@transaction.atomic
def evaluatie_paper_record(
    *, evaluatie: Evaluatie, groep: str, antwoorden: dict[int, tuple[int | None, str]]
) -> None:
    """One participant's paper form, entered by the procesregisseur. Returns nothing: the
    answers must not be traceable to the traject, not even for the caller."""
    if groep not in Groep.values:
        raise ValidationError(_("Kies de groep van de deelnemer."))
    _inzending_create(
        vragenlijst=Vragenlijst.objects.get(sleutel="evaluatie"),
        organisatie=evaluatie.organisatie,
        groep=groep,
        enquete=None,
        antwoorden=antwoorden,
    )
    Evaluatie.objects.filter(pk=evaluatie.pk).update(papier_ingevoerd=F("papier_ingevoerd") + 1)
    evaluatie.refresh_from_db(fields=["papier_ingevoerd"])


def _link_create(*, vragenlijst, groep, organisatie, enquete=None, jij=False) -> str:
    token = secrets.token_urlsafe(32)
    Link.objects.create(
        token_hash=token_hash(token),
        vragenlijst=vragenlijst,
        groep=groep,
        organisatie=organisatie,
        enquete=enquete,
        jij=jij,
        verloopt_op=timezone.localdate() + timedelta(days=GELDIG_DAGEN),
    )
    return token


@dataclass(frozen=True)
class Deelnemer:
    naam: str
    email: str
    groep: str
    jij: bool


def evaluatie_sleutel(evaluatie: Evaluatie, email: str) -> str:
    return f"evaluatie:{evaluatie.traject_id}:{email.lower()}"


@transaction.atomic
def evaluatie_links_send(*, evaluatie: Evaluatie, deelnemers: list[Deelnemer]) -> int:
    """A personal link by e-mail to each participant with an address who has none yet;
    returns how many were sent. The e-mail says nothing about the household."""
    vragenlijst = Vragenlijst.objects.get(sleutel="evaluatie")
    verstuurd = 0
    for d in deelnemers:
        if not d.email or d.groep not in Groep.values:
            continue
        sleutel = evaluatie_sleutel(evaluatie, d.email)
        if Bericht.objects.filter(sleutel=sleutel).exists():
            continue
        token = _link_create(
            vragenlijst=vragenlijst, groep=d.groep, organisatie=evaluatie.organisatie, jij=d.jij
        )
        bericht_queue(
            aan=d.email,
            template="evaluatie",
            context={
                "naam": d.naam,
                "jij": d.jij,
                "link": absolute_url("implementatie:evaluatie_invullen", token=token),
                "dagen": GELDIG_DAGEN,
            },
            sleutel=sleutel,
        )
        verstuurd += 1
    Evaluatie.objects.filter(pk=evaluatie.pk).update(
        links_verstuurd=F("links_verstuurd") + verstuurd
    )
    evaluatie.refresh_from_db(fields=["links_verstuurd"])
    return verstuurd


# --- the public link ---------------------------------------------------------------------


def link_geldig(token: str) -> Link | None:
    """The unused, unexpired link of `token`, or None: the caller answers the same for an
    unknown, used or expired link."""
    if not token or len(token) > 100:
        return None
    return (
        Link.objects.select_related("vragenlijst", "enquete")
        .filter(token_hash=token_hash(token), gebruikt=False, verloopt_op__gte=timezone.localdate())
        .first()
    )


@transaction.atomic
def link_answer(*, token: str, antwoorden: dict[int, tuple[int | None, str]]) -> bool:
    """Store the answers given through a link and use the link up, in one transaction.
    False when the link is unknown, used or expired (also when another request won)."""
    link = link_geldig(token)
    if link is None:
        return False
    used = Link.objects.filter(pk=link.pk, gebruikt=False).update(gebruikt=True)
    if not used:
        return False
    _inzending_create(
        vragenlijst=link.vragenlijst,
        organisatie=link.organisatie,
        groep=link.groep,
        enquete=link.enquete,
        antwoorden=antwoorden,
    )
    return True


# --- monitoring surveys (002 DEEL I, "Monitoring voorbeeldvragen") -----------------------


@transaction.atomic
def enquete_create(*, vragenlijst: Vragenlijst, titel: str, door, niveau: str) -> Enquete:
    return Enquete.objects.create(
        vragenlijst=vragenlijst,
        titel=titel,
        organisatie=door.organisatie,
        niveau=niveau,
        aangemaakt_door=door,
    )


@transaction.atomic
def enquete_links_send(*, enquete: Enquete, adressen: list[str]) -> int:
    """A personal link to each address that has none for this survey yet."""
    verstuurd = 0
    for adres in dict.fromkeys(a.strip().lower() for a in adressen if a.strip()):
        sleutel = f"enquete:{enquete.pk}:{adres}"
        if Bericht.objects.filter(sleutel=sleutel).exists():
            continue
        token = _link_create(
            vragenlijst=enquete.vragenlijst,
            groep="",
            organisatie=enquete.organisatie,
            enquete=enquete,
        )
        bericht_queue(
            aan=adres,
            template="evaluatie_enquete",
            context={
                "titel": enquete.titel,
                "link": absolute_url("implementatie:evaluatie_invullen", token=token),
                "dagen": GELDIG_DAGEN,
            },
            sleutel=sleutel,
        )
        verstuurd += 1
    Enquete.objects.filter(pk=enquete.pk).update(links_verstuurd=F("links_verstuurd") + verstuurd)
    enquete.refresh_from_db(fields=["links_verstuurd"])
    return verstuurd
