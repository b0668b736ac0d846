"""The navigation for the active role (see regie.access for what each role may open)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regie.constants import Rol

# (label, url name) per role; the start page is always first.
MENU = {
    Rol.BEHEERDER: [
        (_("Organisaties"), "beheer:organisaties"),
        (_("Gebruikers"), "beheer:gebruikers"),
    ],
    Rol.PRIVACYFUNCTIONARIS: [(_("Auditlog"), "privacy:auditlog")],
}


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
