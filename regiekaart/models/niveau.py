"""The five levels of the regiekaart as editable data (seed 002 ch. 5 "Regiekaart").

Per level the seed gives A. Uitgangssituatie, B. Regie (who does casusregie and procesregie
with which competence profile, whom to deploy and consult, who is operationally and
administratively responsible) and C. Op- en afschalen. The rows are loaded from
`regiekaart/data/niveaus.json` by migration 0002; a beheerder may amend them. The text is the
per-level section ("Uitwerking per niveau"); where the summary table at the start of ch. 5
says something else, `verschillen` says what, and `bron` names the section.

The advice which level fits (opschalen/afschalen) is computed by `regiekaart.rules`, which
needs no database.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from regie.constants import Competentieprofiel
from regiekaart.constants import Kleur

HEX = {"max_length": 7, "help_text": _("Hexadecimale kleur, bijvoorbeeld #1B7A3A.")}


class Niveau(models.Model):
    nummer = models.PositiveSmallIntegerField(
        _("nummer"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    naam = models.CharField(_("naam"), max_length=100)
    omschrijving = models.TextField(_("omschrijving"))
    kleur = models.CharField(_("kleur"), max_length=12, choices=Kleur.choices)
    # Badge colours: tekst_hex on kleur_hex has a WCAG contrast of at least 4.5:1.
    kleur_hex = models.CharField(_("achtergrondkleur badge"), **HEX)
    tekst_hex = models.CharField(_("tekstkleur badge"), **HEX)

    # A. Uitgangssituatie
    draagkracht = models.TextField(_("draagkracht"))
    zelfredzaamheid = models.TextField(_("zelfredzaamheid"))
    zorgen = models.TextField(_("zorgen"))
    hulp = models.TextField(_("hulp"))
    regie = models.TextField(_("regie"))
    plan = models.TextField(_("1Gezin1Plan"), help_text=_("Welk plan minimaal wordt gebruikt."))

    # B. Regie
    regie_toelichting = models.TextField(_("toelichting regie"), blank=True)
    casusregie = models.TextField(_("casusregie"))
    casusregie_profiel = models.CharField(
        _("competentieprofiel casusregisseur"),
        max_length=16,
        choices=Competentieprofiel.choices,
    )
    casusregie_toelichting = models.TextField(_("toelichting casusregie"), blank=True)
    procesregie = models.TextField(_("procesregie"))
    procesregie_profiel = models.CharField(
        _("competentieprofiel procesregisseur"),
        max_length=16,
        choices=Competentieprofiel.choices,
        blank=True,
        help_text=_("Leeg: op dit niveau is er geen procesregisseur."),
    )
    procesregie_toelichting = models.TextField(_("toelichting procesregie"), blank=True)
    inzet_van = models.TextField(_("inzet van"))
    inzet_partijen = models.TextField(_("inzet: partijen"), blank=True)
    in_overleg = models.TextField(_("in overleg"))
    overleg_partijen = models.TextField(_("overleg: partijen"), blank=True)
    operationeel_verantwoordelijk = models.TextField(_("operationeel verantwoordelijk"))
    operationeel_toelichting = models.TextField(_("toelichting operationeel"), blank=True)
    bestuurlijk_verantwoordelijk = models.TextField(_("bestuurlijk verantwoordelijk"))
    bestuurlijk_toelichting = models.TextField(_("toelichting bestuurlijk"), blank=True)

    # C. Op- en afschalen (one rule per line: "situatie → actie")
    opschalen = models.TextField(_("opschalen"))
    afschalen = models.TextField(_("afschalen"))

    bron = models.CharField(_("bron"), max_length=200)
    verschillen = models.TextField(
        _("verschillen in de bron"),
        blank=True,
        help_text=_(
            "Waar de overzichtstabel van de regiekaart iets anders zegt dan de uitwerking "
            "per niveau, of de uitwerking zichzelf tegenspreekt. De velden volgen de "
            "uitwerking per niveau."
        ),
    )

    class Meta:
        verbose_name = _("niveau van de regiekaart")
        verbose_name_plural = _("niveaus van de regiekaart")
        ordering = ["nummer"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nummer__gte=1, nummer__lte=5), name="niveau_nummer_1_5"
            )
        ]

    def __str__(self) -> str:
        return gettext("Niveau %(nummer)s: %(naam)s") % {"nummer": self.nummer, "naam": self.naam}
