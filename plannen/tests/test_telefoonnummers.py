"""Phone numbers of contacts (issue #12): the Veiligheidsplan's contact "Veilig Thuis,
0800-2000" was refused. The shared validation (regie.validators, used by every form with a
`telefoon` field) accepts Dutch service numbers and the common spellings."""

import pytest
from django.urls import reverse

from plannen.forms import ContactForm
from plannen.services import veiligheidsplan as veiligheid
from regie.validators import telefoon_geldig

GELDIG = [
    "0800-2000",  # Veilig Thuis
    "0800 0432",  # De Kindertelefoon
    "0800-1234567",
    "0900-8844",  # police, no emergency
    "0900 1234567",
    "088 123 4567",
    "112",
    "113",
    "116 111",
    "14 020",
    "14 0182",
    "0182 123 456",
    "0182-123456",
    "(0182) 12 34 56",
    "010.123.45.67",
    "06-12345678",
    "06 1234 5678",
    "+31 6 12345678",
    "+31 (0)6 12345678",
    "+31 800 2000",
    "0031 182 123456",
    "+32 2 123 45 67",
    "+44 20 7946 0958",
]

ONGELDIG = [
    "12",
    "0800-20",
    "0800 12345",
    "bel mij",
    "12ab",
    "0182 123 45",
    "0182 123 4567",
    "+31 6 1234",
    "++31612345678",
    "06 12345678 of 06 87654321",
    "14 182",
    "111",
    "+0 123 4567",
]


@pytest.mark.parametrize("nummer", GELDIG)
def test_dutch_service_numbers_and_common_spellings_are_accepted(nummer):
    assert telefoon_geldig(nummer)


@pytest.mark.parametrize("nummer", ONGELDIG)
def test_nonsense_is_still_refused(nummer):
    assert not telefoon_geldig(nummer)


def test_the_contact_form_takes_veilig_thuis():
    form = ContactForm(
        {
            "naam": "Veilig Thuis",
            "wanneer_bellen": "Bij zorgen, dag en nacht",
            "telefoon": "0800-2000",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["telefoon"] == "0800-2000"


def test_the_contact_form_refuses_in_dutch():
    form = ContactForm({"naam": "Riet", "wanneer_bellen": "Altijd", "telefoon": "0800-20"})
    assert not form.is_valid()
    assert "Vul een geldig telefoonnummer in" in form.errors["telefoon"][0]


def test_adding_veilig_thuis_on_the_page(login, procesregisseur, traject, plan):
    vp = veiligheid.veiligheidsplan_start(plan=plan, namen="Anna Jansen")
    login(procesregisseur).post(
        reverse("plannen:contact", args=[traject.pk]),
        {"naam": "Veilig Thuis", "wanneer_bellen": "Bij zorgen", "telefoon": "0800-2000"},
    )
    assert list(vp.contacten.values_list("telefoon", flat=True)) == ["0800-2000"]
