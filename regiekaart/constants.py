"""Choices of the regiekaart (seed 002 ch. 5 "Regiekaart").

`Criterium` holds the situations the per-level tables "Opschalen wordt vanuit niveau N als
volgt ingezet" name, in the seed's wording (002 ch. 5, Uitwerking per niveau, C. Op- en
afschalen; the same seven situations are listed under "C. Op- en afschalen" before the
levels). D..E are the cumulative conditions of the levels; P, VO and VI are the three
stagnation signals. The codes are the ones issue #6 and DOMEIN.md use.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Criterium(models.TextChoices):
    DRAAGKRACHT = "D", _("De draagkracht is uit balans")
    ZELFREDZAAMHEID = "Z", _("De zelfredzaamheid is beperkt of afwezig")
    BASISZORG = "B", _("De basiszorg is ontoereikend. Er is meer of andere hulp nodig")
    ONVEILIGHEID = "O", _("Er zijn signalen van onveiligheid of er is een onveilige situatie")
    KETENOVERSTIJGEND = (
        "K",
        _("De samenwerking moet keten overstijgend om de veiligheid te herstellen"),
    )
    ESCALATIE = "E", _("Er dreigt totale escalatie en/of maatschappelijke onrust")
    PROBLEMATIEK = (
        "P",
        _(
            "De problematiek van de klant en/of leden van het huishouden stagneren de "
            "communicatie, uitvoering of monitoring van 1Gezin1Plan. Er is een regisseur nodig "
            "die gespecialiseerd is in de problematiek en/of samenwerking."
        ),
    )
    VISIE_ORGANISATIE = (
        "VO",
        _(
            "De samenwerking tussen professionals stagneert vanwege visieverschil op organisatie "
            "van 1Gezin1Plan, zoals taakopvatting, ureninzet e.d."
        ),
    )
    VISIE_INHOUD = (
        "VI",
        _(
            "De samenwerking tussen professionals stagneert vanwege visieverschil op de "
            "inhoudelijke uitvoering van 1Gezin1Plan zoals visie op doelen, acties, bodemeisen, "
            "veiligheidsafspraken e.d."
        ),
    )


# The six conditions that place a household on a level, in the order the levels add them.
NIVEAU_CRITERIA = ("D", "Z", "B", "O", "K", "E")


class Kleur(models.TextChoices):
    """002 ch. 5 "C. Op- en afschalen": niveau 1 (groen) .. niveau 4 en 5 (rood en donkerrood)."""

    GROEN = "groen", _("Groen")
    GEEL = "geel", _("Geel")
    ORANJE = "oranje", _("Oranje")
    ROOD = "rood", _("Rood")
    DONKERROOD = "donkerrood", _("Donkerrood")
