"""Ondersteuningsplan and Veiligheidsplan, versioned per overleg (seed 002 DEEL H).
Filled in by issues #4 and #5."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannenConfig(AppConfig):
    name = "plannen"
    verbose_name = _("Plannen")
