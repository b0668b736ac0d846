"""What the benchmarks share: a region, a team, a procesregisseur and a traject."""

import datetime
import uuid

from huishoudens import services as hh
from regie.models import Gemeente, Organisatie, Regio, User


def bench_traject():
    run = uuid.uuid4().hex[:8]  # a fresh set per run, so a kept database can run it again
    regio = Regio.objects.create(naam=f"Bench regio {run}")
    gemeente = Gemeente.objects.create(naam=f"Bench gemeente {run}", regio=regio)
    org = Organisatie.objects.create(
        naam=f"Bench team {run}", soort="lokaal_team", gemeente=gemeente
    )
    user = User.objects.create_user(
        email=f"bench-{run}@regie.test", first_name="Bench", last_name="Regisseur", organisatie=org
    )
    lid = {
        "voornaam": "Anna",
        "achternaam": "Bench",
        "geslacht": "v",
        "geboortedatum": datetime.date(1980, 1, 1),
        "rol_in_gezin": "ouder",
    }
    huishouden = hh.huishouden_create(door=user, lid=lid, naam="Familie Bench", gemeente=gemeente)
    traject = hh.aanmelding_create(
        huishouden=huishouden, door=user, vraag="Benchmark", melder_naam="x"
    )
    return user, traject
