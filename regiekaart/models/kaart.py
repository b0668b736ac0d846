"""The regional card as adopted, and the people it names (seed 002 ch. 5 "Regiekaart";
ch. 10 Implementatieplan, E. Bevoegdheden: "Stel de regiekaart vast").

* `Vaststelling`: a beheerder records that the region adopted the card ("beleidsmatig
  vaststellen", footnote 19), with the date and the decision. One row per adoption, never
  edited; the latest per region is the one in force. The levels' texts themselves are the
  `Niveau` rows (one card per installation, as the seed has one card for the region).
* `KaartInvulling`: a municipality or an organisation fills in the people the card names
  per level (`constants.KaartRol`): manager, wethouder, burgemeester, ketenmanager of the
  Zorg- en Veiligheidshuis, ambtenaar IVZ. Several per role are allowed (002: "Sommige
  gemeenten hebben een wethouder Jeugd en een wethouder WMO").
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regie.models import Gemeente, Organisatie, Regio
from regiekaart.constants import KaartRol


class Vaststelling(models.Model):
    regio = models.ForeignKey(
        Regio, on_delete=models.PROTECT, related_name="+", verbose_name=_("regio")
    )
    vastgesteld_op = models.DateField(_("vastgesteld op"))
    besluit = models.CharField(
        _("besluit"),
        max_length=300,
        help_text=_("Bijvoorbeeld: regionaal managementoverleg, besluit nr. 2026-14."),
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vaststelling van de regiekaart")
        verbose_name_plural = _("vaststellingen van de regiekaart")
        ordering = ["-vastgesteld_op", "-id"]

    def __str__(self) -> str:
        return f"{self.regio} {self.vastgesteld_op:%d-%m-%Y}"


class KaartInvulling(models.Model):
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    rol = models.CharField(_("rol op de regiekaart"), max_length=20, choices=KaartRol.choices)
    naam = models.CharField(_("naam"), max_length=150)
    toelichting = models.CharField(
        _("functie of portefeuille"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: wethouder Jeugd, teammanager Sociaal Team Oost."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Telefoonnummer of e-mailadres voor professionals."),
    )
    bijgewerkt_op = models.DateTimeField(auto_now=True)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("naam op de regiekaart")
        verbose_name_plural = _("namen op de regiekaart")
        ordering = ["rol", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(gemeente__isnull=False, organisatie__isnull=True)
                    | Q(gemeente__isnull=True, organisatie__isnull=False)
                ),
                name="kaartinvulling_gemeente_of_organisatie",
                violation_error_message=_(
                    "Vul een gemeente óf een organisatie in, niet allebei en niet geen van beide."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_rol_display()}: {self.naam}"

    @property
    def van(self):
        """The municipality or organisation this person is named for."""
        return self.gemeente or self.organisatie
