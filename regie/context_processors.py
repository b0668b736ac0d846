"""The navigation for the active role (see regie.access for what each role may open)."""

from typing import NamedTuple

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regie.constants import Rol
from regie.registry import Registry


class MenuItem(NamedTuple):
    rol: str
    label: str
    url_name: str


# The menu of each role after the start page, in the order registered: regie's own items
# below, then those of the feature apps (AppConfig.ready()). One item per role and URL.
_menu_items: Registry[MenuItem] = Registry("menu item", key=lambda item: (item.rol, item.url_name))


def register_menu_items(rol: Rol, items: list[tuple[str, str]]) -> None:
    """Feature apps add (label, url name) items for a role in their AppConfig.ready()."""
    for label, url_name in items:
        _menu_items.register(MenuItem(rol, label, url_name))


for _rol in (Rol.PROCESREGISSEUR, Rol.CASUSREGISSEUR):
    register_menu_items(
        _rol,
        [
            (_("Huishoudens"), "huishoudens:huishoudens"),
            (_("Nieuwe aanmelding"), "huishoudens:aanmelden"),
        ],
    )
register_menu_items(
    Rol.BEHEERDER,
    [(_("Organisaties"), "beheer:organisaties"), (_("Gebruikers"), "beheer:gebruikers")],
)
register_menu_items(Rol.PRIVACYFUNCTIONARIS, [(_("Auditlog"), "privacy:auditlog")])


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    active = getattr(user, "active_role", None)
    items = [(_("Start"), reverse("start"))]
    items += [(i.label, reverse(i.url_name)) for i in _menu_items if i.rol == active]
    return {
        "nav_items": items,
        "active_role": active,
        "active_role_label": Rol(active).label if active else "",
        "role_choices": [(r, Rol(r).label) for r in user.rollen],
    }
