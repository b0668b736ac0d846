"""Applies a changed data file of the method to a running installation (issue #13).

The method's texts live as JSON under `<app>/data/` and data migrations load them on a
fresh install (huishoudens 0002: werkproces.json, plannen 0007: uitnodigingen.json,
regiekaart 0002: niveaus.json). A migration runs once, so an edit to the file later would
reach only new installations. Each app therefore has a command `<file>_bijwerken` that
brings an existing database in line with the file:

- rows are matched on a key (a phase action on fase, rol and volgorde; a level on its
  number; an invitation text on soort and vorm); a new key is added, a changed field is
  written, a key gone from the file is removed, switched off, or refused (per table);
- it reports every change by key (added, changed with the fields, removed) and with
  `--dry-run` saves nothing; everything is one transaction, so a refused removal leaves
  the database as it was;
- a second run reports nothing: the command is idempotent.

The file wins: a change made in the admin to a row the file owns is overwritten, which the
dry run shows first. Rows the file does not own (an organisation's own start criteria or
invitation texts) are never touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ProtectedError, QuerySet

TOEGEVOEGD, GEWIJZIGD, VERWIJDERD, UITGEZET = "toegevoegd", "gewijzigd", "verwijderd", "uitgezet"


@dataclass
class Tabel:
    """One table kept in line with one list of the file."""

    naam: str  # shown in the report, e.g. "acties"
    queryset: QuerySet  # the rows the file owns
    sleutel: tuple[str, ...]  # fields that identify a row in the file and the table
    rijen: list[dict[str, Any]]  # from the file: the key fields and the fields to keep equal
    vast: dict[str, Any] = field(default_factory=dict)  # set on new rows, never compared
    # A key gone from the file: None deletes the row; a dict of values switches it off
    # instead (start criteria are never deleted); verwijderen=False refuses.
    uitzetten: dict[str, Any] | None = None
    verwijderen: bool = True


@dataclass(frozen=True)
class Wijziging:
    soort: str
    tabel: str
    sleutel: tuple[tuple[str, Any], ...]
    velden: tuple[str, ...] = ()

    def __str__(self) -> str:
        key = " ".join(f"{k}={v}" for k, v in self.sleutel)
        fields = f": {', '.join(self.velden)}" if self.velden else ""
        return f"{self.soort:<11}{self.tabel} {key}{fields}"


def _key(tabel: Tabel, values) -> tuple[tuple[str, Any], ...]:
    get = values.get if isinstance(values, dict) else lambda k: getattr(values, k)
    return tuple((k, get(k)) for k in tabel.sleutel)


def _check(obj) -> None:
    try:
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as e:
        raise CommandError(f"Ongeldige waarde in het bestand voor {obj!r}: {e}") from None


def tabel_bijwerken(*, tabel: Tabel) -> list[Wijziging]:
    """Brings one table in line with its rows from the file; call inside a transaction."""
    model = tabel.queryset.model
    for rij in tabel.rijen:
        for name in rij:
            try:
                model._meta.get_field(name)
            except FieldDoesNotExist:
                raise CommandError(
                    f"{tabel.naam}: onbekend veld {name!r} in het bestand."
                ) from None
    bestaand = {_key(tabel, obj): obj for obj in tabel.queryset.select_for_update()}
    wijzigingen: list[Wijziging] = []
    gezien: set = set()
    for rij in tabel.rijen:
        try:
            key = _key(tabel, rij)
        except KeyError as e:
            raise CommandError(f"{tabel.naam}: een rij in het bestand mist {e}.") from None
        if key in gezien:
            raise CommandError(f"{tabel.naam}: {dict(key)} staat twee keer in het bestand.")
        gezien.add(key)
        obj = bestaand.get(key)
        if obj is None:
            obj = model(**tabel.vast, **rij)
            _check(obj)
            obj.save()
            wijzigingen.append(Wijziging(TOEGEVOEGD, tabel.naam, key))
            continue
        velden = tuple(k for k, v in rij.items() if getattr(obj, k) != v)
        if velden:
            for k in velden:
                setattr(obj, k, rij[k])
            _check(obj)
            obj.save(update_fields=velden)
            wijzigingen.append(Wijziging(GEWIJZIGD, tabel.naam, key, velden))
    for key in sorted(set(bestaand) - gezien, key=repr):
        obj = bestaand[key]
        if not tabel.verwijderen:
            raise CommandError(
                f"{tabel.naam}: {dict(key)} ontbreekt in het bestand; deze rij verwijdert "
                "de opdracht niet. Er is niets bijgewerkt."
            )
        if tabel.uitzetten is not None:
            velden = tuple(k for k, v in tabel.uitzetten.items() if getattr(obj, k) != v)
            if velden:
                for k in velden:
                    setattr(obj, k, tabel.uitzetten[k])
                obj.save(update_fields=velden)
                wijzigingen.append(Wijziging(UITGEZET, tabel.naam, key, velden))
            continue
        try:
            obj.delete()
        except ProtectedError as e:
            raise CommandError(
                f"{tabel.naam}: {dict(key)} ontbreekt in het bestand maar is nog in gebruik "
                f"({len(e.protected_objects)} verwijzing(en)); er is niets bijgewerkt. Zet de "
                "rij terug in het bestand, of pas alleen de tekst aan."
            ) from None
        wijzigingen.append(Wijziging(VERWIJDERD, tabel.naam, key))
    return wijzigingen


def tabellen_bijwerken(*, tabellen: list[Tabel], opslaan: bool) -> list[Wijziging]:
    """All tables in one transaction; without `opslaan` it is rolled back (a dry run that
    still finds every refusal)."""
    with transaction.atomic():
        wijzigingen = [w for tabel in tabellen for w in tabel_bijwerken(tabel=tabel)]
        if not opslaan:
            transaction.set_rollback(True)
    return wijzigingen


class BijwerkenCommand(BaseCommand):
    """Base of the `<file>_bijwerken` commands: a subclass names its file and its tables."""

    bestand: Path

    def tabellen(self, data: dict) -> list[Tabel]:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="toon wat er zou veranderen, maar sla niets op",
        )
        parser.add_argument(
            "--bestand",
            type=Path,
            default=None,
            help=f"een ander JSON-bestand dan {self.bestand.relative_to(self.bestand.parents[2])}",
        )

    def handle(self, *args, dry_run: bool, bestand: Path | None, **options):
        path = bestand or self.bestand
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise CommandError(f"Kan {path} niet lezen: {e}") from None
        wijzigingen = tabellen_bijwerken(tabellen=self.tabellen(data), opslaan=not dry_run)
        for w in wijzigingen:
            self.stdout.write(str(w))
        if not wijzigingen:
            self.stdout.write(f"Geen wijzigingen: de database volgt {path.name} al.")
        elif dry_run:
            self.stdout.write(
                f"Proefdraai: {len(wijzigingen)} wijziging(en) gevonden, niets opgeslagen."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"{len(wijzigingen)} wijziging(en) uit {path.name} opgeslagen.")
            )
