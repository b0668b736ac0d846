"""Models of implementatie (see apps.py for what this app owns)."""

from .evaluatie import (
    Antwoord,
    Enquete,
    Evaluatie,
    Groep,
    Inzending,
    Link,
    Vraag,
    VraagSoort,
    Vragenlijst,
    VragenlijstSoort,
)

__all__ = [
    "Antwoord",
    "Enquete",
    "Evaluatie",
    "Groep",
    "Inzending",
    "Link",
    "Vraag",
    "VraagSoort",
    "Vragenlijst",
    "VragenlijstSoort",
]
