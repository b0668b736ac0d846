"""The afwegingskader of the meldcode: five questions that decide on melden and hulp.

Source: seed 002 ch. 2, "Aanvullende acties bij onveiligheid", Stap 4 en 5 (lines 808-821
of 002_889a1700faf57179.txt), quoted in ../shared/MELDCODE.md:

1. Heb ik een vermoeden van / is er sprake van huiselijk geweld?
   Nee: sluit af en leg vast in dossier. Ja: afweging 2.
2. Heb ik een vermoeden van / is er sprake van acuut en/of structurele onveiligheid?
   Nee: afweging 3. Ja: meld bij Veilig Thuis.
   "De afwegingen 3 tot en met 5 worden samen met Veilig Thuis doorlopen."
3. Ben ik in staat effectieve hulp te bieden of organiseren?
   Nee: meld bij Veilig Thuis. Ja: afweging 4.
4. Werken betrokkenen mee aan de geboden of georganiseerde hulp?
   Nee: meld bij Veilig Thuis. Ja: bied of organiseer hulp, afweging 5.
5. Leidt deze hulp tot duurzame veiligheid?
   Nee: meld (opnieuw) bij Veilig Thuis. Ja: vervolg hulp met afspraken over het volgen van
   toekomstige (on)veiligheid met betrokkenen.

Step 6 of the seed makes two independent decisions, "Is melden noodzakelijk?" and "Is
hulpverlening (ook) mogelijk?": both can be yes. After "ja" at 2 the seed still walks 3-5
(together with Veilig Thuis) to decide on help, so a melding at 2 does not end the path.
A "nee" at 3 or 4 ends it with a melding; 5 ends it either way. Once `melden` is true it
stays true on that path (a later answer never withdraws a melding).

`beslis` is pure: it takes the answers given so far and says what follows. Each weighing
is recorded as a dated row by the dossier (meldcode/models); "Als zorgen blijven" the
questions are walked again, as a new weighing.
"""

from __future__ import annotations

from dataclasses import dataclass

VRAGEN = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Besluit:
    volgende_vraag: int | None  # None when the path is complete
    melden: bool = False
    hulp: bool = False
    afsluiten: bool = False

    @property
    def compleet(self) -> bool:
        return self.volgende_vraag is None


def beslis(antwoorden: dict[int, bool]) -> Besluit:
    """The decision for the answers given so far (question number -> answer).

    Raises ValueError for a question number outside 1-5, an answer that is not a bool, a gap
    before an answered question, or an answer to a question the path does not reach.
    """
    _check_shape(antwoorden)
    melden = hulp = False
    vraag: int | None = 1
    while vraag is not None and vraag in antwoorden:
        ja = antwoorden[vraag]
        if vraag == 1:
            if not ja:
                return _einde(antwoorden, vraag, Besluit(None, afsluiten=True))
            vraag = 2
        elif vraag == 2:
            melden = melden or ja
            vraag = 3
        elif vraag == 3:
            if not ja:
                return _einde(antwoorden, vraag, Besluit(None, melden=True))
            vraag = 4
        elif vraag == 4:
            if not ja:
                return _einde(antwoorden, vraag, Besluit(None, melden=True))
            hulp = True
            vraag = 5
        else:  # 5: with hulp under way, lasting safety or not
            return _einde(antwoorden, vraag, Besluit(None, melden=melden or not ja, hulp=hulp))
    if any(v > vraag for v in antwoorden):
        raise ValueError(f"Vraag {vraag} is nog niet beantwoord, maar een latere wel.")
    return Besluit(vraag, melden=melden, hulp=hulp)


def _check_shape(antwoorden: dict[int, bool]) -> None:
    for vraag, antwoord in antwoorden.items():
        if isinstance(vraag, bool) or vraag not in VRAGEN:
            raise ValueError(f"Onbekende vraag: {vraag!r}.")
        if not isinstance(antwoord, bool):
            raise ValueError(f"Het antwoord op vraag {vraag} is geen ja of nee: {antwoord!r}.")


def _einde(antwoorden: dict[int, bool], laatste: int, besluit: Besluit) -> Besluit:
    """The path ends at `laatste`: an answer to any later question was never asked."""
    if any(v > laatste for v in antwoorden):
        raise ValueError(
            f"Na vraag {laatste} eindigt de afweging; latere antwoorden horen er niet bij."
        )
    return besluit
