"""What is recorded per step (seed 002 ch. 7, "Welke informatie leg je vast?").

Every save of a step is a new row: steps may be revisited, and what was recorded earlier
stays readable (the latest row of a step is its current state). "Degene die de stappen van
de Meldcode zet, is zelf verantwoordelijk voor het vastleggen van deze stappen."
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldcode.constants import Check, Instrument

from .dossier import Dossier


class StapRegel(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="%(class)s_set")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-vastgelegd_op", "-id"]

    @property
    def afscherm_sleutel(self) -> str:
        """How an Afscherming names this row."""
        return f"{self._meta.model_name}:{self.pk}"


class Signalen(StapRegel):
    """Stap 0: which forms of huiselijk geweld the signals may point to."""

    vormen = models.JSONField(_("vormen"), default=list)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta(StapRegel.Meta):
        verbose_name = _("stap 0: signalen")
        verbose_name_plural = _("stap 0: signalen")


class InKaart(StapRegel):
    """Stap 1: "de feitelijke signalen waardoor het vermoeden van huiselijk geweld ontstaat"."""

    feiten = models.TextField(_("feitelijke signalen (gezien, gehoord, geroken), met bron"))
    nog_nodig = models.TextField(_("welke informatie is nog nodig"), blank=True)
    betrekken = models.TextField(
        _("wie moeten er betrokken worden (let op gezaghebbende ouder)"), blank=True
    )
    check_soort = models.CharField(
        _("kindcheck of mantelzorgcheck"), max_length=16, choices=Check.choices, default=Check.NVT
    )
    check_uitkomst = models.TextField(_("uitkomst van de check"), blank=True)
    instrument = models.CharField(
        _("risicotaxatie-instrument"), max_length=8, choices=Instrument.choices, blank=True
    )
    instrument_uitkomst = models.TextField(_("uitkomst van de taxatie"), blank=True)

    class Meta(StapRegel.Meta):
        verbose_name = _("stap 1: signalen in kaart")
        verbose_name_plural = _("stap 1: signalen in kaart")


class Consultatie(StapRegel):
    """Stap 2: "wie er om advies is of zijn gevraagd; hoe het advies luidt; waarom er
    eventueel is afgeweken van de adviezen". Advice may always be asked anonymously."""

    op = models.DateField(_("datum"))
    wie = models.CharField(_("wie is geraadpleegd"), max_length=200)
    rol = models.CharField(_("rol of deskundigheid"), max_length=200)
    anoniem = models.BooleanField(_("anoniem (zonder persoonsgegevens)"), default=True)
    advies = models.TextField(_("advies"))
    advies_gevolgd = models.BooleanField(_("advies gevolgd"), default=True)
    afwijking = models.TextField(_("waarom is van het advies afgeweken"), blank=True)

    class Meta(StapRegel.Meta):
        verbose_name = _("stap 2: consultatie")
        verbose_name_plural = _("stap 2: consultaties")


class Gesprek(StapRegel):
    """Stap 3: the conversation with the household, or why there was none."""

    gevoerd = models.BooleanField(_("gesprek gevoerd"), default=True)
    op = models.DateField(_("datum"), null=True, blank=True)
    met_wie = models.TextField(_("met wie is het gesprek gevoerd"), blank=True)
    reactie = models.TextField(
        _("reactie van de klant en/of ouders / wettelijk vertegenwoordiger"), blank=True
    )
    afspraken = models.TextField(_("afspraken over het vervolg"), blank=True)
    melding_aangekondigd = models.BooleanField(_("melding aangekondigd"), default=False)
    reactie_op_melding = models.TextField(_("reactie op de aangekondigde melding"), blank=True)
    geen_gesprek_reden = models.TextField(_("reden om geen gesprek te voeren"), blank=True)

    class Meta(StapRegel.Meta):
        verbose_name = _("stap 3: gesprek")
        verbose_name_plural = _("stap 3: gesprekken")


class Weging(StapRegel):
    """Stap 4 en 5: one walk through the afwegingskader, dated; a dossier holds many
    ("... de afwegingsvragen steeds opnieuw te doorlopen totdat er duurzame veiligheid is").
    The decision fields are what meldcode.afwegingskader.beslis said for `antwoorden`."""

    op = models.DateField(_("datum"))
    # {"1": true, "2": false, ...}; JSON keys are strings, beslis takes ints.
    antwoorden = models.JSONField(_("antwoorden"), default=dict)
    samen_met_veilig_thuis = models.JSONField(
        _("samen met Veilig Thuis beantwoord"), default=list, blank=True
    )
    overwegingen = models.TextField(_("de weging"))
    melden = models.BooleanField(default=False)
    hulp = models.BooleanField(default=False)
    afsluiten = models.BooleanField(default=False)
    afspraken = models.TextField(_("afspraken over melden en hulp"), blank=True)

    class Meta(StapRegel.Meta):
        verbose_name = _("stap 4-5: weging")
        verbose_name_plural = _("stap 4-5: wegingen")


class VtMelding(StapRegel):
    """A melding bij Veilig Thuis, made by the one who saw the signals (002 ch. 2). No
    consent is needed (meldrecht, Wmo 2015 art. 5.2.6)."""

    op = models.DateField(_("datum van de melding"))
    inhoud = models.TextField(_("wat is gemeld"))
    referentie = models.CharField(_("kenmerk Veilig Thuis"), max_length=60, blank=True)
    terugkoppeling_op = models.DateField(_("terugkoppeling ontvangen op"), null=True, blank=True)
    terugkoppeling = models.TextField(_("terugkoppeling"), blank=True)

    class Meta(StapRegel.Meta):
        verbose_name = _("melding bij Veilig Thuis")
        verbose_name_plural = _("meldingen bij Veilig Thuis")
