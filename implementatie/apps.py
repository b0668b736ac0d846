"""Implementation checklists and monitoring figures for organisations, municipalities
and the region (seeds 001, 000, 003, 002 ch. 10). Filled in by a later issue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImplementatieConfig(AppConfig):
    name = "implementatie"
    verbose_name = _("Implementatie")
