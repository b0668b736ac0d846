"""Intake cannot decline 1Gezin1Plan1Regisseur after a safety concern (issue #12).

Seed: 002 Fase 1 step 2 "(acute) onveiligheid en/of onvoldoende basiszorg? Ga naar
'Aanvullende acties bij onveiligheid' en start altijd 1Gezin1Plan1Regisseur"; 002 Fase 2
step 7; 004 Fase 2 Toelichting "1Gezin1Plan1Regisseur wordt altijd ingezet bij situaties van
onvoldoende basiszorg, onveiligheid, ...". Without such a flag "Nee, geen start" stays
possible (002 Fase 2 step 3: start "volgens de criteria").
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from huishoudens import services
from huishoudens.constants import Fase
from huishoudens.models import Traject
from tests.factories import HuishoudenFactory

VLAGGEN = [
    {"acuut": True, "zorgen_veiligheid": True},
    {"zorgen_veiligheid": True},
    {"zorgen_basiszorg": True},
]


def _aanmelding_in_intake(door, **vlaggen):
    traject = services.aanmelding_create(
        huishouden=HuishoudenFactory(aangemaakt_door=door),
        door=door,
        vraag="Vraag",
        melder_naam="Huisarts",
        **vlaggen,
    )
    services.traject_move(traject=traject, naar=Fase.INTAKE, door=door, verwacht_van="1")
    traject.refresh_from_db()
    return traject


def _nee(traject, door):
    return services.intake_save(
        traject=traject,
        door=door,
        verwacht_van=Fase.INTAKE,
        criteria_ja=[],
        toelichting="",
        besluit_start=False,
        besluit_reden="Past bij het wijkteam",
    )


@pytest.mark.parametrize("vlaggen", VLAGGEN, ids=["acuut", "veiligheid", "basiszorg"])
def test_every_flag_opens_a_signal(db, procesregisseur, vlaggen):
    traject = _aanmelding_in_intake(procesregisseur, **vlaggen)
    assert traject.signalen.filter(afgesloten_op__isnull=True).count() == 1


@pytest.mark.parametrize("vlaggen", VLAGGEN, ids=["acuut", "veiligheid", "basiszorg"])
def test_no_start_is_refused_with_the_seeds_reason_even_after_the_signal_closed(
    db, procesregisseur, vlaggen
):
    traject = _aanmelding_in_intake(procesregisseur, **vlaggen)
    # The signal's own closing does not undo what the aanmelding reported.
    traject.signalen.update(afgesloten_op=timezone.now(), afsluiting="besproken")
    with pytest.raises(services.MoveRefused) as refused:
        _nee(traject, procesregisseur)
    assert "start 1Gezin1Plan1Regisseur altijd" in refused.value.reasons[0]
    traject.refresh_from_db()
    assert traject.fase == Fase.INTAKE and traject.besluit_start is None
    assert not traject.intake_antwoorden.exists()


def test_without_a_flag_no_start_still_closes(db, procesregisseur):
    traject = _aanmelding_in_intake(procesregisseur)
    assert services.no_start_refusal(traject) == ""
    _nee(traject, procesregisseur)
    traject.refresh_from_db()
    assert traject.fase == Fase.GESLOTEN


def test_the_intake_page_does_not_offer_no_start_and_explains_why(db, login, procesregisseur):
    traject = _aanmelding_in_intake(procesregisseur, zorgen_basiszorg=True)
    client = login(procesregisseur)
    url = reverse("huishoudens:intake", args=[traject.pk])
    page = client.get(url).content.decode()
    assert "Nee, geen start" not in page.replace("‘Nee, geen start’ kan hier niet", "")
    assert "zorgen over onvoldoende basiszorg" in page
    response = client.post(
        url, {"van": Fase.INTAKE, "besluit_start": "nee", "besluit_reden": "Wijkteam"}
    )
    assert response.status_code == 200
    assert "start 1Gezin1Plan1Regisseur altijd" in response.content.decode()
    assert Traject.objects.get(pk=traject.pk).fase == Fase.INTAKE


def test_the_intake_page_offers_no_start_without_a_flag(db, login, procesregisseur):
    traject = _aanmelding_in_intake(procesregisseur)
    page = login(procesregisseur).get(reverse("huishoudens:intake", args=[traject.pk]))
    assert "Nee, geen start" in page.content.decode()
