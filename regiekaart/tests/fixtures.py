"""Domain fixtures of the regiekaart. Registered for the whole suite by the root conftest.py."""

import pytest

# --- regiekaart (#6): Petra escalates the traject from level 2 to 3 (D, Z, B and O hold) --


REGIEKAART_CRITERIA_3 = {
    "D": (True, "Ouders zijn uitgeput."),
    "Z": (True, "Post blijft liggen."),
    "B": (True, "Schuldhulp is nodig."),
    "O": (True, "Geschreeuw gehoord door de buren."),
}


@pytest.fixture
def opschaling(traject, procesregisseur):
    from regiekaart.services import opschaling_decide

    return opschaling_decide(
        traject=traject,
        door=procesregisseur,
        verwacht_niveau=2,
        criteria=REGIEKAART_CRITERIA_3,
        naar_niveau=3,
    ).opschaling


@pytest.fixture
def kaartinvulling(org_a, beheerder):
    from regiekaart.services import kaartinvulling_save

    return kaartinvulling_save(
        door=beheerder,
        gemeente=org_a.gemeente,
        rol="wethouder",
        naam="Anita de Groot",
        toelichting="portefeuille Jeugd",
    )
