"""Template filters for plan snapshots, which keep dates as ISO text (YYYY-MM-DD)."""

from django import template

from plannen.datum import datum_nl

register = template.Library()

# "2026-12-16" (or a date) as "16 december 2026": the one date format (issue #12).
register.filter("datum_nl", datum_nl)
register.filter("isodatum", datum_nl)
