"""Whose implementation plan and figures a person looks at: the region, a gemeente or an
organisation (001 themes A-E at "regionaal", "gemeentelijk" and "organisatieniveau").

The active role decides the scope (issue #14): the regiocoördinator holds the region of their
organisation's gemeente, the agendahouder the gemeente (002 ch. 10, taakprofiel
agendahouder), the aandachtsfunctionaris and the manager their organisation (002 ch. 10,
taakprofiel aandachtsfunctionaris). A wider scope sees the narrower ones inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.constants import Rol


class Niveau(models.TextChoices):
    REGIO = "regio", _("Regio")
    GEMEENTE = "gemeente", _("Gemeente")
    ORGANISATIE = "organisatie", _("Organisatie")


ROL_NIVEAU = {
    Rol.REGIOCOORDINATOR: Niveau.REGIO,
    Rol.AGENDAHOUDER: Niveau.GEMEENTE,
    Rol.AANDACHTSFUNCTIONARIS: Niveau.ORGANISATIE,
    Rol.MANAGER: Niveau.ORGANISATIE,
}


@dataclass(frozen=True)
class Scope:
    niveau: str
    regio_id: int
    gemeente_id: int | None = None
    organisatie_id: int | None = None

    def omvat(self, other: Scope) -> bool:
        """True when `other` lies inside this scope (or is it)."""
        if self.regio_id != other.regio_id:
            return False
        if self.niveau == Niveau.REGIO:
            return True
        if self.niveau == Niveau.GEMEENTE:
            return self.gemeente_id == other.gemeente_id
        return other.niveau == Niveau.ORGANISATIE and self.organisatie_id == other.organisatie_id


def van_organisatie(organisatie) -> Scope:
    gemeente = organisatie.gemeente
    return Scope(Niveau.ORGANISATIE, gemeente.regio_id, gemeente.pk, organisatie.pk)


def van_gemeente(gemeente) -> Scope:
    return Scope(Niveau.GEMEENTE, gemeente.regio_id, gemeente.pk)


def eigen_scope(user) -> Scope | None:
    """The scope of the user's active role, or None when that role has none."""
    niveau = ROL_NIVEAU.get(getattr(user, "active_role", None))
    organisatie = user.organisatie
    if niveau is None or organisatie is None:
        return None
    if niveau == Niveau.REGIO:
        return Scope(Niveau.REGIO, organisatie.gemeente.regio_id)
    if niveau == Niveau.GEMEENTE:
        return van_gemeente(organisatie.gemeente)
    return van_organisatie(organisatie)
