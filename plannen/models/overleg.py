"""Overleg: the startoverleg, voortgangsoverleg or a tussentijds/spoedoverleg of a traject
(seed 002 fase 3a/3b and 5a/5b). The plan is fixed in a meeting (#4) and every meeting ends
by planning the next one (3b step 8, 5b step 11). Invitations (DEEL G) go out by e-mail
with a calendar file: `uid` stays the same for the life of the meeting and `volgnummer`
(the iCalendar SEQUENCE) is raised on every change, so calendars update the one event.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from plannen.datum import datum_nl
from regie.visibility import VisibleQuerySet

from .ondersteuningsplan import PlanVersie


class OverlegSoort(models.TextChoices):
    STARTOVERLEG = "start", _("Startoverleg")
    VOORTGANGSOVERLEG = "voortgang", _("Voortgangsoverleg")
    TUSSENTIJDS = "tussentijds", _("Tussentijds overleg / spoedoverleg")


class SjabloonSoort(models.TextChoices):
    """The meetings an invitation template (DEEL G) is for; the values of OverlegSoort."""

    STARTOVERLEG = OverlegSoort.STARTOVERLEG.value, _("Startoverleg")
    VOORTGANGSOVERLEG = OverlegSoort.VOORTGANGSOVERLEG.value, _("Voortgangsoverleg")


class Aanspreekvorm(models.TextChoices):
    """The texts of an invitation (seed 002 DEEL G has u and jij for the household; the
    professional's text is Regie's adaptation of the u-vorm, see plannen/README.md)."""

    U = "u", _("u-vorm")
    JIJ = "jij", _("jij-vorm")
    PROFESSIONAL = "professional", _("professionals (u-vorm)")


class GenodigdeSoort(models.TextChoices):
    """Who an invitee is: a member of the household and its network are addressed as the
    household chose (u or jij), a professional gets the professional's text (issue #12)."""

    KLANT = "klant", _("Lid van het huishouden")
    NETWERK = "netwerk", _("Netwerk")
    PROFESSIONAL = "professional", _("Professional")


class OverlegStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEHOUDEN = "gehouden", _("Gehouden")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class OverlegQuerySet(VisibleQuerySet):
    household_field = "traject__huishouden_id"


class Overleg(models.Model):
    traject = models.ForeignKey(
        "huishoudens.Traject", on_delete=models.PROTECT, related_name="overleggen"
    )
    soort = models.CharField(_("soort overleg"), max_length=12, choices=OverlegSoort.choices)
    datum = models.DateField(_("datum"))
    begin = models.TimeField(_("begintijd"))
    eind = models.TimeField(_("eindtijd"))
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    voorzitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorzitter"),
    )
    notulist = models.CharField(_("notulist"), max_length=150, blank=True)
    status = models.CharField(
        max_length=12, choices=OverlegStatus.choices, default=OverlegStatus.GEPLAND
    )
    planversie = models.ForeignKey(
        PlanVersie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgestelde planversie"),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    volgnummer = models.PositiveIntegerField(default=0, editable=False)
    uitgenodigd_op = models.DateTimeField(_("uitnodigingen verstuurd op"), null=True, blank=True)
    herinnerd_op = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)

    objects = OverlegQuerySet.as_manager()

    class Meta:
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        ordering = ["datum", "begin"]
        indexes = [models.Index(fields=["traject", "status", "datum"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {datum_nl(self.datum)}"

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id


def nieuw_token() -> str:
    return secrets.token_urlsafe(32)


class Antwoord(models.TextChoices):
    GEEN = "", _("Geen antwoord")
    GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
    AFGEMELD = "afgemeld", _("Afgemeld")


class Genodigde(models.Model):
    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="genodigden")
    naam = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    rol = models.CharField(_("rol"), max_length=100, blank=True)
    soort = models.CharField(
        _("soort genodigde"),
        max_length=12,
        choices=GenodigdeSoort.choices,
        default=GenodigdeSoort.KLANT,
    )
    moet_aanwezig = models.BooleanField(_("moet zeker aanwezig zijn"), default=False)
    aanwezig = models.BooleanField(_("aanwezig"), null=True, blank=True)
    # The personal reply link: unguessable, needs no account, refused after the meeting.
    token = models.CharField(max_length=64, unique=True, default=nieuw_token, editable=False)
    antwoord = models.CharField(max_length=12, choices=Antwoord.choices, blank=True)
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    bericht = models.ForeignKey(
        "regie.Bericht", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-moet_aanwezig", "naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def uitnodigingsstatus(self) -> tuple[str, str]:
        """(code, label) for the meeting page: the reply wins over the delivery state."""
        from regie.constants import BerichtStatus

        if self.antwoord:
            return self.antwoord, self.get_antwoord_display()
        if self.bericht_id is None:
            return ("brief", _("Per brief")) if not self.email else ("open", _("Niet uitgenodigd"))
        return {
            BerichtStatus.QUEUED: ("verzonden", _("Verzonden")),
            BerichtStatus.SENT: ("afgeleverd", _("Afgeleverd")),
            BerichtStatus.FAILED: ("mislukt", _("Mislukt")),
        }[self.bericht.status]


class Voorbereiding(models.Model):
    """A preparation action of 3a/5a ticked for one meeting: every voortgangsoverleg is
    prepared anew, so the ticks belong to the meeting, not to the traject."""

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="voorbereiding")
    actie = models.ForeignKey("huishoudens.FaseActie", on_delete=models.PROTECT, related_name="+")
    gedaan_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gedaan_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["overleg", "actie"], name="voorbereiding_eenmaal")
        ]


class UitnodigingSjabloon(models.Model):
    """An invitation text (seed 002 DEEL G): startoverleg or voortgangsoverleg, u- or jij-vorm,
    and Regie's professional's text (u-vorm). The six of the Richtlijn have no organisation;
    an organisation may keep its own version."""

    organisatie = models.ForeignKey(
        "regie.Organisatie", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    soort = models.CharField(
        _("overleg"),
        max_length=12,
        choices=SjabloonSoort.choices,
    )
    vorm = models.CharField(_("aanspreekvorm"), max_length=12, choices=Aanspreekvorm.choices)
    titel = models.CharField(max_length=150)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    uitnodiging = models.TextField(_("uitnodigingszin"))
    doel = models.TextField(_("doel van het overleg"))
    agenda_intro = models.CharField(max_length=200)
    agenda = models.JSONField(_("agenda"))
    slot = models.TextField()
    afsluiting = models.TextField()
    groet = models.CharField(max_length=100)
    bron = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("uitnodigingssjabloon")
        verbose_name_plural = _("uitnodigingssjablonen")
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "soort", "vorm"], name="sjabloon_uniek")
        ]

    def __str__(self) -> str:
        return self.titel
