"""The checklist templates from `implementatie/data/*.json` into the database (issue #14).

One file per source (001, 000, 002 h. 10 plans, 002 h. 10 task profiles, 002 h. 11, 003), each
with one or more templates; a template has themes, a theme items, and every item its level
(regio, gemeente, organisatie), text, optional sub-items, the "optioneel" flag of 002 h. 10
and its `bron` (seed and section). A fix of the source's text is listed under `correcties`
as {bron, tekst, reden}: the item shows the fixed text, `correctie` notes each fix beside the
source, and the test undoes them to find the seed's own words.

Migration 0002 loads the files on a fresh install and `manage.py checklists_bijwerken`
brings a running installation in line with them, both through `bijwerken()` and the shared
engine `regie.management.bijwerken` (matched by key, every change reported, dry run,
one transaction, idempotent). A template, theme or item gone from the files is switched off,
never deleted: plans refer to it. Templates a beheerder made or copied are never touched.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.db import transaction

from regie.management.bijwerken import Tabel, Wijziging, tabel_bijwerken

DATA = Path(__file__).resolve().parent / "data"
BRON_MAX = 300


def bestanden(map: Path = DATA) -> list[Path]:
    """The checklist files, named by their seed ("001_...json"); the evaluation's
    questionnaires (`evaluatie.json`) share the folder but are not checklists."""
    return sorted(map.glob("[0-9][0-9][0-9]_*.json"))


def correctie_notitie(correcties: list[dict]) -> str:
    return "; ".join(
        f"'{c['bron']}' in de bron, hier '{c['tekst']}' ({c['reden']})" for c in correcties
    )


def lees(paden: list[Path]) -> list[dict]:
    """The templates of all files, each with its file's source and explanation."""
    sjablonen = []
    for pad in paden:
        try:
            data = json.loads(pad.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise CommandError(f"Kan {pad} niet lezen: {e}") from None
        for sjabloon in data["sjablonen"]:
            sjablonen.append({**sjabloon, "bron": data["bron"], "toelichting": data["toelichting"]})
    return sjablonen


def bijwerken(
    *, Sjabloon, Thema, SjabloonItem, paden: list[Path], opslaan: bool
) -> list[Wijziging]:
    """Bring the file-owned templates in line with `paden`; the models are passed in so the
    data migration can use its historical ones."""
    sjablonen = lees(paden)
    wijzigingen: list[Wijziging] = []
    with transaction.atomic():
        wijzigingen += tabel_bijwerken(
            tabel=Tabel(
                naam="checklists",
                queryset=Sjabloon.objects.filter(uit_bestand=True),
                sleutel=("sleutel",),
                rijen=[
                    {
                        "sleutel": s["sleutel"],
                        "naam": s["naam"],
                        "beschrijving": s.get("beschrijving", ""),
                        "bron": s["bron"][:BRON_MAX],
                        "toelichting": s["toelichting"],
                        "standaard": s.get("standaard", False),
                        "volgorde": s["volgorde"],
                        "actief": True,
                    }
                    for s in sjablonen
                ],
                vast={"uit_bestand": True},
                uitzetten={"actief": False},
            )
        )
        sjabloon_ids = dict(Sjabloon.objects.filter(uit_bestand=True).values_list("sleutel", "pk"))
        wijzigingen += tabel_bijwerken(
            tabel=Tabel(
                naam="thema's",
                queryset=Thema.objects.filter(sjabloon__uit_bestand=True),
                sleutel=("sjabloon_id", "code"),
                rijen=[
                    {
                        "sjabloon_id": sjabloon_ids[s["sleutel"]],
                        "code": t["code"],
                        "titel": t["titel"],
                        "inleiding": t.get("inleiding", ""),
                        "resultaat": t.get("resultaat", ""),
                        "bron": t.get("bron", "")[:BRON_MAX],
                        "volgorde": volgorde,
                        "actief": True,
                    }
                    for s in sjablonen
                    for volgorde, t in enumerate(s["themas"], start=1)
                ],
                uitzetten={"actief": False},
            )
        )
        thema_ids = {
            (sjabloon_id, code): pk
            for sjabloon_id, code, pk in Thema.objects.filter(
                sjabloon__uit_bestand=True
            ).values_list("sjabloon_id", "code", "pk")
        }
        rijen = []
        for s in sjablonen:
            sjabloon_id = sjabloon_ids[s["sleutel"]]
            for t in s["themas"]:
                for volgorde, i in enumerate(t["items"], start=1):
                    rijen.append(
                        {
                            "sjabloon_id": sjabloon_id,
                            "sleutel": i["sleutel"],
                            "thema_id": thema_ids[(sjabloon_id, t["code"])],
                            "niveau": i["niveau"],
                            "tekst": i["tekst"],
                            "subitems": i.get("subitems", []),
                            "optioneel": i.get("optioneel", False),
                            "toelichting": i.get("toelichting", ""),
                            "bron": i["bron"][:BRON_MAX],
                            "correctie": correctie_notitie(i.get("correcties", [])),
                            "volgorde": volgorde,
                            "actief": True,
                        }
                    )
        wijzigingen += tabel_bijwerken(
            tabel=Tabel(
                naam="items",
                queryset=SjabloonItem.objects.filter(sjabloon__uit_bestand=True),
                sleutel=("sjabloon_id", "sleutel"),
                rijen=rijen,
                uitzetten={"actief": False},
            )
        )
        if not opslaan:
            transaction.set_rollback(True)
    return wijzigingen
