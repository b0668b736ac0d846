"""Whose consent is needed to share information about a member (seed 002 ch. 7, "Aan wie
vraag je toestemming voor het delen van informatie?").

    under 12        the parents with gezag / wettelijk vertegenwoordiger
    12 up to 16     both the young person and the parents with gezag
    16 and older    the person
    curatele        the curator
    bewind          the person; the bewindvoerder only for the goods / finances under bewind

Two parents with gezag ("Beide ouders") each consent separately: the seed asks consent "aan
de ouders" and, for a 12-to-16-year-old, "zowel aan de jongere als aan zijn ouders"; 002
ch. 7 "Ouders zijn gescheiden": "Ouders behouden samen het gezag". So the first parent's
record is `Toestemmer.GEZAGHEBBENDE`, the second one's `GEZAGHEBBENDE_2`, and consent is
complete only when both gave it (issue #12). One parent with gezag, a voogd or a
gecertificeerde instelling is the one `GEZAGHEBBENDE`.

Bewind is limited to what is under bewind: "Bij volwassenen met een onderbewindstelling:
aan de volwassene zelf en aan de bewindvoerder voor de goederen / financiën die onder bewind
staan" (002 ch. 7). So sharing in general (a plan, a meeting) needs the person's consent
only; the bewindvoerder's is a separate line, `alleen_financien`, needed only before sharing
information about those finances (`consent_complete(..., financien=True)`). The app cannot
tell which words of a plan concern them, so the plan's sending page reminds instead of
blocking (issue #12).

Mentorschap: 002 ch. 7's table has no row for a mentor; the seed names the mentor only as
someone to involve ("Stel vast wie er betrokken dienen te worden (let op gezaghebbende
ouder, mentor of curator)", 002 ch. 2 Aanvullende acties bij onveiligheid, stap 3). So the
person consents as any adult does, and the consent page names the mentor as the one to
involve (`mentor_note`). See the README for this decision.

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
    leeftijd = lid.leeftijd(op)
    if leeftijd < 12:
        return _gezaghebbenden(lid)
    if leeftijd < 16:
        return [Toestemmer.BETROKKENE, *_gezaghebbenden(lid)]
    return [Toestemmer.BETROKKENE]


def financial_consenters(lid) -> list[Toestemmer]:
    """Who consents, besides `required_consenters`, before information about the goods /
    finances under bewind is shared (002 ch. 7)."""
    if lid.vertegenwoordiging == Vertegenwoordiging.BEWIND:
        return [Toestemmer.BEWINDVOERDER]
    return []


def mentor_note(lid) -> str:
    """For a member under mentorschap: whom to involve (002 ch. 2 stap 3); "" otherwise."""
    if lid.vertegenwoordiging != Vertegenwoordiging.MENTORSCHAP:
        return ""
    return _(
        "Mentorschap (mentor: %(naam)s). Toestemming geeft de persoon zelf; betrek de mentor "
        "bij gesprekken over zorg en veiligheid."
    ) % {"naam": lid.vertegenwoordiger or _("naam onbekend")}


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
    alleen_financien: bool = False  # the bewindvoerder's line: not needed for sharing in general


def consent_states(lid, op: date | None = None) -> list[ConsentState]:
    """Per required party the latest record (uses prefetched `toestemmingen` when present)."""
    records = sorted(
        lid.toestemmingen.all(), key=lambda t: (t.datum, t.vastgelegd_op), reverse=True
    )
    nodig = [(t, False) for t in required_consenters(lid, op)]
    nodig += [(t, True) for t in financial_consenters(lid)]
    states = []
    for toestemmer, alleen_financien in nodig:
        latest = next((t for t in records if t.toestemmer == toestemmer), None)
        states.append(
            ConsentState(
                toestemmer,
                latest.status if latest else None,
                latest,
                consenter_label(lid, toestemmer),
                alleen_financien,
            )
        )
    return states


def consent_complete(lid, op: date | None = None, *, financien: bool = False) -> bool:
    """Whether information about `lid` may be shared with others; with `financien=True`
    also information about the finances under bewind."""
    return all(
        s.status == ToestemmingStatus.GEGEVEN
        for s in consent_states(lid, op)
        if financien or not s.alleen_financien
    )
