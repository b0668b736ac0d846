"""Who receives a fixed plan, decided per recipient (issue #12).

Seed: 002 Fase 4 step 1 "Stuur de klant en professionals een pdf van het
ondersteuningsplan"; 002 ch. 7: consent is needed "om informatie over de betrokkene aan
anderen te geven" (so not for the household's own plan), and the bewindvoerder consents only
"voor de goederen / financiën die onder bewind staan".
"""

import datetime

import pytest

from huishoudens.models import Netwerklid, Toestemming
from plannen.selectors.plan import bewind_zonder_toestemming, plan_recipients
from tests.factories import GezinslidFactory

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date.today()


def _geboren(jaren):
    return datetime.date(VANDAAG.year - jaren, 1, 1)


@pytest.fixture
def gezin(traject, gezinslid):
    """Anna (no address), two parents with gezag living apart, a 14- and an 8-year-old,
    grandmother with an address, a neighbour without one."""
    h = traject.huishouden
    gezinslid.email = ""
    gezinslid.save()
    leden = {
        "anna": gezinslid,
        "fatima": GezinslidFactory(huishouden=h, voornaam="Fatima", email="fatima@voorbeeld.nl"),
        "ruben": GezinslidFactory(
            huishouden=h, voornaam="Ruben", email="ruben@voorbeeld.nl", adres="Elders 1"
        ),
        "sem": GezinslidFactory(
            huishouden=h,
            voornaam="Sem",
            geboortedatum=_geboren(14),
            rol_in_gezin="kind",
            gezag="beide_ouders",
            email="sem@voorbeeld.nl",
        ),
        "lot": GezinslidFactory(
            huishouden=h,
            voornaam="Lot",
            geboortedatum=_geboren(8),
            rol_in_gezin="kind",
            gezag="beide_ouders",
        ),
    }
    Netwerklid.objects.create(huishouden=h, naam="Riet", rol="oma", email="riet@voorbeeld.nl")
    Netwerklid.objects.create(huishouden=h, naam="Ans", rol="buurvrouw")
    return leden


def _toestemming(lid, toestemmer, door):
    Toestemming.objects.create(
        gezinslid=lid,
        toestemmer=toestemmer,
        naam_toestemmer=f"{toestemmer} van {lid.voornaam}",
        status="gegeven",
        datum=VANDAAG,
        vastgelegd_door=door,
    )


def _per_naam(versie):
    return {o.naam: o for o in plan_recipients(versie)}


def test_without_consent_the_household_still_gets_its_own_plan(
    planversie, gezin, procesregisseur, casusregisseur
):
    ontvangers = _per_naam(planversie)
    ontvangen = sorted(o.email for o in ontvangers.values() if o.ontvangt)
    # Both parents, the second one living apart included; the household address is empty.
    assert ontvangen == ["fatima@voorbeeld.nl", "ruben@voorbeeld.nl"]
    assert "jonger dan 16" in ontvangers[str(gezin["sem"])].reden
    assert ontvangers[str(gezin["anna"])].reden == "geen e-mailadres bekend"
    # Network members are listed, and say why they are left out.
    assert "geen (volledige) toestemming" in ontvangers["Riet (oma)"].reden
    assert ontvangers["Ans (buurvrouw)"].reden == "geen e-mailadres bekend"
    regisseur = ontvangers[procesregisseur.get_full_name()]
    assert "geen (volledige) toestemming" in regisseur.reden and "Lot" in regisseur.reden


def test_with_everyone_s_consent_network_and_professionals_receive_it(
    planversie, gezin, procesregisseur, casusregisseur
):
    for naam in ("anna", "fatima", "ruben"):
        _toestemming(gezin[naam], "betrokkene", procesregisseur)
    _toestemming(gezin["sem"], "betrokkene", procesregisseur)
    for kind in ("sem", "lot"):
        _toestemming(gezin[kind], "gezaghebbende", procesregisseur)
    # One parent's consent is not enough (002 ch. 7): the others still wait.
    assert not _per_naam(planversie)["Riet (oma)"].ontvangt
    for kind in ("sem", "lot"):
        _toestemming(gezin[kind], "gezaghebbende_2", procesregisseur)
    ontvangers = _per_naam(planversie)
    ontvangen = {o.email for o in ontvangers.values() if o.ontvangt}
    assert ontvangen == {
        "fatima@voorbeeld.nl",
        "ruben@voorbeeld.nl",
        "riet@voorbeeld.nl",
        procesregisseur.email,
        casusregisseur.email,
    }
    # Each address once, although the regisseurs are also involved professionals.
    emails = [o.email for o in ontvangers.values() if o.email]
    assert len(emails) == len(set(e.lower() for e in emails))


def test_bewind_does_not_stop_the_plan_but_is_reminded(planversie, gezinslid, procesregisseur):
    gezinslid.vertegenwoordiging = "bewind"
    gezinslid.vertegenwoordiger = "Bureau Geldzaak"
    gezinslid.save()
    _toestemming(gezinslid, "betrokkene", procesregisseur)
    ontvangers = plan_recipients(planversie)
    assert procesregisseur.email in {o.email for o in ontvangers if o.ontvangt}
    assert bewind_zonder_toestemming(planversie) == [str(gezinslid)]
    _toestemming(gezinslid, "bewindvoerder", procesregisseur)
    assert bewind_zonder_toestemming(planversie) == []
