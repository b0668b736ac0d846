"""Joining and shortening what people typed, for the plan's pages and its PDF (issue #12).

A plan line is built from the user's text and the template's words: "wat, sinds X.
Gevolgen: Y". People end their text with a full stop as often as not, so gluing the pieces
together printed "mentor..", "geweest., sinds" and "zijn.; Vanaf". Every line that joins
typed text with punctuation goes through `samen`, and a text cut short for a hint goes
through `kort` (it cut "van dit veil" mid-word).

The rule of `samen`, for a separator that starts with punctuation (". ", ", ", "; ", ": "):
- the left part ends in ".", ",", ";" or ":": that mark is dropped for the separator's own
  ("geweest." + ", sinds" = "geweest, sinds"; "mentor." + ". Gevolgen" = "mentor. Gevolgen");
- the left part ends in "?", "!", "…" or "...": it keeps its mark and the separator's mark
  is dropped ("Lukt het?" + ". Gevolgen" = "Lukt het? Gevolgen").
Before an opening bracket (" (") a final ".", ",", ";" or ":" is dropped too ("Bellen. (uiterlijk
3 mei)" reads "Bellen (uiterlijk 3 mei)"). Other separators (" ", " — ") join as they are.
Text inside quotation marks is literal (a citaat) and never changed. Empty parts are left
out together with their separator, so no line starts or ends with a dangling ", ".
"""

from __future__ import annotations

WEG = ".,;:"  # a mark the separator's own replaces
BLIJFT = ("?", "!", "…", "...")  # a mark that stays; the separator's mark goes


def plak(links: str, tussen: str, rechts: str) -> str:
    """`links + tussen + rechts` without doubled punctuation; an empty side drops `tussen`."""
    links = (links or "").rstrip()
    rechts = (rechts or "").strip()
    if not rechts:
        return links
    if not links:
        return rechts
    teken = tussen.lstrip()[:1]
    if teken and teken in WEG + "(":
        if not links.endswith(BLIJFT):
            links = links.rstrip(WEG).rstrip() or links
        elif teken != "(":
            # Only the separator's spacing remains: "Lukt het?" + ", sinds" -> "Lukt het? sinds".
            tussen = tussen.lstrip()[1:] or " "
    return links + tussen + rechts


def samen(eerste: str, *paren: tuple[str, str]) -> str:
    """`eerste` followed by each (separator, text) pair, joined by `plak`; empty texts are
    left out with their separator: samen("wat.", (", sinds ", "mei"), (". ", "")) is
    "wat, sinds mei"."""
    tekst = (eerste or "").strip()
    for tussen, deel in paren:
        tekst = plak(tekst, tussen, deel)
    return tekst


def zonder_slotteken(tekst: str) -> str:
    """The text without a final ".", ",", ";" or ":", for a text that sits mid-sentence."""
    tekst = str(tekst or "").rstrip()
    return tekst.rstrip(WEG).rstrip() or tekst


def kort(tekst: str, lengte: int) -> str:
    """At most `lengte` characters, cut at a word boundary with "…"; a single word longer than
    the limit is cut where it must be (issue #12: a hint read "van dit veil")."""
    tekst = " ".join((tekst or "").split())
    if len(tekst) <= lengte:
        return tekst
    deel = tekst[: lengte - 1]
    if tekst[lengte - 1] != " " and " " in deel:
        deel = deel[: deel.rindex(" ")]
    return deel.rstrip(WEG + " ") + "…"
