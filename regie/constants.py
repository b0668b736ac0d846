"""Choices shared across Regie.

Roles follow the design card and 002 ch. 6/8 (procesregisseur, casusregisseur, and the
beleidsregie roles aandachtsfunctionaris and agendahouder); the beheerder keeps
organisations and accounts, the privacyfunctionaris reads the audit log (NEN 7513).
Organisation kinds are the parties the regiekaart names (002 ch. 5, "Inzet" and "Overleg").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    PROCESREGISSEUR = "procesregisseur", _("Procesregisseur")
    CASUSREGISSEUR = "casusregisseur", _("Casusregisseur")
    MANAGER = "manager", _("Manager")
    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris", _("Aandachtsfunctionaris")
    AGENDAHOUDER = "agendahouder", _("Agendahouder")
    # The seeds name no owner of the region's implementation plan (001 theme A-E "regionaal",
    # DOMEIN.md: beleidsregie); a regional coordinator holds it (issue #14).
    REGIOCOORDINATOR = "regiocoordinator", _("Regiocoördinator")
    BEHEERDER = "beheerder", _("Beheerder")
    PRIVACYFUNCTIONARIS = "privacyfunctionaris", _("Privacyfunctionaris")


# Roles that work with household cases (need to know decided per household by later issues).
CASE_ROLES = frozenset({Rol.PROCESREGISSEUR, Rol.CASUSREGISSEUR})


class OrganisatieSoort(models.TextChoices):
    BASISZORG = "basiszorg", _("Basiszorg")
    LOKAAL_TEAM = "lokaal_team", _("Lokaal/sociaal team")
    ZORGKETEN = "zorgketen", _("Zorgketen")
    VEILIGHEIDSKETEN = "veiligheidsketen", _("Veiligheidsketen")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis (veiligheidsketen)")
    ZORG_EN_VEILIGHEIDSHUIS = "zvh", _("Zorg- en Veiligheidshuis")
    GEMEENTE = "gemeente", _("Gemeente")


class Competentieprofiel(models.TextChoices):
    """002 ch. 6: the six competence profiles of a regisseur."""

    CASUS_A = "casus_a", _("Casusregisseur A")
    CASUS_B = "casus_b", _("Casusregisseur B")
    CASUS_B_PLUS = "casus_b_plus", _("Casusregisseur B+")
    PROCES_A = "proces_a", _("Procesregisseur A")
    PROCES_B = "proces_b", _("Procesregisseur B")
    PROCES_B_PLUS = "proces_b_plus", _("Procesregisseur B+")


class AuditActie(models.TextChoices):
    READ = "read", _("Inzien")
    CREATE = "create", _("Aanmaken")
    UPDATE = "update", _("Wijzigen")
    DELETE = "delete", _("Verwijderen")
    EXPORT = "export", _("Exporteren")
    PRINT = "print", _("Afdrukken/PDF")
    SEARCH = "search", _("Zoeken")
    LOGIN = "login", _("Inloggen")
    LOGIN_FAILED = "login_failed", _("Mislukte inlogpoging")
    LOGOUT = "logout", _("Uitloggen")


class AuditUitkomst(models.TextChoices):
    ALLOWED = "allowed", _("Toegestaan")
    DENIED = "denied", _("Geweigerd")


class BerichtStatus(models.TextChoices):
    QUEUED = "queued", _("In wachtrij")
    SENT = "sent", _("Verzonden")
    FAILED = "failed", _("Mislukt")
