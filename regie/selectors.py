"""Reads of the regie app: the beheerder's registers of organisations and accounts. Every
read starts from `for_user`, so a non-beheerder gets nothing."""

from __future__ import annotations

from django.db.models import Q

from regie.constants import Rol
from regie.models import Organisatie, User


def organisaties_zoeken(user, q: str = ""):
    qs = Organisatie.objects.for_user(user).select_related("gemeente__regio")
    if q:
        qs = qs.filter(Q(naam__icontains=q) | Q(gemeente__naam__icontains=q))
    return qs


def users_zoeken(user, q: str = "", rol: str = ""):
    qs = (
        User.objects.for_user(user)
        .select_related("organisatie")
        .prefetch_related("role_assignments")
    )
    if q:
        qs = qs.filter(
            Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(email__icontains=q)
            | Q(organisatie__naam__icontains=q)
        )
    if rol in Rol.values:
        qs = qs.filter(role_assignments__rol=rol)
    return qs
