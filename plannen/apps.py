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
        for rol in (Rol.BEHEERDER, Rol.AANDACHTSFUNCTIONARIS):
            register_menu_items(rol, [(_("Uitnodigingsteksten"), "plannen:sjablonen")])

        # "Mijn trajecten" with the date of each traject's next meeting.
        from huishoudens.views.start import procesregisseur_context
        from plannen.overleggen import volgende_overleggen
        from regie.views.start import register_start_page

        def met_volgend_overleg(request):
            context = procesregisseur_context(request)
            trajecten = [t for _fase, ts in context["groepen"] for t in ts]
            datums = volgende_overleggen([t.pk for t in trajecten])
            for traject in trajecten:
                traject.volgend_overleg = datums.get(traject.pk)
            return context

        register_start_page(
            Rol.PROCESREGISSEUR, "huishoudens/start/procesregisseur.html", met_volgend_overleg
        )
