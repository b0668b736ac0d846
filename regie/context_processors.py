"""The navigation for the active role (see regie.access for what each role may open)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regie.constants import Rol

# (label, url name) per role; the start page is always first.
_CASE_MENU = [
    (_("Huishoudens"), "huishoudens:huishoudens"),
    (_("Nieuwe aanmelding"), "huishoudens:aanmelden"),
]
MENU = {
    Rol.PROCESREGISSEUR: _CASE_MENU,
    Rol.CASUSREGISSEUR: _CASE_MENU,
    Rol.BEHEERDER: [
        (_("Organisaties"), "beheer:organisaties"),
        (_("Gebruikers"), "beheer:gebruikers"),
    ],
    Rol.PRIVACYFUNCTIONARIS: [(_("Auditlog"), "privacy:auditlog")],
}


def register_menu_items(rol: Rol, items: list[tuple[str, str]]) -> None:
    """Feature apps add (label, url name) items for a role in their AppConfig.ready()."""
    # Always a new list, so two roles never end up sharing (and both extending) one list.
    MENU[rol] = [*MENU.get(rol, []), *items]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    active = getattr(user, "active_role", None)
    items = [(_("Start"), reverse("start"))]
    items += [(label, reverse(name)) for label, name in MENU.get(active, [])]
    return {
        "nav_items": items,
        "active_role": active,
        "active_role_label": Rol(active).label if active else "",
        "role_choices": [(r, Rol(r).label) for r in user.rollen],
    }
