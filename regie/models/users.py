"""Professionals: an account per person with their organisation, roles and competences.

Roles are rows (a person can be procesregisseur and manager); competence profiles
(002 ch. 6) are held with the date trained, as the regiekaart asks profile A or B per level.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from regie.constants import Competentieprofiel, Rol
from regie.visibility import VisibleQuerySet

from .organisations import Organisatie


class UserQuerySet(VisibleQuerySet):
    # Accounts (professionals' own data, not case data) are managed by the beheerder.
    visible_to_role = Rol.BEHEERDER

    def with_role(self, rol: Rol):
        return self.filter(role_assignments__rol=rol)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("E-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    first_name = models.CharField(_("voornaam"), max_length=150)
    last_name = models.CharField(_("achternaam"), max_length=150)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("organisatie"),
    )
    functie = models.CharField(_("functie"), max_length=150, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    manager = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("manager"),
    )
    # Only accounts made by `manage.py demo_data`; with REGIE_DEMO on, MFA is relaxed for them.
    is_demo = models.BooleanField(default=False, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @cached_property
    def rollen(self) -> list[str]:
        """Role values of this user, in the fixed order of `Rol` (once per request)."""
        held = {r.rol for r in self.role_assignments.all()}
        return [r.value for r in Rol if r.value in held]


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    rol = models.CharField(_("rol"), max_length=30, choices=Rol.choices)

    class Meta:
        verbose_name = _("roltoewijzing")
        verbose_name_plural = _("roltoewijzingen")
        constraints = [models.UniqueConstraint(fields=["user", "rol"], name="role_once_per_user")]
        indexes = [models.Index(fields=["rol"])]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_rol_display()}"


class Competentie(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="competenties")
    profiel = models.CharField(
        _("competentieprofiel"), max_length=20, choices=Competentieprofiel.choices
    )
    getraind_op = models.DateField(_("getraind op"))

    class Meta:
        verbose_name = _("competentie")
        verbose_name_plural = _("competenties")
        ordering = ["profiel"]
        constraints = [
            models.UniqueConstraint(fields=["user", "profiel"], name="competentie_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.get_profiel_display()} ({self.getraind_op:%d-%m-%Y})"
