"""The steps of the whole-household browser journey (tests/test_browser_huishouden.py):
filling in the forms it visits more than once, and the date formats it reads."""

import datetime
import re

from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from tests.browser import assert_no_axe_violations


def lang(datum: datetime.date) -> str:
    return date_format(datum, "j F Y")


def kort(datum: datetime.date) -> str:
    return datum.strftime("%d-%m-%Y")


def hele_label(tekst: str) -> re.Pattern:
    """The whole label, with the whitespace and required "*" crispy puts around it: for a
    short label ("Naam", "Wie") that is also part of a longer one on the same page."""
    return re.compile(rf"^\s*{re.escape(tekst)}[\s*]*$")


def gezinslid_toevoegen(page: Page, velden: dict, selecties: dict, axe: bool = False) -> None:
    page.get_by_role("link", name="Gezinslid toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gezinslid toevoegen")
    if axe:
        assert_no_axe_violations(page)
    for label, waarde in velden.items():
        page.get_by_label(label, exact=label == "Adres").fill(waarde)
    for label, waarde in selecties.items():
        page.get_by_label(label).select_option(label=waarde)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messages")).to_have_text("Opgeslagen.")


def toestemming_vastleggen(
    page: Page, lid: str, namens: str, naam: str, fout: str = "", axe: bool = False
) -> None:
    page.get_by_role("link", name=f"Toestemming vastleggen voor {lid}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Toestemming informatie delen: {lid}"
    )
    if axe:
        assert_no_axe_violations(page)
    page.get_by_label("Gegeven door (hoedanigheid)").select_option(label=namens)
    page.get_by_label("Naam van wie toestemming geeft").fill(naam)
    page.get_by_label("Status").select_option(label="Gegeven")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    if fout:
        expect(page.locator("main")).to_contain_text(fout)
        assert_no_axe_violations(page)
        page.get_by_role("link", name="Annuleren").click()
        return
    expect(page.locator(".messages")).to_have_text("Opgeslagen.")


def kies_overleg(select, soort: str) -> None:
    """Choose the traject's meeting of this kind in a meeting select (issue #12: a choice of
    the traject's meetings, labelled "Startoverleg, 3 december 2026 (gehouden)")."""
    waarde = select.locator("option", has_text=f"{soort}, ").first.get_attribute("value")
    select.select_option(value=waarde)


def score_invullen(page: Page, *, overleg: str, naam: str, cijfer: int, toelichting: str) -> None:
    """One answer to the schaalvraag on the Veiligheidsplan page. The one place that knows
    the score form; the date is the chosen meeting's."""
    schaalvraag = page.get_by_role("region", name="Schaalvraag")
    schaalvraag.locator("summary", has_text="Cijfer toevoegen").click()
    # Whole labels: the chart's description also speaks of "cijfers" and "overleggen".
    kies_overleg(schaalvraag.get_by_label("In welk overleg?"), overleg)
    schaalvraag.get_by_label(hele_label("Naam")).fill(naam)
    schaalvraag.get_by_label(hele_label("Cijfer")).fill(str(cijfer))
    schaalvraag.get_by_label(hele_label("Toelichting")).fill(toelichting)
    schaalvraag.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".messages")).to_have_text("Toegevoegd aan het Veiligheidsplan.")
