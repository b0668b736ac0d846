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

Rules 2 and 3 generalised (`tabel`, issue #14's figures): cells tied by sums (a year, its
quarters and months in `kalender`; a series and its total; a whole, its part and the rest)
are suppressed together, so that no sum keeps exactly one hidden cell.

Hidden values are `None`; templates print them as "<5" (see `weergave`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
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


def tabel(
    waarden: Mapping[K, int],
    sommen: Sequence[tuple[K, Sequence[K]]] = (),
    *,
    geheel: Mapping[K, int] | None = None,
    verborgen: Iterable[K] = (),
) -> dict[K, int | None]:
    """Rules 1-3 for a table whose cells are tied by sums (`(total, parts)`: total = sum of
    parts), such as months, quarters and a year, or levels and their total.

    Rule 1 hides small cells, rule 3 the cells whose `geheel` (the same cell of the wider
    scope) minus the cell is small; `verborgen` are cells that another table already hid
    (a period total hidden in the calendar stays hidden beside its levels). Then, until
    nothing changes, every sum with exactly one hidden cell hides one more: the smallest
    visible non-zero part, or else the total. With two or more hidden cells per sum no
    subtraction of shown figures yields a hidden one.
    """
    weg = {k for k, v in waarden.items() if klein(v)}
    if geheel is not None:
        weg |= {k for k, v in waarden.items() if k in geheel and klein(geheel[k] - v)}
    weg |= {k for k in verborgen if k in waarden}
    veranderd = True
    while veranderd:
        veranderd = False
        for totaal, delen in sommen:
            if sum(1 for k in (totaal, *delen) if k in weg) != 1:
                continue
            kandidaten = [k for k in delen if k not in weg and waarden[k] > 0]
            if not kandidaten and totaal not in weg and waarden[totaal] > 0:
                kandidaten = [totaal]
            if kandidaten:
                weg.add(min(kandidaten, key=lambda k: (waarden[k], str(k))))
                veranderd = True
    return {k: (None if k in weg else v) for k, v in waarden.items()}


# A calendar year as one table: the year is the sum of its quarters, a quarter of its months.
# Every figure counted per period is published from this one table, so the year, a quarter
# and a month page never show a set of numbers that subtract to a hidden month.
JAAR = ("jaar", 0)


def kwartaal(maand: int) -> int:
    return (maand - 1) // 3 + 1


KALENDER_SOMMEN: tuple[tuple[tuple[str, int], tuple[tuple[str, int], ...]], ...] = (
    (JAAR, tuple(("kwartaal", q) for q in range(1, 5))),
    *(
        (("kwartaal", q), tuple(("maand", m) for m in range(3 * q - 2, 3 * q + 1)))
        for q in range(1, 5)
    ),
)


def kalender_cellen(per_maand: Mapping[int, int]) -> dict[tuple[str, int], int]:
    """The cells of a year's table from counts per month (1-12; missing months are 0)."""
    maanden = {("maand", m): per_maand.get(m, 0) for m in range(1, 13)}
    kwartalen = {
        ("kwartaal", q): sum(per_maand.get(m, 0) for m in range(3 * q - 2, 3 * q + 1))
        for q in range(1, 5)
    }
    return {**maanden, **kwartalen, JAAR: sum(maanden.values())}


def kalender(
    per_maand: Mapping[int, int], *, geheel: Mapping[int, int] | None = None
) -> dict[tuple[str, int], int | None]:
    """A year's counts per month as a suppressed table of months, quarters and the year;
    `geheel`: the wider scope's counts per month (rule 3 per cell)."""
    return tabel(
        kalender_cellen(per_maand),
        KALENDER_SOMMEN,
        geheel=None if geheel is None else kalender_cellen(geheel),
    )
