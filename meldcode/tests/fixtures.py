"""Domain fixtures of the meldcode. Registered for the whole suite by the root conftest.py."""

import pytest

from regie.constants import Rol
from tests.factories import UserFactory

# --- meldcode (#10): Karim opened a dossier on the traject for Anna -----------------------


@pytest.fixture
def dossier(traject, casusregisseur, gezinslid):
    from meldcode.constants import Aanleiding
    from meldcode.services import dossier_open

    return dossier_open(
        traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT, leden=[gezinslid]
    )


@pytest.fixture
def meldcode_signalen(dossier, casusregisseur):
    """Stap 0 recorded once."""
    from meldcode.services import signalen_record

    return signalen_record(
        dossier=dossier,
        door=casusregisseur,
        vormen=["kindermishandeling"],
        toelichting="Blauwe plek op de arm van Anna, gezien op school.",
    )


@pytest.fixture
def vt_melding(dossier, casusregisseur):
    """A melding bij Veilig Thuis, awaiting feedback."""
    import datetime

    from meldcode.services import melding_record

    return melding_record(
        dossier=dossier,
        door=casusregisseur,
        op=datetime.date.today(),
        inhoud="Signalen van kindermishandeling gemeld.",
        referentie="VT-2026-0042",
    )


@pytest.fixture
def dossier_toegang(dossier, casusregisseur, org_a):
    """Karim granted a colleague (not otherwise involved) access by name."""
    from meldcode.services import toegang_grant

    collega = UserFactory(
        organisatie=org_a,
        rollen=[Rol.CASUSREGISSEUR],
        with_totp=True,
        first_name="Aisha",
        email="aisha@regie.test",
    )
    return toegang_grant(
        dossier=dossier, door=casusregisseur, user=collega, reden="Geraadpleegd in stap 2."
    )


@pytest.fixture
def crisiscontact(org_a):
    from meldcode.models import CrisisContact

    return CrisisContact.objects.create(
        regio=org_a.gemeente.regio, naam="Crisisdienst GGZ Midden-Holland", telefoon="0182 123 456"
    )


@pytest.fixture
def instrumentscholing(casusregisseur):
    import datetime

    from meldcode.models import InstrumentScholing

    return InstrumentScholing.objects.create(
        user=casusregisseur, instrument="arij", geschoold_op=datetime.date(2025, 9, 1)
    )
