"""Whose consent is needed to share information about a member (seed 002 ch. 7).

    under 12        the parents with gezag / wettelijk vertegenwoordiger
    12 up to 16     both the young person and the parents with gezag
    16 and older    the person
    curatele        the curator
    bewind          the person, and the bewindvoerder for financial matters

A melding to Veilig Thuis needs no consent (meldrecht); that is the meldcode's concern.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from huishoudens.constants import Toestemmer, ToestemmingStatus, Vertegenwoordiging


def required_consenters(lid, op: date | None = None) -> list[Toestemmer]:
    if lid.vertegenwoordiging == Vertegenwoordiging.CURATELE:
        return [Toestemmer.CURATOR]
    if lid.vertegenwoordiging == Vertegenwoordiging.BEWIND:
        return [Toestemmer.BETROKKENE, Toestemmer.BEWINDVOERDER]
    leeftijd = lid.leeftijd(op)
    if leeftijd < 12:
        return [Toestemmer.GEZAGHEBBENDE]
    if leeftijd < 16:
        return [Toestemmer.BETROKKENE, Toestemmer.GEZAGHEBBENDE]
    return [Toestemmer.BETROKKENE]


@dataclass(frozen=True)
class ConsentState:
    toestemmer: Toestemmer
    status: str | None  # the latest ToestemmingStatus, or None when nothing is recorded
    record: object | None


def consent_states(lid, op: date | None = None) -> list[ConsentState]:
    """Per required party the latest record (uses prefetched `toestemmingen` when present)."""
    records = sorted(
        lid.toestemmingen.all(), key=lambda t: (t.datum, t.vastgelegd_op), reverse=True
    )
    states = []
    for toestemmer in required_consenters(lid, op):
        latest = next((t for t in records if t.toestemmer == toestemmer), None)
        states.append(ConsentState(toestemmer, latest.status if latest else None, latest))
    return states


def consent_complete(lid, op: date | None = None) -> bool:
    return all(s.status == ToestemmingStatus.GEGEVEN for s in consent_states(lid, op))
