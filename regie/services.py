"""Writes of the regie app: organisations and accounts, kept by the beheerder."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regie.constants import Rol
from regie.models import Gemeente, Organisatie, RoleAssignment, User
from regie.outbox import absolute_url, bericht_queue


@transaction.atomic
def organisatie_save(
    *,
    organisatie: Organisatie | None = None,
    naam: str,
    soort: str,
    gemeente: Gemeente,
    actief: bool = True,
) -> Organisatie:
    organisatie = organisatie or Organisatie()
    organisatie.naam = naam
    organisatie.soort = soort
    organisatie.gemeente = gemeente
    organisatie.actief = actief
    organisatie.full_clean()
    organisatie.save()
    return organisatie


class OwnRolesRefused(PermissionDenied):
    """Nobody changes their own roles (issue #11): otherwise a beheerder could make himself
    privacyfunctionaris and read the whole audit log. Another beheerder has to do it."""


# Granting these is reported to the privacy officers: the first opens the whole audit log,
# the second hands out every role.
NOTIFIED_ROLES = frozenset({Rol.PRIVACYFUNCTIONARIS, Rol.BEHEERDER})


@dataclass(frozen=True)
class RoleChange:
    """The roles of one account before and after a change, in the order of `Rol`."""

    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def granted(self) -> tuple[str, ...]:
        return tuple(r for r in self.after if r not in self.before)

    @property
    def granted_notified(self) -> tuple[str, ...]:
        return tuple(r for r in self.granted if r in NOTIFIED_ROLES)

    @property
    def detail(self) -> str:
        """For the audit row, e.g. "rollen: casusregisseur -> casusregisseur, beheerder"."""
        return f"rollen: {', '.join(self.before) or 'geen'} -> {', '.join(self.after) or 'geen'}"


def _ordered(rollen) -> tuple[str, ...]:
    held = {Rol(r).value for r in rollen}
    return tuple(r.value for r in Rol if r.value in held)


def _notice_recipients(*, user: User, actor: User | None) -> tuple[Rol | None, list[User]]:
    if user.organisatie_id is None:
        return None, []
    others = User.objects.filter(is_active=True, organisatie_id=user.organisatie_id).exclude(
        pk=user.pk
    )
    if actor is not None:
        others = others.exclude(pk=actor.pk)
    for rol in (Rol.PRIVACYFUNCTIONARIS, Rol.BEHEERDER):
        if recipients := list(others.with_role(rol).distinct().order_by("pk")):
            return rol, recipients
    return None, []


def role_notice_recipients(*, user: User, actor: User | None) -> list[User]:
    """Who hears that `user` was granted privacyfunctionaris or beheerder.

    The active privacyfunctionarissen of the account's organisation; when it has none, its
    other active beheerders. Never the person changed nor the one who changed it: the
    notice is there so that someone else can see it.
    """
    return _notice_recipients(user=user, actor=actor)[1]


def _role_grant_notify(*, user: User, change: RoleChange, actor: User | None) -> None:
    granted = change.granted_notified
    if not granted:
        return
    when = timezone.now()
    as_rol, recipients = _notice_recipients(user=user, actor=actor)
    for recipient in recipients:
        bericht_queue(
            aan=recipient.email,
            template="rol_toegekend",
            context={
                "ontvanger": recipient,
                "account": user,
                "organisatie": user.organisatie,
                "door": actor,
                "wanneer": when,
                "rollen": [str(Rol(r).label).lower() for r in granted],
                "als_privacyfunctionaris": as_rol == Rol.PRIVACYFUNCTIONARIS,
                "auditlog_url": absolute_url("privacy:auditlog"),
                "account_url": absolute_url("beheer:gebruiker", user.pk),
            },
            # Unique per change (the moment it was made) and recipient.
            sleutel=f"rol_toegekend:{user.pk}:{when.isoformat()}:{recipient.pk}",
        )


@transaction.atomic
def user_set_roles(*, user: User, rollen: list[str], actor: User | None = None) -> RoleChange:
    """Give `user` exactly `rollen`.

    `actor` is who does it; a change of one's own roles is refused. Only management
    commands run on the server (the first beheerder, demo data) pass no actor. Granting
    privacyfunctionaris or beheerder is e-mailed to `role_notice_recipients`.
    """
    # Lock the account so that two simultaneous edits report true before/after roles.
    User.objects.select_for_update().filter(pk=user.pk).first()
    before = _ordered(user.role_assignments.values_list("rol", flat=True))
    change = RoleChange(before=before, after=_ordered(rollen))
    if actor is not None and actor.pk == user.pk and change.changed:
        raise OwnRolesRefused(_("U kunt uw eigen rollen niet wijzigen."))
    user.role_assignments.exclude(rol__in=change.after).delete()
    RoleAssignment.objects.bulk_create(
        RoleAssignment(user=user, rol=r) for r in change.after if r not in before
    )
    user.__dict__.pop("rollen", None)
    _role_grant_notify(user=user, change=change, actor=actor)
    return change


@transaction.atomic
def user_create(
    *,
    email: str,
    first_name: str,
    last_name: str,
    organisatie: Organisatie,
    functie: str = "",
    telefoon: str = "",
    manager: User | None = None,
    rollen: list[str],
    invite: bool = True,
    actor: User | None = None,
) -> User:
    """Create an account without a password; the invitation e-mail lets the person set one.

    `actor` as for `user_set_roles` (None only from a management command)."""
    user = User.objects.create_user(
        email=email,
        password=None,
        first_name=first_name,
        last_name=last_name,
        organisatie=organisatie,
        functie=functie,
        telefoon=telefoon,
        manager=manager,
    )
    user_set_roles(user=user, rollen=rollen, actor=actor)
    if invite:
        user_invite(user=user)
    return user


@transaction.atomic
def user_update(*, user: User, rollen: list[str], actor: User, **fields) -> RoleChange:
    """Change an account's profile fields (those of UserForm) and roles.

    A change of `actor`'s own roles raises `OwnRolesRefused` and rolls the whole update back."""
    for name, value in fields.items():
        setattr(user, name, value)
    user.save()
    return user_set_roles(user=user, rollen=rollen, actor=actor)


def invitation_url(user: User) -> str:
    return absolute_url(
        "account_reset_password_from_key",
        uidb36=user_pk_to_url_str(user),
        key=default_token_generator.make_token(user),
    )


def user_invite(*, user: User) -> None:
    """(Re)send the invitation: a link to choose a password, valid for three days."""
    bericht_queue(
        aan=user.email,
        template="uitnodiging_account",
        context={"user": user, "url": invitation_url(user), "base_url": settings.REGIE_BASE_URL},
    )


@transaction.atomic
def user_set_active(*, user: User, actief: bool) -> None:
    """Deactivate instead of delete: the audit log and case history keep referring to them."""
    user.is_active = actief
    user.save(update_fields=["is_active"])
    # An inactive user is refused by the authentication backend on their next request,
    # so open sessions end without touching them here.


def user_unlock(*, user: User) -> int:
    """Lift a lock-out from failed logins; returns the number of records removed."""
    return axes_reset(username=user.email)
