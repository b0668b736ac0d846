"""Regio, Gemeente and Organisatie: the parties that work together in 1G1P1R.

A region (e.g. Hollands Midden, 002 "Met dank aan") holds municipalities; organisations
belong to a municipality and have a kind from the regiekaart (002 ch. 5 "Inzet"/"Overleg").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.constants import OrganisatieSoort, Rol
from regie.visibility import VisibleQuerySet


class Regio(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="gemeenten")

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class OrganisatieQuerySet(VisibleQuerySet):
    # The organisation register is kept by the beheerder.
    visible_to_role = Rol.BEHEERDER

    def actief(self):
        return self.filter(actief=True)


class Organisatie(models.Model):
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=30, choices=OrganisatieSoort.choices)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="organisaties", verbose_name=_("gemeente")
    )
    actief = models.BooleanField(_("actief"), default=True)

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["naam", "gemeente"], name="organisatie_naam_per_gemeente"
            )
        ]

    def __str__(self) -> str:
        return self.naam
