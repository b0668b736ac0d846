"""Fixed calendar periods for the monitoring figures (issue #14): a month, a quarter or a
year, never a free range, so two ranges cannot be subtracted to isolate a few days. The
figures read every count per period from one table per calendar year
(`implementatie.onderdrukking.kalender`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from implementatie import onderdrukking as o

MAANDEN = [
    gettext_lazy("januari"),
    gettext_lazy("februari"),
    gettext_lazy("maart"),
    gettext_lazy("april"),
    gettext_lazy("mei"),
    gettext_lazy("juni"),
    gettext_lazy("juli"),
    gettext_lazy("augustus"),
    gettext_lazy("september"),
    gettext_lazy("oktober"),
    gettext_lazy("november"),
    gettext_lazy("december"),
]


@dataclass(frozen=True)
class Periode:
    """A fixed calendar period: `soort` "jaar", "kwartaal" or "maand", with its number."""

    soort: str
    jaar: int
    nummer: int = 0

    @property
    def maanden(self) -> list[int]:
        if self.soort == "maand":
            return [self.nummer]
        if self.soort == "kwartaal":
            return list(range(3 * self.nummer - 2, 3 * self.nummer + 1))
        return list(range(1, 13))

    @property
    def begin(self) -> datetime.date:
        return datetime.date(self.jaar, self.maanden[0], 1)

    @property
    def eind(self) -> datetime.date:
        """The first day after the period."""
        last = self.maanden[-1]
        return datetime.date(self.jaar + last // 12, last % 12 + 1, 1)

    @property
    def cel(self) -> tuple[str, int]:
        """The period's cell in its year's table (`onderdrukking.kalender`)."""
        return o.JAAR if self.soort == "jaar" else (self.soort, self.nummer)

    @property
    def sleutel(self) -> str:
        if self.soort == "maand":
            return f"{self.jaar}-{self.nummer:02d}"
        if self.soort == "kwartaal":
            return f"{self.jaar}-K{self.nummer}"
        return str(self.jaar)

    @property
    def label(self) -> str:
        if self.soort == "maand":
            return f"{MAANDEN[self.nummer - 1]} {self.jaar}"
        if self.soort == "kwartaal":
            return _("kwartaal %(nummer)s %(jaar)s") % {"nummer": self.nummer, "jaar": self.jaar}
        return str(self.jaar)

    @classmethod
    def van_sleutel(cls, tekst: str, *, vandaag: datetime.date | None = None) -> Periode | None:
        """The period named "2026", "2026-K2" or "2026-03", if it has begun; else None."""
        vandaag = vandaag or timezone.localdate()
        try:
            if len(tekst) == 4:
                periode = cls("jaar", int(tekst))
            elif len(tekst) == 7 and tekst[5] == "K":
                periode = cls("kwartaal", int(tekst[:4]), int(tekst[6]))
            elif len(tekst) == 7 and tekst[4] == "-":
                periode = cls("maand", int(tekst[:4]), int(tekst[5:]))
            else:
                return None
        except ValueError:
            return None
        if periode.soort == "kwartaal" and not 1 <= periode.nummer <= 4:
            return None
        if periode.soort == "maand" and not 1 <= periode.nummer <= 12:
            return None
        if periode.jaar < 2000 or periode.begin > vandaag:
            return None
        return periode


def huidig_jaar(vandaag: datetime.date | None = None) -> Periode:
    return Periode("jaar", (vandaag or timezone.localdate()).year)


def periode_keuzes(vandaag: datetime.date | None = None, jaren: int = 3):
    """(year label, [Periode, ...]) for this year and the ones before, newest first: the
    year, its quarters and its months that have begun."""
    vandaag = vandaag or timezone.localdate()
    keuzes = []
    for jaar in range(vandaag.year, vandaag.year - jaren, -1):
        perioden = [Periode("jaar", jaar)]
        perioden += [Periode("kwartaal", jaar, q) for q in range(1, 5)]
        perioden += [Periode("maand", jaar, m) for m in range(1, 13)]
        keuzes.append((str(jaar), [p for p in perioden if p.begin <= vandaag]))
    return keuzes
