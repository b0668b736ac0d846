"""The folders of 1Gezin1Plan1Regisseur and phase 2's "folder meegeven".

Seed 002 DEEL F ("Formats: folders") gives three folders: for the client in the u-form,
for the client in the jij-form, and for the professional. Their text is data, in
`huishoudens/data/folders.json`, verbatim with its source per section; the two slips
corrected there are listed under the section's `correcties` (the u-form's "wat wil jij",
the professional folder's "de klant wilt").

Phase 2 of the werkproces (002 DEEL A fase 2: "Geef de klant de folder mee") hands the
client a folder. The household's choice of address (`Huishouden.aanspreekvorm`, also used
for the DEEL G invitations) picks the client folder; a professional gets the professional
folder. A folder holds no household data, so it is printed, shown and e-mailed as is; the
e-mail names neither the household nor the traject. Every handing out (on paper or by
e-mail) is a `FolderUitgereikt` row.

Decided where the seed is silent:
* Everyone involved in the traject in a case role may give or send a folder (the seed
  names the procesregisseur's action; a casusregisseur meets the client too).
* A network member gets the client folder in the household's form (the folder speaks to
  the client and names "familie en vrienden"); an involved professional the professional's.
* Sending needs no consent: the folder and its message carry no household data.
* The professional folder keeps the seed's je-form (it is the seed's text, not Regie's
  own words to the professional); Regie's e-mail around it says "u".

Reads (`folder`, `folder_voor`, `folder_pdf`, `ontvangers`) and the writes
(`folder_record`, `folder_send`: keyword-only, in `transaction.atomic`) live together here
because this module is the whole subject.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import get_template
from django.utils.translation import gettext as _

from huishoudens.models import (
    FolderOntvanger,
    FolderSoort,
    FolderUitgereikt,
    FolderWijze,
    Huishouden,
    Traject,
)

DATA_FILE = Path(__file__).resolve().parent / "data" / "folders.json"
PDF_TEMPLATE = "huishoudens/folders/pdf.html"


@dataclass(frozen=True)
class Sectie:
    kop: str
    tekst: tuple[str, ...]
    lijst: tuple[str, ...] = ()
    citaten: bool = False
    bron: str = ""
    correcties: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Folder:
    soort: str
    doelgroep: str
    vorm: str
    titel: str
    bron: str
    secties: tuple[Sectie, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        return FolderSoort(self.soort).label


@cache
def _load() -> dict[str, Folder]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    folders = {}
    for f in data["folders"]:
        secties = tuple(
            Sectie(
                kop=s["kop"],
                tekst=tuple(s["tekst"]),
                lijst=tuple(s.get("lijst", ())),
                citaten=s.get("citaten", False),
                bron=s["bron"],
                correcties=tuple(s.get("correcties", ())),
            )
            for s in f["secties"]
        )
        folders[f["soort"]] = Folder(
            soort=f["soort"],
            doelgroep=f["doelgroep"],
            vorm=f["vorm"],
            titel=f["titel"],
            bron=f["bron"],
            secties=secties,
        )
    return folders


def folders() -> list[Folder]:
    return list(_load().values())


def folder(soort: str) -> Folder:
    """The folder of `soort` (a FolderSoort value); KeyError for anything else."""
    return _load()[soort]


def klantfolder(huishouden: Huishouden) -> Folder:
    """The client folder in the form the household chose (u unless it chose jij)."""
    return folder(
        FolderSoort.KLANT_JIJ if huishouden.aanspreekvorm == "jij" else FolderSoort.KLANT_U
    )


def folder_voor(huishouden: Huishouden, soort_ontvanger: str) -> Folder:
    if soort_ontvanger == FolderOntvanger.PROFESSIONAL:
        return folder(FolderSoort.PROFESSIONAL)
    return klantfolder(huishouden)


def folder_pdf(soort: str) -> bytes:
    from regie.pdf import render_pdf

    return render_pdf(PDF_TEMPLATE, {"folder": folder(soort)})


def _pdf_bestand(soort: str) -> str:
    """The folder's PDF in storage, for an e-mail attachment (the outbox refers to a stored
    file). Named by a hash of the text and the template, so it is rendered once per
    version of either and every message of that version refers to the same file."""
    f = folder(soort)
    source = get_template(PDF_TEMPLATE).template.source
    digest = hashlib.sha256(json.dumps([asdict(f), source]).encode()).hexdigest()[:16]
    naam = f"folders/{soort}-{digest}.pdf"
    if not default_storage.exists(naam):
        naam = default_storage.save(naam, ContentFile(folder_pdf(soort)))
    return naam


@dataclass(frozen=True)
class Ontvanger:
    """Someone a folder can go to: a household member, a network member or an involved
    professional of the traject's household. `sleutel` identifies them in a form."""

    sleutel: str
    soort: str
    naam: str
    email: str
    omschrijving: str


def ontvangers(traject: Traject) -> list[Ontvanger]:
    huishouden = traject.huishouden
    rows = [
        Ontvanger(
            f"gezinslid:{lid.pk}",
            FolderOntvanger.GEZINSLID,
            str(lid),
            lid.email,
            lid.get_rol_in_gezin_display(),
        )
        for lid in huishouden.leden.all()
    ]
    rows += [
        Ontvanger(f"netwerklid:{n.pk}", FolderOntvanger.NETWERKLID, n.naam, n.email, n.rol)
        for n in huishouden.netwerk.all()
    ]
    rows += [
        Ontvanger(
            f"professional:{p.pk}",
            FolderOntvanger.PROFESSIONAL,
            p.weergavenaam,
            (p.user.email if p.user_id else "") or p.email,
            p.organisatienaam or _("professional"),
        )
        for p in huishouden.professionals.select_related("user__organisatie")
    ]
    return rows


def ontvanger(traject: Traject, sleutel: str) -> Ontvanger:
    for o in ontvangers(traject):
        if o.sleutel == sleutel:
            return o
    raise ValidationError(_("Kies iemand van dit huishouden, het netwerk of de betrokkenen."))


@transaction.atomic
def folder_record(*, traject: Traject, ontvanger: Ontvanger, door) -> FolderUitgereikt:
    """Record that the folder for `ontvanger` was given on paper."""
    return FolderUitgereikt.objects.create(
        traject=traject,
        folder=folder_voor(traject.huishouden, ontvanger.soort).soort,
        wijze=FolderWijze.PAPIER,
        soort_ontvanger=ontvanger.soort,
        ontvanger=ontvanger.naam,
        door=door,
    )


@transaction.atomic
def folder_send(*, traject: Traject, ontvanger: Ontvanger, door) -> FolderUitgereikt:
    """E-mail the folder for `ontvanger` as a PDF through the outbox, and record it.

    The message carries the folder and the sender's name only: no household, no traject."""
    from regie.outbox import bericht_queue

    if not ontvanger.email:
        raise ValidationError(
            _("Van %(naam)s is geen e-mailadres bekend: geef de folder op papier mee.")
            % {"naam": ontvanger.naam}
        )
    f = folder_voor(traject.huishouden, ontvanger.soort)
    bericht = bericht_queue(
        aan=ontvanger.email,
        template="folder",
        bijlage=_pdf_bestand(f.soort),
        bijlage_naam="folder-1gezin1plan1regisseur.pdf",
        context={
            "naam": ontvanger.naam,
            "vorm": "professional" if f.doelgroep == "professional" else f.vorm,
            "afzender": door.get_full_name(),
        },
    )
    return FolderUitgereikt.objects.create(
        traject=traject,
        folder=f.soort,
        wijze=FolderWijze.EMAIL,
        soort_ontvanger=ontvanger.soort,
        ontvanger=ontvanger.naam,
        bericht=bericht,
        door=door,
    )
