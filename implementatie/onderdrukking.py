"""Small-count suppression: a published figure never lets a reader single out a household.

Issue #14 asks that counts under 5 are hidden and that the hiding "cannot be undone by
subtracting two figures". Three rules, applied wherever implementatie shows a count that
describes households, people or their answers:

1. Primary: a count of 1 to 4 is hidden (0 reveals nobody and stays visible).
2. Within a series shown with its total (periods, levels, organisations): if exactly one
   cell is hidden, the smallest other non-zero cell is hidden too, so the total minus the
   visible cells never equals a single hidden cell.
3. Part of a whole (a filter that narrows a figure shown elsewhere unfiltered): the part is
   hidden when the rest (whole minus part) is 1 to 4, as whole - part would reveal it.

Hidden values are `None`; templates print them as "<5" (see `weergave`).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

DREMPEL = 5
VERBORGEN_TEKST = "<5"

K = TypeVar("K", bound=Hashable)


def klein(waarde: int) -> bool:
    """A count that would single someone out: 1 to DREMPEL - 1."""
    return 0 < waarde < DREMPEL


def getal(waarde: int) -> int | None:
    """Rule 1 for a single count."""
    return None if klein(waarde) else waarde


def deel(waarde: int, *, geheel: int) -> int | None:
    """Rules 1 and 3: a filtered count next to the unfiltered one."""
    if klein(waarde) or klein(geheel - waarde):
        return None
    return waarde


def reeks(waarden: Mapping[K, int]) -> dict[K, int | None]:
    """Rules 1 and 2 for a series whose total is also shown (use `getal` for the total)."""
    uit: dict[K, int | None] = {k: getal(v) for k, v in waarden.items()}
    verborgen = [k for k, v in uit.items() if v is None]
    if len(verborgen) == 1:
        zichtbaar = [(v, k) for k, v in waarden.items() if uit[k] is not None and v > 0]
        if zichtbaar:
            _, kleinste = min(zichtbaar, key=lambda item: item[0])
            uit[kleinste] = None
    return uit


def weergave(waarde: int | None) -> str:
    """The text for a table cell; numbers without locale, since CSV and SVG read them too."""
    return VERBORGEN_TEKST if waarde is None else str(waarde)
