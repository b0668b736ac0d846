"""Implementation checklists and monitoring figures for organisations, municipalities
and the region (seeds 001, 000, 003, 002 ch. 10), and the evaluation with the household
(002 DEEL I)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImplementatieConfig(AppConfig):
    name = "implementatie"
    verbose_name = _("Implementatie")

    def ready(self):
        from huishoudens.panels import register_traject_panel
        from implementatie.scope import ROL_NIVEAU
        from implementatie.views.evaluatie import traject_panel
        from regie.context_processors import register_menu_items

        # The evaluation at the last overleg (002 fase 6b step 5, DEEL I).
        register_traject_panel(traject_panel)
        # Monitoring, evaluations and surveys for the roles with a scope of their own.
        for rol in ROL_NIVEAU:
            register_menu_items(
                rol,
                [
                    (_("Monitoring"), "implementatie:monitoring"),
                    (_("Evaluaties"), "implementatie:evaluatie_resultaten"),
                    (_("Enquêtes"), "implementatie:evaluatie_enquetes"),
                ],
            )
