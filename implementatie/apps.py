"""Implementation checklists and monitoring figures for organisations, municipalities
and the region (seeds 001, 000, 003, 002 ch. 10). Filled in by a later issue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImplementatieConfig(AppConfig):
    name = "implementatie"
    verbose_name = _("Implementatie")

    def ready(self):
        from regie.constants import Rol
        from regie.context_processors import register_menu_items

        # The monitoring figures (issue #14): for the roles with a scope of their own.
        for rol in (Rol.MANAGER, Rol.AANDACHTSFUNCTIONARIS, Rol.AGENDAHOUDER, Rol.REGIOCOORDINATOR):
            register_menu_items(rol, [(_("Monitoring"), "implementatie:monitoring")])
