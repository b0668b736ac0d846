"""Whose consent is needed to share information about a member (seed 002 ch. 7, "Aan wie
vraag je toestemming voor het delen van informatie?").

    under 12        the parents with gezag / wettelijk vertegenwoordiger
    12 up to 16     both the young person and the parents with gezag
    16 and older    the person
    curatele        the curator
    bewind          the person, and the bewindvoerder for financial matters

Two parents with gezag ("Beide ouders") each consent separately: the seed asks consent "aan
de ouders" and, for a 12-to-16-year-old, "zowel aan de jongere als aan zijn ouders"; 002
ch. 7 "Ouders zijn gescheiden": "Ouders behouden samen het gezag". So the first parent's
record is `Toestemmer.GEZAGHEBBENDE`, the second one's `GEZAGHEBBENDE_2`, and consent is
complete only when both gave it (issue #12). One parent with gezag, a voogd or a
gecertificeerde instelling is the one `GEZAGHEBBENDE`.

A melding to Veilig Thuis needs no consent (meldrecht); that is the meldcode's concern.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from huishoudens.constants import Gezag, Toestemmer, ToestemmingStatus, Vertegenwoordiging


def _gezaghebbenden(lid) -> list[Toestemmer]:
    if lid.gezag == Gezag.BEIDE_OUDERS:
        return [Toestemmer.GEZAGHEBBENDE, Toestemmer.GEZAGHEBBENDE_2]
    return [Toestemmer.GEZAGHEBBENDE]


def required_consenters(lid, op: date | None = None) -> list[Toestemmer]:
    if lid.vertegenwoordiging == Vertegenwoordiging.CURATELE:
        return [Toestemmer.CURATOR]
    if lid.vertegenwoordiging == Vertegenwoordiging.BEWIND:
        return [Toestemmer.BETROKKENE, Toestemmer.BEWINDVOERDER]
    leeftijd = lid.leeftijd(op)
    if leeftijd < 12:
        return _gezaghebbenden(lid)
    if leeftijd < 16:
        return [Toestemmer.BETROKKENE, *_gezaghebbenden(lid)]
    return [Toestemmer.BETROKKENE]


def consenter_label(lid, toestemmer: Toestemmer) -> str:
    """The party as the page names it: with two parents with gezag, "eerste" and "tweede"."""
    if toestemmer == Toestemmer.GEZAGHEBBENDE and lid.gezag == Gezag.BEIDE_OUDERS:
        return _("Eerste ouder met gezag")
    return Toestemmer(toestemmer).label


@dataclass(frozen=True)
class ConsentState:
    toestemmer: Toestemmer
    status: str | None  # the latest ToestemmingStatus, or None when nothing is recorded
    record: object | None
    label: str = ""


def consent_states(lid, op: date | None = None) -> list[ConsentState]:
    """Per required party the latest record (uses prefetched `toestemmingen` when present)."""
    records = sorted(
        lid.toestemmingen.all(), key=lambda t: (t.datum, t.vastgelegd_op), reverse=True
    )
    states = []
    for toestemmer in required_consenters(lid, op):
        latest = next((t for t in records if t.toestemmer == toestemmer), None)
        states.append(
            ConsentState(
                toestemmer,
                latest.status if latest else None,
                latest,
                consenter_label(lid, toestemmer),
            )
        )
    return states


def consent_complete(lid, op: date | None = None) -> bool:
    return all(s.status == ToestemmingStatus.GEGEVEN for s in consent_states(lid, op))
