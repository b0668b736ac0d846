"""How a recorded row reads on the dossier page and in the inzage PDF: the same labelled
values in both, so the copy for the household shows what the professionals see (minus the
shielded items, see meldcode/README.md "Inzage")."""

from __future__ import annotations

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meldcode import inhoud
from meldcode.constants import Vorm
from meldcode.models import (
    Consultatie,
    CrisisOproep,
    Gebeurtenis,
    Gesprek,
    InKaart,
    Signalen,
    VtMelding,
    Weging,
)

# The kinds of rows the owner can shield from the inspection copy, by the name an
# Afscherming uses ('<soort>:<pk>').
AFSCHERMBAAR = {
    m._meta.model_name: m
    for m in (Signalen, InKaart, Consultatie, Gesprek, Weging, VtMelding, Gebeurtenis, CrisisOproep)
}

# The steps recorded as rows of their own on the dossier page (stap 4-5 is Weging).
STAP_MODELLEN = {"0": Signalen, "1": InKaart, "2": Consultatie, "3": Gesprek}

_HIDDEN = {"id", "dossier", "traject", "vastgelegd_door", "vastgelegd_op", "door", "melden"}
_HIDDEN |= {"hulp", "afsluiten", "antwoorden", "samen_met_veilig_thuis", "vormen"}


def afscherm_sleutel(row: models.Model) -> str:
    return f"{row._meta.model_name}:{row.pk}"


def _value(row, field) -> str:
    value = getattr(row, field.name)
    if value in (None, ""):
        return ""
    if isinstance(field, models.BooleanField):
        return _("ja") if value else _("nee")
    if field.choices:
        return str(getattr(row, f"get_{field.name}_display")())
    if isinstance(field, models.DateTimeField):
        return date_format(value, "d-m-Y H:i")
    if isinstance(field, models.DateField):
        return date_format(value, "d-m-Y")
    return str(value)


def velden(row: models.Model) -> list[tuple[str, str]]:
    """(label, text) for each filled-in field of a recorded row."""
    out: list[tuple[str, str]] = []
    if isinstance(row, Signalen):
        out.append((_("Vormen"), ", ".join(str(Vorm(v).label) for v in row.vormen)))
    if isinstance(row, Weging):
        samen = set(row.samen_met_veilig_thuis)
        for n, ja in sorted(row.antwoorden.items(), key=lambda kv: int(kv[0])):
            antwoord = _("ja") if ja else _("nee")
            if int(n) in samen:
                antwoord = _("%(a)s (samen met Veilig Thuis)") % {"a": antwoord}
            out.append((f"{n}. {inhoud.vraag(int(n))['vraag']}", antwoord))
        out.append((_("Besluit"), besluit_tekst(row)))
    for field in row._meta.concrete_fields:
        if field.name in _HIDDEN or field.name.endswith("_ptr"):
            continue
        text = _value(row, field)
        if text:
            out.append((str(field.verbose_name).capitalize(), text))
    return out


def besluit_tekst(row) -> str:
    """The decision of a weighing (or a Besluit) in words."""
    delen = []
    if row.melden:
        delen.append(_("melden bij Veilig Thuis"))
    if row.hulp:
        delen.append(_("hulp bieden of organiseren"))
    if row.afsluiten:
        delen.append(_("afsluiten: geen vermoeden van huiselijk geweld"))
    return "; ".join(delen) or _("nog geen besluit")
