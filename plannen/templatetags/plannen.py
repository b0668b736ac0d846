"""Template filters for plan snapshots, which keep dates as ISO text (YYYY-MM-DD)."""

from datetime import date

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def isodatum(waarde):
    """ "2026-12-16" as "16 december 2026"; anything else unchanged."""
    try:
        return formats.date_format(date.fromisoformat(str(waarde)), "j F Y")
    except ValueError:
        return waarde
