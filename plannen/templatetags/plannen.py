"""Template helpers for the plan's pages and its PDF: snapshot dates (ISO text, YYYY-MM-DD)
in Dutch, and the Ondersteuningsplan's lines and fields built in one place (issue #12).

Every line that joins typed text with the template's words goes through `plannen.tekst.samen`
so punctuation never doubles ("mentor..", "geweest., sinds"). The helpers return plain text;
the template escapes it as any other value.

Empty fields (plannen/README.md, "Empty fields in the plan"): a field or section of the
format that nobody filled in reads "niet ingevuld", the same on the page and in the PDF; a
field that does not apply is left out (gezag of an adult, the aanvraag's two checks of a plan
that is no aanvraag), or reads "n.v.t." in a table column that others need (the VIR signal
of an adult).
"""

from __future__ import annotations

import re
from datetime import date

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.translation import gettext as _

from plannen.datum import datum_nl
from plannen.tekst import samen, zonder_slotteken

register = template.Library()

# "2026-12-16" (or a date) as "16 december 2026": the one date format (issue #12).
register.filter("datum_nl", datum_nl)
register.filter("isodatum", datum_nl)
# Typed text that sits mid-sentence ("Doel 1: Rust in huis (bereikt: ja)").
register.filter("zonder_slotteken", zonder_slotteken)

POSTCODE = re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b")


def _get(obj, naam: str, default=""):
    """A field of a snapshot row (dict) or of a model instance (the draft page)."""
    if isinstance(obj, dict):
        return obj.get(naam, default)
    return getattr(obj, naam, default)


@register.simple_tag
def niet_ingevuld():
    """The one text of an empty field or section (README, "Empty fields in the plan")."""
    return format_html('<span class="leeg">{}</span>', _("niet ingevuld"))


@register.filter
def of_leeg(waarde):
    """The value (escaped), or "niet ingevuld" when it is empty."""
    if waarde is None or not str(waarde).strip():
        return niet_ingevuld()
    return format_html("{}", waarde)


@register.filter
def regels_of_leeg(waarde):
    """A text with its line breaks, or "niet ingevuld" when it is empty."""
    if waarde and str(waarde).strip():
        return linebreaksbr(waarde)
    return niet_ingevuld()


@register.simple_tag
def tekstvak(waarde):
    """A text section as a paragraph with its line breaks, or "niet ingevuld"."""
    if waarde and str(waarde).strip():
        return format_html("<p>{}</p>", linebreaksbr(waarde))
    return format_html('<p class="leeg">{}</p>', _("niet ingevuld"))


@register.filter
def kz_regel(k) -> str:
    """A kracht or zorg: who says it, what (a quote literally), since when, consequences
    (002 DEEL H, Krachten & zorgen)."""
    wat = _get(k, "wat")
    if _get(k, "citaat") and wat:
        wat = f"“{wat.strip()}”"
    return samen(
        _get(k, "wie"),
        (": ", wat),
        (", " + _("sinds") + " ", _get(k, "sinds")),
        (". " + _("Gevolgen") + ": ", _get(k, "gevolgen")),
    )


@register.filter
def hulp_regel(h) -> str:
    """Eerdere hulpverlening: which help, by whom, when, and the result (002 DEEL H)."""
    return samen(
        _get(h, "hulp"),
        (", " + _("door") + " ", _get(h, "door")),
        (", ", _get(h, "wanneer")),
        (". " + _("Resultaat") + ": ", _get(h, "resultaat")),
    )


@register.filter
def actie_regel(a) -> str:
    """An action of a snapshot: wie doet wat wanneer, and its status."""
    wanneer = _get(a, "wanneer")
    return samen(
        _get(a, "wie"),
        (": ", _get(a, "wat")),
        (" (", _("uiterlijk %(datum)s)") % {"datum": datum_nl(wanneer)} if wanneer else ""),
        (" — ", _get(a, "status")),
    )


@register.filter
def contact_regel(p) -> str:
    """A person with role or organisation and contact details: the procesregisseur, a
    network member or a professional."""
    rol = _get(p, "rol") or _get(p, "organisatie")
    return samen(
        _get(p, "naam"),
        (" (", f"{rol})" if rol else ""),
        (", ", _get(p, "email")),
        (", ", _get(p, "telefoon")),
    )


@register.filter
def casusregisseur_regel(c) -> str:
    """A casusregisseur, a professional or someone of the household or its network, with
    the leefgebieden they hold casusregie on."""
    rol = samen(
        _get(c, "organisatie"),
        (", ", _("uit huishouden of netwerk") if _get(c, "informeel") else ""),
    )
    return samen(
        _get(c, "naam"),
        (" (", f"{rol})" if rol else ""),
        (": ", ", ".join(_get(c, "leefgebieden", []) or [])),
    )


@register.filter
def overleg_regel(o) -> str:
    """A row of "Planning overleg" as one line: which meeting, date, time, place."""
    return samen(
        _get(o, "overleg"),
        (": ", datum_nl(_get(o, "datum"))),
        (", ", _get(o, "tijd")),
        (", ", _get(o, "locatie")),
    )


def minderjarig(lid: dict, peildatum: str) -> bool:
    """Under 18 on the plan's date (both ISO text in a snapshot)."""
    try:
        geboren = date.fromisoformat(lid["geboortedatum"])
        op = date.fromisoformat(peildatum)
    except (KeyError, TypeError, ValueError):
        return False
    return (op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))) < 18


def _adres(lid: dict, contact: dict) -> tuple[str, str]:
    """(straat en huisnummer, postcode en woonplaats) of a member: their own address, split
    at a Dutch postcode when it has one, or else the household's (a member's address is only
    recorded when it differs from the household's)."""
    eigen = (lid.get("adres") or "").strip()
    if not eigen:
        return (
            contact.get("adres", ""),
            samen(contact.get("postcode", ""), (" ", contact.get("woonplaats", ""))),
        )
    gevonden = POSTCODE.search(eigen)
    if not gevonden:
        return eigen, ""
    return eigen[: gevonden.start()].strip(" ,"), eigen[gevonden.start() :].strip(" ,")


@register.simple_tag
def contact_velden(v) -> list[tuple[str, str]]:
    """The household's "Contactgegevens" as the format lists them (002 DEEL H)."""
    c = v.get("contactgegevens") or {}
    return [
        (_("Naam"), c.get("naam", "")),
        (_("Straat en huisnummer"), c.get("adres", "")),
        (_("Postcode en woonplaats"), samen(c.get("postcode", ""), (" ", c.get("woonplaats", "")))),
        (_("Telefoonnummer"), c.get("telefoon", "")),
        (_("E-mail"), c.get("email", "")),
    ]


@register.simple_tag
def gezinslid_velden(v, lid) -> list[tuple[str, str]]:
    """The fields of one member as the format lists them (002 DEEL H, Ondersteuningsplan,
    "Gezinsleden": naam, geslacht, geboortedatum, rol in het gezin, gezag [bij jeugdige],
    burgerlijke staat, beroep, straat en huisnummer, postcode en woonplaats, telefoon,
    e-mail). Gezag only for a minor on the plan's date (or when it was recorded)."""
    straat, postcode = _adres(lid, v.get("contactgegevens") or {})
    velden = [
        (_("Naam"), lid.get("naam", "")),
        (_("Geslacht"), lid.get("geslacht", "")),
        (_("Geboortedatum"), datum_nl(lid.get("geboortedatum", ""))),
        (_("Rol in het gezin"), lid.get("rol", "")),
    ]
    if lid.get("gezag") or minderjarig(lid, v.get("datum", "")):
        velden.append((_("Gezag"), lid.get("gezag", "")))
    velden += [
        (_("Burgerlijke staat"), lid.get("burgerlijke_staat", "")),
        (_("Beroep"), lid.get("beroep", "")),
        (_("Straat en huisnummer"), straat),
        (_("Postcode en woonplaats"), postcode),
        (_("Telefoon"), lid.get("telefoon", "")),
        (_("E-mail"), lid.get("email", "")),
    ]
    return velden


def aanvraag(v) -> bool:
    """Whether the version served as an aanvraag or beschikking. Versions fixed before the
    switch existed (issue #12) did when a check was recorded for anyone: nothing else tells."""
    if "aanvraag_beschikking" in v:
        return bool(v["aanvraag_beschikking"])
    return any(
        o.get("woonplaatsbeginsel") or o.get("legitimatie") for o in v.get("overige_gegevens", [])
    )


@register.simple_tag
def overige_gegevens(v) -> dict:
    """ "Overige gegevens" per member (002 DEEL H): consent to share information; the VIR
    signal for a minor; and only "indien het een aanvraag of beschikking betreft" whether the
    woonplaatsbeginsel and the legitimatie were checked."""
    ja_nee = {True: _("ja"), False: _("nee"), None: ""}
    met_aanvraag = aanvraag(v)
    leden = {lid.get("naam"): lid for lid in v.get("gezinsleden", [])}
    rijen = []
    for o in v.get("overige_gegevens", []):
        lid = leden.get(o.get("naam"), {})
        jong = minderjarig(lid, v.get("datum", "")) or o.get("vir") is not None
        rijen.append(
            {
                "naam": o.get("naam", ""),
                "toestemming": ja_nee[bool(o.get("toestemming"))],
                "vir": ja_nee[o.get("vir")] if jong else _("n.v.t."),
                "woonplaatsbeginsel": ja_nee[bool(o.get("woonplaatsbeginsel"))],
                "legitimatie": ja_nee[bool(o.get("legitimatie"))],
            }
        )
    return {"aanvraag": met_aanvraag, "rijen": rijen}
