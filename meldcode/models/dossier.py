"""A meldcode dossier: one safety concern on a traject, followed through the steps of
"Aanvullende acties bij onveiligheid" (seed 002 ch. 2) until it is closed with a reason.

A traject can hold several dossiers over time. Its content is for few eyes (002 ch. 7:
"zo ... dat maar een beperkt aantal mensen in een instelling deze gegevens kan zien"): the
owner, the traject's procesregisseur and people the owner grants by name (DossierToegang);
everyone else involved with the household sees only that a dossier is open, since when and
whose it is. The household keeps its right of inspection, with items shielded for a
reason (Afscherming).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from huishoudens.constants import TrajectRol
from huishoudens.models import Gezinslid, Traject, TrajectBetrokkene, VeiligheidsSignaal
from meldcode.constants import (
    Aanleiding,
    AfschermReden,
    DossierStatus,
    GebeurtenisSoort,
    Sluitreden,
)
from regie.visibility import VisibleQuerySet


class DossierQuerySet(VisibleQuerySet):
    """Few eyes, declared on the access core's mechanism (regie.visibility):

    * `visible(user)`: that a dossier exists, for everyone involved with the household and
      for people granted by name (whatever their role: the aandachtsfunctionaris huiselijk
      geweld who was consulted need not be involved with the household);
    * `restriction(user)`: its content, only for the owner, the traject's current
      procesregisseur and people granted by name (002 ch. 7).

    `for_user(user)` applies both: the dossiers whose content the user may read.
    """

    household_field = "traject__huishouden_id"

    def visible(self, user):
        involved = super().visible(user)
        if not user.is_authenticated:
            return involved
        return self.filter(
            Q(pk__in=involved.values("pk")) | Q(pk__in=_live_grants(user).values("dossier_id"))
        )

    def restriction(self, user) -> Q:
        if not user.is_authenticated:
            return Q(pk__in=[])
        procesregie = TrajectBetrokkene.objects.actief().filter(
            user=user, rol=TrajectRol.PROCESREGISSEUR
        )
        return (
            Q(eigenaar=user)
            | Q(traject_id__in=procesregie.values("traject_id"))
            | Q(pk__in=_live_grants(user).values("dossier_id"))
        )

    def open(self):
        return self.filter(status=DossierStatus.OPEN)


def _live_grants(user):
    return DossierToegang.objects.filter(user=user, ingetrokken_op__isnull=True)


class Dossier(models.Model):
    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, related_name="meldcode_dossiers")
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="meldcode_dossiers",
        verbose_name=_("eigenaar"),
        help_text=_(
            "De casusregisseur die de signalen zag; die zet de stappen en doet de melding."
        ),
    )
    aanleiding = models.CharField(_("aanleiding"), max_length=12, choices=Aanleiding.choices)
    signaal = models.ForeignKey(
        VeiligheidsSignaal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldcode_dossiers",
    )
    leden = models.ManyToManyField(
        Gezinslid, related_name="meldcode_dossiers", verbose_name=_("betrokken gezinsleden")
    )
    geopend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geopend_op = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=10, choices=DossierStatus.choices, default=DossierStatus.OPEN
    )
    # "Als zorgen blijven": the owner weighs again at this interval until duurzame veiligheid.
    weeg_interval_dagen = models.PositiveSmallIntegerField(
        _("opnieuw wegen na (dagen)"), default=28
    )
    volgende_weging_op = models.DateField(_("volgende weging"), null=True, blank=True)
    herinnerd_op = models.DateField(null=True, blank=True)
    gesloten_op = models.DateTimeField(null=True, blank=True)
    sluitreden = models.CharField(
        _("reden van afsluiten"), max_length=20, choices=Sluitreden.choices, blank=True
    )
    sluit_toelichting = models.TextField(_("toelichting bij het afsluiten"), blank=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("meldcodedossier")
        verbose_name_plural = _("meldcodedossiers")
        ordering = ["-geopend_op"]
        indexes = [
            models.Index(fields=["status", "volgende_weging_op"]),
            models.Index(fields=["traject", "status"]),
        ]

    def __str__(self) -> str:
        return f"Meldcodedossier {self.pk} (traject #{self.traject_id})"

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id


class DossierToegang(models.Model):
    """A grant by the owner to a named person (e.g. the aandachtsfunctionaris huiselijk
    geweld who was consulted). Withdrawn grants stay as history."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="toegang")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meldcode_toegang"
    )
    reden = models.CharField(_("reden"), max_length=300)
    verleend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    verleend_op = models.DateTimeField(auto_now_add=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("toegang tot meldcodedossier")
        verbose_name_plural = _("toegang tot meldcodedossiers")
        ordering = ["-verleend_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "user"],
                condition=Q(ingetrokken_op__isnull=True),
                name="meldcode_one_live_grant_per_person",
            )
        ]

    @property
    def audit_household_id(self) -> int:
        return self.dossier.traject.huishouden_id


class Gebeurtenis(models.Model):
    """'Als zorgen blijven' (002 ch. 2): what happened on an open dossier."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="gebeurtenissen")
    soort = models.CharField(_("wat gebeurde er"), max_length=20, choices=GebeurtenisSoort.choices)
    op = models.DateField(_("datum"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["-op", "-id"]


class Afscherming(models.Model):
    """An item left out of the household's inspection copy, with the reason (002 ch. 7).
    `item` names a recorded step row as '<model>:<pk>' (e.g. 'consultatie:12')."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="afschermingen")
    item = models.CharField(max_length=40)
    reden = models.CharField(_("reden"), max_length=20, choices=AfschermReden.choices)
    toelichting = models.TextField(_("toelichting"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afscherming")
        verbose_name_plural = _("afschermingen")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "item"], name="meldcode_shield_item_once")
        ]
