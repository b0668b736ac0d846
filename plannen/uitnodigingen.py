"""Invitations of a meeting from the DEEL G templates (seed 002): the organisation's own
template when it has one, otherwise the Richtlijn's; u or jij as the household prefers.
This increment renders them (preview); sending with calendar files follows in #5."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import formats

from plannen.models import Overleg, OverlegSoort, UitnodigingSjabloon


@dataclass
class Uitnodiging:
    aan: str
    onderwerp: str
    kopgegevens: list[tuple[str, str]]
    aanhef: str
    alinea_voor: list[str]
    agenda_intro: str
    agenda: list[str]
    alinea_na: list[str]
    groet: str
    afzender: list[str]


def sjabloon_voor(overleg: Overleg) -> UitnodigingSjabloon:
    soort = "start" if overleg.soort == OverlegSoort.STARTOVERLEG else "voortgang"
    vorm = overleg.traject.huishouden.aanspreekvorm
    organisatie = overleg.aangemaakt_door.organisatie_id
    kandidaten = UitnodigingSjabloon.objects.filter(soort=soort, vorm=vorm).filter(
        Q(organisatie_id=organisatie) | Q(organisatie__isnull=True)
    )
    # The organisation's own version wins over the Richtlijn's (which has no organisation).
    return (
        kandidaten.order_by("organisatie_id").first()
        if organisatie is None
        else (
            kandidaten.filter(organisatie_id=organisatie).first()
            or kandidaten.filter(organisatie__isnull=True).first()
        )
    )


def uitnodigingen(overleg: Overleg) -> list[Uitnodiging]:
    """One invitation per invitee, filled with klant(en), kinderen, genodigden and the time."""
    sjabloon = sjabloon_voor(overleg)
    leden = list(overleg.traject.huishouden.leden.all())
    genodigden = list(overleg.genodigden.all())
    datum = formats.date_format(overleg.datum, "l j F Y")
    tijd = f"{overleg.begin:%H:%M} – {overleg.eind:%H:%M} uur"
    kop = [
        ("Klant(en)", ", ".join(str(lid) for lid in leden if not lid.minderjarig) or "—"),
        ("Kinderen", ", ".join(str(lid) for lid in leden if lid.minderjarig) or "—"),
        ("Genodigden", ", ".join(g.naam for g in genodigden)),
        ("Datum", datum),
        ("Tijd", tijd),
        ("Locatie", overleg.locatie or overleg.online_link),
    ]
    zin = sjabloon.uitnodiging.format(
        datum=datum, begin=f"{overleg.begin:%H:%M}", eind=f"{overleg.eind:%H:%M}"
    )
    afzender = overleg.voorzitter or overleg.aangemaakt_door
    return [
        Uitnodiging(
            aan=g.naam,
            onderwerp=sjabloon.onderwerp,
            kopgegevens=kop,
            aanhef=f"Beste {g.naam},",
            alinea_voor=[zin, sjabloon.doel],
            agenda_intro=sjabloon.agenda_intro,
            agenda=list(sjabloon.agenda),
            alinea_na=[sjabloon.slot, sjabloon.afsluiting],
            groet=sjabloon.groet,
            afzender=[afzender.get_full_name(), str(afzender.organisatie or "")],
        )
        for g in genodigden
    ]
