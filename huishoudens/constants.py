"""Choices of the huishoudens app (households, trajecten and phases).

The phases follow seed 002 DEEL A and seed 004 ("Zes fasen"); 6a (handing over) is an
event in any open phase, not a phase of its own (see huishoudens.models.Overdracht).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Fase(models.TextChoices):
    AANMELDING = "1", _("1. Aanmelding")
    INTAKE = "2", _("2. Intake (vraagverheldering)")
    STARTOVERLEG_VOORBEREIDEN = "3a", _("3a. Startoverleg voorbereiden")
    STARTOVERLEG_UITVOEREN = "3b", _("3b. Startoverleg uitvoeren")
    VOORTGANG = "4", _("4. Voortgang")
    VOORTGANGSOVERLEG_VOORBEREIDEN = "5a", _("5a. Voortgangsoverleg voorbereiden")
    VOORTGANGSOVERLEG_UITVOEREN = "5b", _("5b. Voortgangsoverleg uitvoeren")
    AFSLUITEN = "6b", _("6b. Afsluiten en nazorg huishouden")
    GESLOTEN = "gesloten", _("Gesloten")


# The phases whose action lists the seed gives; 6a is the handover event.
ACTIE_FASEN = [*(f.value for f in Fase if f != Fase.GESLOTEN), "6a"]

# Phases that repeat: 5b goes back to 4 for another round (002 fase 5b step 15), so their
# ticks count per round (`Traject.ronde`), not per traject (issue #12).
RONDE_FASEN = ("4", "5a", "5b")


class TrajectRol(models.TextChoices):
    PROCESREGISSEUR = "procesregisseur", _("Procesregisseur")
    CASUSREGISSEUR = "casusregisseur", _("Casusregisseur")


class Leefgebied(models.TextChoices):
    """DOMEIN.md "Leefgebieden" (002 ch. 3)."""

    WERK = "werk", _("Werk")
    INKOMEN = "inkomen", _("Inkomen en financiën")
    MAATSCHAPPELIJKE_ONDERSTEUNING = "mo", _("Maatschappelijke ondersteuning")
    WONEN = "wonen", _("Wonen")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    JEUGDHULP = "jeugdhulp", _("(Jeugd)hulp")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    GEZONDHEID = "gezondheid", _("(Geestelijke) gezondheidszorg")


class Geslacht(models.TextChoices):
    VROUW = "v", _("Vrouw")
    MAN = "m", _("Man")
    ANDERS = "x", _("Anders / wil niet zeggen")


class RolInGezin(models.TextChoices):
    OUDER = "ouder", _("Ouder")
    PARTNER = "partner", _("Partner")
    KIND = "kind", _("Kind")
    PLEEGKIND = "pleegkind", _("Pleegkind")
    GROOTOUDER = "grootouder", _("Grootouder")
    HUISGENOOT = "huisgenoot", _("Huisgenoot")


class Gezag(models.TextChoices):
    """Parental authority over a minor (002 ch. 7 "Gezag")."""

    BEIDE_OUDERS = "beide_ouders", _("Beide ouders")
    MOEDER = "moeder", _("Moeder")
    VADER = "vader", _("Vader")
    VOOGD = "voogd", _("Voogd (persoon)")
    GECERTIFICEERDE_INSTELLING = "gi", _("Gecertificeerde instelling (voogdij)")


class Vertegenwoordiging(models.TextChoices):
    """Legal representation of an adult (002 ch. 7): decides whose consent is needed
    (see `huishoudens.consent`; mentorschap changes no consent, the mentor is involved)."""

    GEEN = "", _("Geen")
    CURATELE = "curatele", _("Curatele")
    BEWIND = "bewind", _("Beschermingsbewind")
    MENTORSCHAP = "mentorschap", _("Mentorschap")


class Steun(models.TextChoices):
    PRAKTISCH = "praktisch", _("Praktisch")
    EMOTIONEEL = "emotioneel", _("Emotioneel")
    FINANCIEEL = "financieel", _("Financieel")
    MEEDENKEN = "meedenken", _("Meedenken")


class ToestemmingStatus(models.TextChoices):
    GEGEVEN = "gegeven", _("Gegeven")
    GEWEIGERD = "geweigerd", _("Geweigerd")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class Toestemmer(models.TextChoices):
    """Who gives consent for a member (002 ch. 7, "Toestemming informatie delen")."""

    BETROKKENE = "betrokkene", _("De persoon zelf")
    GEZAGHEBBENDE = "gezaghebbende", _("Ouder met gezag / wettelijk vertegenwoordiger")
    # With "Beide ouders" each parent consents separately (002 ch. 7): the second one's rows.
    GEZAGHEBBENDE_2 = "gezaghebbende_2", _("Tweede ouder met gezag")
    CURATOR = "curator", _("Curator")
    BEWINDVOERDER = "bewindvoerder", _("Bewindvoerder (alleen voor de financiën onder bewind)")


class FaseActieStatus(models.TextChoices):
    GEDAAN = "gedaan", _("Gedaan")
    OVERGESLAGEN = "overgeslagen", _("Overgeslagen")


class OverdrachtStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("Wacht op acceptatie")
    GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
    GEWEIGERD = "geweigerd", _("Geweigerd")


class AfsluitingSoort(models.TextChoices):
    """Why a regisseur's involvement ended without a successor (002 fase 6a)."""

    EIGEN = "eigen", _("Eigen betrokkenheid afgesloten")
    NIVEAU_1 = "niveau_1", _("Procesregie afgerond (regiekaart niveau 1)")
