"""The five levels of regie and the rules for opschalen/afschalen (seed 002 ch. 5).
Filled in by issue #6."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegiekaartConfig(AppConfig):
    name = "regiekaart"
    verbose_name = _("Regiekaart")
