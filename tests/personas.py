"""Who the suite's personas are, by fixture name (the fixtures are in the root conftest.py)."""

PERSONAS = [
    "anoniem",
    "procesregisseur",
    "casusregisseur",
    "manager",
    "aandachtsfunctionaris",
    "agendahouder",
    "beheerder",
    "privacyfunctionaris",
    "buitenstaander",
]
