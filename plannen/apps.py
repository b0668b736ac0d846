"""Ondersteuningsplan and Veiligheidsplan, versioned per overleg (seed 002 DEEL H).
Filled in by issues #4 and #5."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def volgend_overleg(trajecten):
    """The column of "Mijn trajecten" with each traject's next meeting. A module-level
    function, so registering it again (ready() run twice) is the identical entry."""
    from plannen.selectors.overleg import volgende_overleggen

    datums = volgende_overleggen([t.pk for t in trajecten])
    for traject in trajecten:
        traject.volgend_overleg = datums.get(traject.pk)


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

        # "Mijn trajecten" shows each traject's next meeting.
        from huishoudens.panels import register_trajecten_kolom

        register_trajecten_kolom(
            "plannen/start/_volgend_overleg_kop.html",
            "plannen/start/_volgend_overleg.html",
            volgend_overleg,
        )
