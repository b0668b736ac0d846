"""Households, their members, network and professionals, consent, and trajecten
with the six phases of 1G1P1R (seed 002 DEEL A, 004). Filled in by issue #3."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HuishoudensConfig(AppConfig):
    name = "huishoudens"
    verbose_name = _("Huishoudens en trajecten")
