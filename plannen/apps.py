"""Ondersteuningsplan and Veiligheidsplan, versioned per overleg (seed 002 DEEL H).
Filled in by issues #4 and #5."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannenConfig(AppConfig):
    name = "plannen"
    verbose_name = _("Plannen")

    def ready(self):
        from regie.constants import Rol
        from regie.context_processors import register_menu_items

        register_menu_items(Rol.CASUSREGISSEUR, [(_("Mijn acties"), "plannen:mijn_acties")])
        register_menu_items(Rol.PROCESREGISSEUR, [(_("Mijn acties"), "plannen:mijn_acties")])
