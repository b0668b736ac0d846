"""Reads of invitations: the invitation text per invitee from the DEEL G templates (seed
002), the organisation's own template when it has one, otherwise the Richtlijn's. Members of
the household and its network are addressed as the household prefers (u or jij), in every
part of every message: text, HTML, calendar description and reply page (`vorm_voor`). A
professional gets the professional's text, Regie's adaptation of the u-vorm (issue #12,
see plannen/README.md). The placeholders a template text may hold are checked and filled
here too."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _

from plannen.models import (
    Aanspreekvorm,
    Genodigde,
    GenodigdeSoort,
    Overleg,
    OverlegSoort,
    SjabloonSoort,
    UitnodigingSjabloon,
)
from regie.outbox import absolute_url


@dataclass
class Uitnodiging:
    genodigde: Genodigde
    onderwerp: str
    kopgegevens: list[tuple[str, str]]
    aanhef: str
    alinea_voor: list[str]
    agenda_intro: str
    agenda: list[str]
    alinea_na: list[str]
    groet: str
    afzender: list[str]
    antwoord_url: str = field(default="")
    vorm: str = "u"

    @property
    def aan(self) -> str:
        return self.genodigde.naam

    @property
    def jij(self) -> bool:
        return self.vorm == Aanspreekvorm.JIJ

    @property
    def antwoord_zin(self) -> str:
        """The line above the personal reply link, in the invitee's form of address."""
        if self.jij:
            return _("Laat via deze persoonlijke link weten of je komt:")
        return _("Laat via deze persoonlijke link weten of u komt:")


def vorm_voor(genodigde: Genodigde, huishouden=None) -> str:
    """The text an invitee gets: the professional's text for a professional, otherwise the
    household's choice of u or jij."""
    if genodigde.soort == GenodigdeSoort.PROFESSIONAL:
        return Aanspreekvorm.PROFESSIONAL
    huishouden = huishouden or genodigde.overleg.traject.huishouden
    return huishouden.aanspreekvorm


def aanspreekvorm_voor(genodigde: Genodigde) -> str:
    """u or jij for this invitee (a professional is addressed with u)."""
    return Aanspreekvorm.JIJ if vorm_voor(genodigde) == Aanspreekvorm.JIJ else Aanspreekvorm.U


# The placeholders an invitation text may hold, bare only; `{{` and `}}` are literal braces.
INVULVELDEN = ("datum", "begin", "eind")
_INVULVELD = re.compile(r"\{\{|\}\}|\{(" + "|".join(INVULVELDEN) + r")\}")


def invulvelden_geldig(tekst: str) -> bool:
    """True when every brace in `tekst` is a bare placeholder or a doubled brace: no format
    spec, conversion, attribute, index or unknown name (issue #11)."""
    rest = _INVULVELD.sub("", tekst)
    return "{" not in rest and "}" not in rest


def invullen(tekst: str, **waarden: str) -> str:
    """Fill in the bare placeholders. Not str.format: a text that slipped past the check
    (`{datum:>5000000}`, `{datum:{eind}}`) stays as typed instead of breaking the invitation."""

    def vervang(match: re.Match) -> str:
        naam = match.group(1)
        return waarden[naam] if naam else match.group(0)[0]

    return _INVULVELD.sub(vervang, tekst)


def sjabloon_voor(overleg: Overleg, vorm: str | None = None) -> UitnodigingSjabloon:
    soort = (
        SjabloonSoort.STARTOVERLEG
        if overleg.soort == OverlegSoort.STARTOVERLEG
        else SjabloonSoort.VOORTGANGSOVERLEG
    )
    kandidaten = UitnodigingSjabloon.objects.filter(
        soort=soort, vorm=vorm or overleg.traject.huishouden.aanspreekvorm
    )
    organisatie = overleg.aangemaakt_door.organisatie_id
    # The organisation's own version wins over the Richtlijn's (which has no organisation).
    return (
        kandidaten.filter(organisatie_id=organisatie).first() if organisatie else None
    ) or kandidaten.filter(organisatie__isnull=True).first()


def antwoord_url(genodigde: Genodigde) -> str:
    return absolute_url("plannen:antwoord", token=genodigde.token)


def uitnodigingen(overleg: Overleg, genodigden=None) -> list[Uitnodiging]:
    """One invitation per invitee, filled with klant(en), kinderen, genodigden and the time;
    the text as `vorm_voor` says."""
    huishouden = overleg.traject.huishouden
    sjablonen: dict[str, UitnodigingSjabloon] = {}
    leden = list(huishouden.leden.all())
    alle = list(overleg.genodigden.all())
    datum = formats.date_format(overleg.datum, "l j F Y")
    kop = [
        ("Klant(en)", ", ".join(str(lid) for lid in leden if not lid.minderjarig) or "—"),
        ("Kinderen", ", ".join(str(lid) for lid in leden if lid.minderjarig) or "—"),
        ("Genodigden", ", ".join(g.naam for g in alle)),
        ("Datum", datum),
        ("Tijd", f"{overleg.begin:%H:%M} – {overleg.eind:%H:%M} uur"),
        ("Locatie", overleg.locatie or overleg.online_link),
    ]
    afzender = overleg.voorzitter or overleg.aangemaakt_door
    result = []
    for g in alle if genodigden is None else genodigden:
        vorm = vorm_voor(g, huishouden)
        if vorm not in sjablonen:
            sjablonen[vorm] = sjabloon_voor(overleg, vorm)
        sjabloon = sjablonen[vorm]
        zin = invullen(
            sjabloon.uitnodiging,
            datum=datum,
            begin=f"{overleg.begin:%H:%M}",
            eind=f"{overleg.eind:%H:%M}",
        )
        result.append(
            Uitnodiging(
                genodigde=g,
                onderwerp=sjabloon.onderwerp,
                kopgegevens=kop,
                aanhef=f"Beste {g.naam},",
                alinea_voor=[zin, sjabloon.doel],
                agenda_intro=sjabloon.agenda_intro,
                agenda=list(sjabloon.agenda),
                alinea_na=[sjabloon.slot, sjabloon.afsluiting],
                groet=sjabloon.groet,
                afzender=[afzender.get_full_name(), str(afzender.organisatie or "")],
                antwoord_url=antwoord_url(g),
                vorm=Aanspreekvorm.JIJ if vorm == Aanspreekvorm.JIJ else Aanspreekvorm.U,
            )
        )
    return result
