"""Households, their members, network and professionals, consent, and trajecten with the
six phases of 1G1P1R (seed 002 DEEL A, 004; personal sections of DEEL H; ch. 7)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HuishoudensConfig(AppConfig):
    name = "huishoudens"
    verbose_name = _("Huishoudens en trajecten")

    def ready(self):
        from huishoudens.selectors import household_ids_of_professional, household_ids_of_regisseur
        from regie.visibility import register_household_relation

        register_household_relation(household_ids_of_regisseur)
        register_household_relation(household_ids_of_professional)

        from huishoudens.views.start import casusregisseur_context, procesregisseur_context
        from regie.constants import Rol
        from regie.views.start import register_start_page

        register_start_page(
            Rol.PROCESREGISSEUR, "huishoudens/start/procesregisseur.html", procesregisseur_context
        )
        register_start_page(
            Rol.CASUSREGISSEUR, "huishoudens/start/casusregisseur.html", casusregisseur_context
        )
