"""The five levels of regie and the rules for opschalen/afschalen (seed 002 ch. 5), per
traject the level, assessments and escalations, and the manager's pages (issue #6)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegiekaartConfig(AppConfig):
    name = "regiekaart"
    verbose_name = _("Regiekaart")

    def ready(self):
        from huishoudens.panels import register_traject_panel, register_trajecten_kolom
        from huishoudens.workflow import register_procesregie_afronden
        from regie.constants import Rol
        from regie.context_processors import register_menu_items
        from regie.views.start import register_start_page
        from regiekaart.selectors import niveaus_van, procesregie_afronden_advies
        from regiekaart.views.manager import start_context
        from regiekaart.views.panel import traject_panel

        register_traject_panel(traject_panel)
        register_procesregie_afronden(procesregie_afronden_advies)
        register_trajecten_kolom(
            "regiekaart/start/_niveau_kop.html",
            "regiekaart/start/_niveau.html",
            niveaus_van,
        )
        register_start_page(Rol.MANAGER, "regiekaart/start/manager.html", start_context)
        register_menu_items(
            Rol.MANAGER,
            [(_("Escalaties"), "regiekaart:escalaties"), (_("Regiekaart"), "regiekaart:kaart")],
        )
        for rol in (
            Rol.PROCESREGISSEUR,
            Rol.CASUSREGISSEUR,
            Rol.AANDACHTSFUNCTIONARIS,
            Rol.AGENDAHOUDER,
        ):
            register_menu_items(rol, [(_("Regiekaart"), "regiekaart:kaart")])
        register_menu_items(
            Rol.BEHEERDER,
            [
                (_("Regiekaart"), "regiekaart:kaart"),
                (_("Namen op de regiekaart"), "regiekaart:namen"),
            ],
        )
