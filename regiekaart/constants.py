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
NIVEAU_CRITERIA = (
    Criterium.DRAAGKRACHT,
    Criterium.ZELFREDZAAMHEID,
    Criterium.BASISZORG,
    Criterium.ONVEILIGHEID,
    Criterium.KETENOVERSTIJGEND,
    Criterium.ESCALATIE,
)


class Kleur(models.TextChoices):
    """002 ch. 5 "C. Op- en afschalen": niveau 1 (groen) .. niveau 4 en 5 (rood en donkerrood)."""

    GROEN = "groen", _("Groen")
    GEEL = "geel", _("Geel")
    ORANJE = "oranje", _("Oranje")
    ROOD = "rood", _("Rood")
    DONKERROOD = "donkerrood", _("Donkerrood")


# A traject that was never assessed is on level 2 (geel). 002 ch. 5, Niveau 2: "Regie is
# casus- en procesregie" and "1Gezin1Plan wordt ingezet waarbij minimaal het Plan van Aanpak
# wordt gebruikt"; level 1 has "geen procesregisseur" and uses a plan only preventively
# ("indien gewenst"). Every traject in Regie starts 1G1P1R with a procesregisseur (fase 2),
# so it starts where that happens: level 2. The regisseur assesses and moves it from there.
START_NIVEAU = 2

# Levels at which the seed asks for a Veiligheidsplan ("Plan van Aanpak en Veilig Verder
# Plan", A. Uitgangssituatie of levels 3-5).
VEILIGHEIDSPLAN_NIVEAUS = frozenset({3, 4, 5})

# At level 4 procesregie is done by the Zorg- en Veiligheidshuis (B. Regie, Niveau 4).
ZVH_NIVEAU = 4


class Richting(models.TextChoices):
    """What a decision did to the level."""

    OPSCHALEN = "op", _("Opgeschaald")
    AFSCHALEN = "af", _("Afgeschaald")
    GELIJK = "gelijk", _("Niveau gehandhaafd")


class KaartRol(models.TextChoices):
    """The people the per-level sections name as operationeel or bestuurlijk verantwoordelijk
    (002 ch. 5, B. Regie, "Operationeel verantwoordelijk" / "Bestuurlijk verantwoordelijk")."""

    MANAGER = "manager", _("Manager van de professional")
    WETHOUDER = "wethouder", _("Wethouder")
    BURGEMEESTER = "burgemeester", _("Burgemeester")
    KETENMANAGER_ZVH = "ketenmanager_zvh", _("Ketenmanager Zorg- en Veiligheidshuis")
    AMBTENAAR_IVZ = "ambtenaar_ivz", _("Ambtenaar Integrale Veiligheid (IVZ)")


# Who is responsible on each level, as the per-level sections say (the fields of Niveau
# follow those sections): the manager operationally everywhere; the wethouder bestuurlijk at
# 2-4 (level 1: "Er is geen bestuurlijke verantwoordelijk"); at level 4 B&W together and
# the ketenmanager of the Zorg- en Veiligheidshuis for process and cooperation; at level 5
# the ambtenaar IVZ operationally and the burgemeester bestuurlijk.
ROLLEN_PER_NIVEAU: dict[int, tuple[str, ...]] = {
    1: (KaartRol.MANAGER,),
    2: (KaartRol.MANAGER, KaartRol.WETHOUDER),
    3: (KaartRol.MANAGER, KaartRol.WETHOUDER),
    4: (KaartRol.MANAGER, KaartRol.KETENMANAGER_ZVH, KaartRol.WETHOUDER, KaartRol.BURGEMEESTER),
    5: (KaartRol.MANAGER, KaartRol.AMBTENAAR_IVZ, KaartRol.BURGEMEESTER),
}


class ControleActie(models.TextChoices):
    """What the traject's regiekaart offers next to a check that is not met
    (`selectors.controles`); the label is the link's text."""

    VEILIGHEIDSPLAN = "veiligheidsplan", _("Veiligheidsplan opstellen")
    ZVH_OVERDRACHT = "zvh_overdracht", _("Overdracht voorstellen")
