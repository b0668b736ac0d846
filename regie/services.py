"""Writes of the regie app: organisations and accounts, kept by the beheerder."""

from __future__ import annotations

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from axes.utils import reset as axes_reset
from django.conf import settings
from django.db import transaction

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


@transaction.atomic
def user_set_roles(*, user: User, rollen: list[str]) -> None:
    wanted = {Rol(r) for r in rollen}
    user.role_assignments.exclude(rol__in=wanted).delete()
    held = set(user.role_assignments.values_list("rol", flat=True))
    RoleAssignment.objects.bulk_create(
        RoleAssignment(user=user, rol=r) for r in wanted if r not in held
    )
    user.__dict__.pop("rollen", None)


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
) -> User:
    """Create an account without a password; the invitation e-mail lets the person set one."""
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
    user_set_roles(user=user, rollen=rollen)
    if invite:
        user_invite(user=user)
    return user


@transaction.atomic
def user_update(*, user: User, rollen: list[str], **fields) -> User:
    """Change an account's profile fields (those of UserForm) and roles."""
    for name, value in fields.items():
        setattr(user, name, value)
    user.save()
    user_set_roles(user=user, rollen=rollen)
    return user


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
