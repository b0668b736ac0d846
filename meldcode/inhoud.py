"""The seed's texts of the meldcode (meldcode/data/meldcode.json), read once: steps with
their actions and "Leg vast", the five questions, "Als zorgen blijven", the vereisten voor
goede hulp and the careful-recording guidance (seed 002 ch. 2, ch. 7 and ch. 9 par. 3)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from django.utils.translation import gettext_lazy as _

PATH = Path(__file__).parent / "data" / "meldcode.json"


@functools.cache
def data() -> dict:
    return json.loads(PATH.read_text(encoding="utf-8"))


def stap(code: str) -> dict:
    return next(s for s in data()["stappen"] if s["code"] == code)


def vraag(nummer: int) -> dict:
    return next(v for v in data()["vragen"] if v["nummer"] == nummer)


def vastleg_hulp() -> str:
    """Help text for every free-text field: the seed's first two rules of careful recording
    (002 ch. 7), pointing to the full list and the 'niet zo / maar zo' examples on the page."""
    regels = data()["zorgvuldig_vastleggen"]
    return f"{regels[0]} {regels[1]} " + str(
        _("Zie 'Zorgvuldig vastleggen' voor alle aanwijzingen en voorbeelden.")
    )
