"""Implementation checklists and plans for organisations, municipalities and the region
(seeds 001, 000, 003, 002 ch. 10-11), monitoring figures from live data, and the evaluation
with the household (002 DEEL I); issue #14. Registers the start pages of the roles that keep
a plan, their menu items and the traject page's evaluation panel."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImplementatieConfig(AppConfig):
    name = "implementatie"
    verbose_name = _("Implementatie")

    def ready(self):
        from huishoudens.panels import register_traject_panel
        from implementatie.figuren import register_inzet_bron
        from implementatie.scope import ROL_NIVEAU
        from implementatie.views.evaluatie import traject_panel
        from implementatie.views.overzicht import start_context
        from regie.constants import Rol
        from regie.context_processors import register_menu_items
        from regie.views.start import register_start_page

        # The evaluation at the last overleg (002 fase 6b step 5, DEEL I).
        register_traject_panel(traject_panel)
        for rol, template in (
            (Rol.AANDACHTSFUNCTIONARIS, "regie/start/aandachtsfunctionaris.html"),
            (Rol.AGENDAHOUDER, "regie/start/agendahouder.html"),
            (Rol.REGIOCOORDINATOR, "regie/start/regiocoordinator.html"),
        ):
            register_start_page(rol, template, start_context)
        # Plans, monitoring, evaluations and surveys for the roles with a scope of their own.
        for rol in ROL_NIVEAU:
            overzicht = (
                [(_("Overzicht"), "implementatie:overzicht")]
                if rol
                in (
                    Rol.AGENDAHOUDER,
                    Rol.REGIOCOORDINATOR,
                )
                else []
            )
            register_menu_items(
                rol,
                [
                    (_("Implementatieplan"), "implementatie:plannen"),
                    *overzicht,
                    (_("Monitoring"), "implementatie:monitoring"),
                    (_("Evaluaties"), "implementatie:evaluatie_resultaten"),
                    (_("Enquêtes"), "implementatie:evaluatie_enquetes"),
                ],
            )
        register_menu_items(Rol.BEHEERDER, [(_("Checklists"), "implementatie:sjablonen")])
        register_inzet_bron(_inzet_uit_plannen)


def _inzet_uit_plannen(scope, periode):
    """The monitoring figure "working with 1G1P1R" from the plans' latest year (the
    definition is in implementatie/README.md; a plan's state has no history per period, so
    every period shows today's)."""
    from implementatie.figuren import Inzet
    from implementatie.selectors import werkend_met_methode

    cijfers = werkend_met_methode(scope)
    return Inzet(
        gemeenten=cijfers.gemeenten,
        gemeenten_met=cijfers.gemeenten_werkend,
        organisaties=cijfers.organisaties,
        organisaties_met=cijfers.organisaties_werkend,
    )
