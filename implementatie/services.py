"""Writes of implementatie (issue #14): plans from a template, item changes with their
history, a new year (PDCA round), PDCA notes, and the beheerder's own templates.

Every function is keyword-only and runs in `transaction.atomic`; the views log each change
in the audit log (these are not household data: no household id).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from implementatie.constants import GEVOLGDE_VELDEN
from implementatie.models import (
    Implementatieplan,
    ItemWijziging,
    Jaarronde,
    PdcaNotitie,
    PlanItem,
    Sjabloon,
    SjabloonItem,
    Thema,
)
from implementatie.scope import Scope


class PlanFout(Exception):
    """A refused write; the message is for the user."""


# --- plans ------------------------------------------------------------------------------


def _thema_volgorde(sjabloon: Sjabloon) -> dict[int, int]:
    return dict(Thema.objects.filter(sjabloon=sjabloon).values_list("pk", "volgorde"))


def plan_create(
    *, sjabloon: Sjabloon, scope: Scope, door, jaar: int, titel: str = ""
) -> Implementatieplan:
    """A plan for `scope` from the template's active items at the scope's level, with its
    first year round and an empty PDCA note per theme."""
    with transaction.atomic():
        items = list(
            SjabloonItem.objects.filter(
                sjabloon=sjabloon, niveau=scope.niveau, actief=True, thema__actief=True
            ).select_related("thema")
        )
        if not sjabloon.actief or not items:
            raise PlanFout(_("Deze checklist heeft geen items voor uw niveau."))
        if (
            Implementatieplan.objects.binnen(scope)
            .filter(sjabloon=sjabloon, niveau=scope.niveau)
            .filter(organisatie_id=scope.organisatie_id)
            .exists()
        ):
            raise PlanFout(_("Er is al een plan met deze checklist."))
        plan = Implementatieplan.objects.create(
            sjabloon=sjabloon,
            titel=titel or sjabloon.naam,
            niveau=scope.niveau,
            regio_id=scope.regio_id,
            gemeente_id=scope.gemeente_id,
            organisatie_id=scope.organisatie_id,
            aangemaakt_door=door,
        )
        ronde = Jaarronde.objects.create(plan=plan, jaar=jaar, gestart_door=door)
        PlanItem.objects.bulk_create(
            PlanItem(
                ronde=ronde,
                sjabloon_item=i,
                sleutel=i.sleutel,
                thema_code=i.thema.code,
                thema_titel=i.thema.titel,
                thema_volgorde=i.thema.volgorde,
                volgorde=i.volgorde,
                tekst=i.tekst,
                subitems=i.subitems,
                optioneel=i.optioneel,
                toelichting=i.toelichting,
                bron=i.bron,
            )
            for i in items
        )
        themas = {(i.thema.code, i.thema.titel, i.thema.volgorde) for i in items}
        PdcaNotitie.objects.bulk_create(
            PdcaNotitie(ronde=ronde, thema_code=c, thema_titel=t, thema_volgorde=v)
            for c, t, v in sorted(themas, key=lambda x: x[2])
        )
    return plan


def laatste_ronde(plan: Implementatieplan) -> Jaarronde:
    return plan.rondes.order_by("-jaar").first()


def ronde_start(*, plan: Implementatieplan, jaar: int, door) -> Jaarronde:
    """A new year: every item's state (actie, wie, wanneer, status, notes, evidence) carried
    forward from the latest year; earlier years stay as they were (001 E, PDCA-cyclus)."""
    with transaction.atomic():
        plan = Implementatieplan.objects.select_for_update().get(pk=plan.pk)
        vorige = laatste_ronde(plan)
        if jaar <= vorige.jaar:
            raise PlanFout(_("Het nieuwe jaar moet na %(jaar)s liggen.") % {"jaar": vorige.jaar})
        ronde = Jaarronde.objects.create(plan=plan, jaar=jaar, gestart_door=door)
        velden = [
            f.name
            for f in PlanItem._meta.concrete_fields
            if f.name not in ("id", "ronde", "gewijzigd_op")
        ]
        PlanItem.objects.bulk_create(
            PlanItem(ronde=ronde, **{v: getattr(item, v) for v in velden})
            for item in vorige.items.all()
        )
        PdcaNotitie.objects.bulk_create(
            PdcaNotitie(
                ronde=ronde,
                thema_code=n.thema_code,
                thema_titel=n.thema_titel,
                thema_volgorde=n.thema_volgorde,
            )
            for n in vorige.pdca.all()
        )
    return ronde


@dataclass(frozen=True)
class Wijziging:
    veld: str
    oud: str
    nieuw: str

    def __str__(self) -> str:
        return f"{self.veld}: {self.oud or '-'} -> {self.nieuw or '-'}"


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return str(waarde)


def item_update(*, item: PlanItem, door, bewijs=None, bewijs_soort: str = "", **velden):
    """Change a plan item of the current year; one history row per changed field.

    `bewijs` is an uploaded file already type-checked (`implementatie.bewijs`); it replaces
    the previous file (which stays in the history and on disk for earlier years)."""
    onbekend = set(velden) - set(GEVOLGDE_VELDEN)
    if onbekend:
        raise ValueError(f"onbekende velden: {sorted(onbekend)}")
    with transaction.atomic():
        item = PlanItem.objects.select_for_update().select_related("ronde").get(pk=item.pk)
        if item.ronde != laatste_ronde(item.ronde.plan):
            raise PlanFout(_("Een eerder jaar kan niet meer worden gewijzigd."))
        wijzigingen = []
        if bewijs is not None:
            velden["bewijs_naam"] = bewijs.name[-200:]
        for veld, nieuw in velden.items():
            oud = getattr(item, veld)
            if _tekst(oud) != _tekst(nieuw):
                wijzigingen.append(Wijziging(veld, _tekst(oud), _tekst(nieuw)))
                setattr(item, veld, nieuw)
        if bewijs is not None:
            item.bewijs_bestand.save(bewijs.name, bewijs, save=False)
            item.bewijs_soort = bewijs_soort
            if not any(w.veld == "bewijs_naam" for w in wijzigingen):
                wijzigingen.append(Wijziging("bewijs_naam", item.bewijs_naam, bewijs.name[-200:]))
        if not wijzigingen:
            return []
        item.gewijzigd_op = timezone.now()
        item.save()
        naam = door.get_full_name() or door.email
        ItemWijziging.objects.bulk_create(
            ItemWijziging(
                item=item, veld=w.veld, oud=w.oud, nieuw=w.nieuw, door=door, door_naam=naam
            )
            for w in wijzigingen
        )
    return wijzigingen


def pdca_save(*, notitie: PdcaNotitie, **velden) -> list[str]:
    """Plan, do, check and act notes of one theme in the current year."""
    with transaction.atomic():
        notitie = PdcaNotitie.objects.select_for_update().select_related("ronde").get(pk=notitie.pk)
        if notitie.ronde != laatste_ronde(notitie.ronde.plan):
            raise PlanFout(_("Een eerder jaar kan niet meer worden gewijzigd."))
        gewijzigd = [v for v, w in velden.items() if getattr(notitie, v) != w]
        for v in gewijzigd:
            setattr(notitie, v, velden[v])
        if gewijzigd:
            notitie.gewijzigd_op = timezone.now()
            notitie.save()
    return gewijzigd


# --- templates (beheerder) ----------------------------------------------------------------


def _eigen(sjabloon: Sjabloon) -> None:
    if sjabloon.uit_bestand:
        raise PlanFout(
            _("Een checklist uit de bronnen past u niet aan: maak een kopie en pas die aan.")
        )


def sjabloon_copy(*, sjabloon: Sjabloon, door, naam: str) -> Sjabloon:
    """The beheerder's own copy of a template, with its themes and items, to adapt."""
    with transaction.atomic():
        basis = f"kopie-{sjabloon.sleutel}"[:70]
        n = Sjabloon.objects.filter(sleutel__startswith=basis).count()
        kopie = Sjabloon.objects.create(
            sleutel=f"{basis}-{n + 1}",
            naam=naam,
            beschrijving=sjabloon.beschrijving,
            bron=sjabloon.bron,
            toelichting=sjabloon.toelichting,
            volgorde=sjabloon.volgorde,
            kopie_van=sjabloon,
            aangemaakt_door=door,
        )
        for thema in sjabloon.themas.filter(actief=True).prefetch_related("items"):
            nieuw = Thema.objects.create(
                sjabloon=kopie,
                code=thema.code,
                titel=thema.titel,
                inleiding=thema.inleiding,
                resultaat=thema.resultaat,
                bron=thema.bron,
                volgorde=thema.volgorde,
            )
            SjabloonItem.objects.bulk_create(
                SjabloonItem(
                    sjabloon=kopie,
                    thema=nieuw,
                    **{
                        v: getattr(i, v)
                        for v in (
                            "sleutel",
                            "niveau",
                            "tekst",
                            "subitems",
                            "optioneel",
                            "toelichting",
                            "bron",
                            "correctie",
                            "volgorde",
                        )
                    },
                )
                for i in thema.items.all()
                if i.actief
            )
    return kopie


def sjabloon_save(*, sjabloon: Sjabloon | None, door, **velden) -> Sjabloon:
    with transaction.atomic():
        if sjabloon is None:
            basis = "eigen"
            n = Sjabloon.objects.filter(sleutel__startswith=basis).count()
            return Sjabloon.objects.create(
                sleutel=f"{basis}-{n + 1}", aangemaakt_door=door, **velden
            )
        _eigen(sjabloon)
        for k, v in velden.items():
            setattr(sjabloon, k, v)
        sjabloon.save()
    return sjabloon


def thema_save(*, thema: Thema | None, sjabloon: Sjabloon, **velden) -> Thema:
    _eigen(sjabloon)
    with transaction.atomic():
        if thema is None:
            volgorde = (sjabloon.themas.aggregate(m=Max("volgorde"))["m"] or 0) + 1
            return Thema.objects.create(sjabloon=sjabloon, volgorde=volgorde, **velden)
        for k, v in velden.items():
            setattr(thema, k, v)
        thema.save()
    return thema


def sjabloon_item_save(*, item: SjabloonItem | None, thema: Thema, **velden) -> SjabloonItem:
    _eigen(thema.sjabloon)
    with transaction.atomic():
        if item is None:
            volgorde = (thema.items.aggregate(m=Max("volgorde"))["m"] or 0) + 1
            n = thema.sjabloon.items.count() + 1
            sleutel = f"{thema.code}-{n}"
            while thema.sjabloon.items.filter(sleutel=sleutel).exists():
                n += 1
                sleutel = f"{thema.code}-{n}"
            return SjabloonItem.objects.create(
                sjabloon=thema.sjabloon, thema=thema, sleutel=sleutel, volgorde=volgorde, **velden
            )
        for k, v in velden.items():
            setattr(item, k, v)
        item.save()
    return item


__all__ = [
    "PlanFout",
    "Wijziging",
    "item_update",
    "laatste_ronde",
    "pdca_save",
    "plan_create",
    "ronde_start",
    "sjabloon_copy",
    "sjabloon_item_save",
    "sjabloon_save",
    "thema_save",
]
