""" "Aanvullende acties bij onveiligheid": meldcode steps 0-5 and the afwegingskader
(seed 002 ch. 2 and ch. 7, issue #10). See meldcode/README.md."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeldcodeConfig(AppConfig):
    name = "meldcode"
    verbose_name = _("Meldcode")

    def ready(self):
        from huishoudens.panels import (
            register_criteria_voorstel,
            register_start_panel,
            register_traject_panel,
        )
        from huishoudens.workflow import register_close_guard
        from meldcode.selectors import close_reasons, criteria_voorstel
        from meldcode.views.panel import start_panel, traject_panel
        from regie.constants import Rol
        from regie.context_processors import register_menu_items

        register_close_guard(close_reasons)
        register_criteria_voorstel(criteria_voorstel)
        register_traject_panel(traject_panel)
        register_start_panel(start_panel)
        register_menu_items(
            Rol.BEHEERDER,
            [
                (_("Crisiscontacten"), "meldcode:crisiscontacten"),
                (_("Scholing risicotaxatie"), "meldcode:scholingen"),
            ],
        )
