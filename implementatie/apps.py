"""Implementation checklists and monitoring figures for organisations, municipalities and
the region (seeds 001, 000, 003, 002 h. 10-11), issue #14. The checklists side registers the
start pages of the roles that keep a plan and their menu items here."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImplementatieConfig(AppConfig):
    name = "implementatie"
    verbose_name = _("Implementatie")

    def ready(self):
        from implementatie.views.overzicht import start_context
        from regie.constants import Rol
        from regie.context_processors import register_menu_items
        from regie.views.start import register_start_page

        for rol, template in (
            (Rol.AANDACHTSFUNCTIONARIS, "regie/start/aandachtsfunctionaris.html"),
            (Rol.AGENDAHOUDER, "regie/start/agendahouder.html"),
            (Rol.REGIOCOORDINATOR, "regie/start/regiocoordinator.html"),
        ):
            register_start_page(rol, template, start_context)
        for rol in (Rol.AANDACHTSFUNCTIONARIS, Rol.MANAGER):
            register_menu_items(rol, [(_("Implementatieplan"), "implementatie:plannen")])
        for rol in (Rol.AGENDAHOUDER, Rol.REGIOCOORDINATOR):
            register_menu_items(
                rol,
                [
                    (_("Implementatieplan"), "implementatie:plannen"),
                    (_("Overzicht"), "implementatie:overzicht"),
                ],
            )
        register_menu_items(Rol.BEHEERDER, [(_("Checklists"), "implementatie:sjablonen")])
