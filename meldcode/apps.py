""" "Aanvullende acties bij onveiligheid": meldcode steps 0-5 and the afwegingskader
(seed 002 ch. 2 and ch. 7). Filled in by a later issue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeldcodeConfig(AppConfig):
    name = "meldcode"
    verbose_name = _("Meldcode")
