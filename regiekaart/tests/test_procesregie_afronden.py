"""The level-1 advice "rond de procesregie af" can be carried out (issue #12; 002 ch. 5,
Niveau 1: there is no procesregisseur, casusregie is "uzelf, een familielid, een goede
vriend"). The regiekaart tells huishoudens through `register_procesregie_afronden`."""

import pytest
from django.urls import reverse

from huishoudens.models import BetrokkenheidAfsluiting, TrajectBetrokkene
from regie.models import Bericht
from regiekaart.models import TrajectNiveau

pytestmark = pytest.mark.django_db


def test_at_level_1_the_procesregisseur_rounds_procesregie_off(
    login, procesregisseur, casusregisseur, manager, traject
):
    TrajectNiveau.objects.create(traject=traject, nummer=1)
    client = login(procesregisseur)
    page = client.get(reverse("huishoudens:traject", args=[traject.pk])).content.decode()
    assert "Rond de procesregie af" in page
    response = client.post(reverse("huishoudens:procesregie_afronden", args=[traject.pk]))
    assert response.status_code == 302
    assert not TrajectBetrokkene.objects.actief().filter(user=procesregisseur).exists()
    assert TrajectBetrokkene.objects.actief().filter(user=casusregisseur).exists()
    assert BetrokkenheidAfsluiting.objects.get().soort == "niveau_1"
    # Rounding off is no failure to find a successor: the manager is not told.
    assert not Bericht.objects.filter(aan=manager.email).exists()
    assert Bericht.objects.filter(aan=casusregisseur.email).exists()


@pytest.mark.parametrize("nummer", [2, 3])
def test_above_level_1_there_is_no_button_and_the_post_is_refused(
    login, procesregisseur, traject, nummer
):
    TrajectNiveau.objects.create(traject=traject, nummer=nummer)
    client = login(procesregisseur)
    page = client.get(reverse("huishoudens:traject", args=[traject.pk])).content.decode()
    assert "Rond de procesregie af" not in page
    client.post(reverse("huishoudens:procesregie_afronden", args=[traject.pk]))
    assert TrajectBetrokkene.objects.actief().filter(user=procesregisseur).exists()
