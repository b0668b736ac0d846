"""The one date format of plans, PDFs and e-mails (issue #12): Dutch, "3 december 2026".

Snapshots of a fixed version keep their dates as ISO text (YYYY-MM-DD, the hashed content);
everything a person reads formats them here, never as ISO."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import formats, timezone

FORMAAT = "j F Y"


def datum_nl(waarde):
    """A date, a datetime or ISO text as "16 december 2026"; anything else unchanged."""
    if isinstance(waarde, datetime):
        waarde = timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde
        return formats.date_format(waarde.date(), FORMAAT)
    if isinstance(waarde, date):
        return formats.date_format(waarde, FORMAAT)
    try:
        return formats.date_format(date.fromisoformat(str(waarde)), FORMAAT)
    except ValueError:
        return waarde
