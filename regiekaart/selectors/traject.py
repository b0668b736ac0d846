"""Reads of one traject's regiekaart: its level and since when, the latest assessment and
its advice, the people the card names on its level and the checks of the level (the panel
on the traject page and the regiekaart page), and the level column of "Mijn trajecten"
(seed 002 ch. 5)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce

from huishoudens.models import Traject, TrajectBetrokkene
from regie.constants import OrganisatieSoort, Rol
from regie.models import User
from regiekaart import policy, rules
from regiekaart.constants import START_NIVEAU, Criterium
from regiekaart.models import (
    Beoordeling,
    BeoordelingCriterium,
    KaartInvulling,
    Niveau,
    Opschaling,
    TrajectNiveau,
)
from regiekaart.selectors.controles import Controle, controles
from regiekaart.selectors.kaart import namen, niveaus_per_nummer


@dataclass(frozen=True)
class TrajectStand:
    """Everything the panel and the regiekaart page show about one traject."""

    traject: Traject
    nummer: int
    sinds: datetime.datetime | None  # None: never decided, the start level
    niveau: Niveau | None  # None only when the levels' rows are missing
    beoordeling: Beoordeling | None
    advies: rules.Advies | None
    advies_wijkt_af: bool
    mag_opschalen: bool  # for the user the stand was read for
    namen: list[tuple[str, list[KaartInvulling]]]
    controles: list[Controle]
    regisseurs: list[TrajectBetrokkene]


def traject_stand(traject, *, user) -> TrajectStand:
    """The traject's regiekaart as `user` sees it (whether they may escalate decides which
    actions the checks offer)."""
    nummer, sinds, niveau = _niveau_van(traject)
    regisseurs = traject.actieve_betrokkenen
    mag = policy.may_escalate_now(user, traject, regisseurs)
    beoordeling = laatste_beoordeling(traject)
    advies = rules.advies(nummer, geldende_codes(beoordeling)) if beoordeling else None
    return TrajectStand(
        traject=traject,
        nummer=nummer,
        sinds=sinds,
        niveau=niveau,
        beoordeling=beoordeling,
        advies=advies,
        advies_wijkt_af=advies_wijkt_af(traject, nummer, advies),
        mag_opschalen=mag,
        namen=namen_op_kaart(traject, nummer, regisseurs) if niveau else [],
        controles=controles(
            traject,
            niveau,
            regisseurs,
            mag_overdragen=policy.may_hand_over_procesregie(user, traject, regisseurs),
        )
        if niveau
        else [],
        regisseurs=regisseurs,
    )


def niveau_stand(traject) -> tuple[int, datetime.datetime | None]:
    """The traject's level and since when (None: never decided, the start level)."""
    stand = TrajectNiveau.objects.filter(traject=traject).values_list("nummer", "sinds").first()
    return stand if stand else (START_NIVEAU, None)


def _niveau_van(traject) -> tuple[int, datetime.datetime | None, Niveau | None]:
    """The traject's level, since when, and its `Niveau` row, in one query."""
    stand = TrajectNiveau.objects.filter(traject=traject)
    niveau = (
        Niveau.objects.annotate(sinds=Subquery(stand.values("sinds")[:1]))
        .filter(nummer=Coalesce(Subquery(stand.values("nummer")[:1]), Value(START_NIVEAU)))
        .first()
    )
    if niveau is None:  # the levels' rows are missing: still say where the traject is
        return (*niveau_stand(traject), None)
    return niveau.nummer, niveau.sinds, niveau


def laatste_beoordeling(traject) -> Beoordeling | None:
    beoordeling = (
        Beoordeling.objects.filter(traject=traject).select_related("door").order_by("-op", "-id")
    ).first()
    if beoordeling is not None:
        beoordeling.criteria_lijst = sorted(
            BeoordelingCriterium.objects.filter(beoordeling=beoordeling),
            key=lambda c: Criterium.values.index(c.code),
        )
    return beoordeling


def geldende_codes(beoordeling: Beoordeling | None) -> list[str]:
    if beoordeling is None:
        return []
    return [c.code for c in beoordeling.criteria_lijst if c.geldt]


def advies_wijkt_af(traject, nummer: int, advies: rules.Advies | None) -> bool:
    """Whether the advice asks for something the traject does not have yet: another level
    (outside the P options), or the manager while no request to the manager is open."""
    if advies is None:
        return False
    if nummer != advies.niveau and nummer not in advies.opties:
        return True
    return (
        advies.naar_manager
        and not Opschaling.objects.open().filter(traject=traject, naar_manager=True).exists()
    )


def namen_op_kaart(traject, nummer: int, regisseurs) -> list[tuple[str, list[KaartInvulling]]]:
    """For a traject: named by the household's municipality or by the organisation of one of
    its regisseurs."""
    return namen(
        nummer,
        gemeente_id=traject.huishouden.gemeente_id,
        organisatie_ids={b.user.organisatie_id for b in regisseurs},
    )


def geschiedenis(traject) -> list[Opschaling]:
    return list(Opschaling.objects.filter(traject=traject).select_related("door", "opgelost_door"))


def zvh_kandidaten(traject):
    """Procesregisseurs of a Zorg- en Veiligheidshuis in the household's region."""
    return (
        User.objects.with_role(Rol.PROCESREGISSEUR)
        .filter(
            is_active=True,
            organisatie__soort=OrganisatieSoort.ZORG_EN_VEILIGHEIDSHUIS,
            organisatie__gemeente__regio_id=traject.huishouden.gemeente.regio_id,
        )
        .select_related("organisatie")
        .order_by("last_name", "first_name")
    )


def niveaus_van(trajecten: list) -> None:
    """Set `t.regieniveau` (a Niveau) and `t.niveau_beoordeeld` on each traject, in two
    queries for any number of rows ("Mijn trajecten")."""
    standen = dict(
        TrajectNiveau.objects.filter(traject__in=trajecten).values_list("traject_id", "nummer")
    )
    niveaus = niveaus_per_nummer() if trajecten else {}
    for traject in trajecten:
        traject.niveau_beoordeeld = traject.pk in standen
        traject.regieniveau = niveaus.get(standen.get(traject.pk, START_NIVEAU))


def procesregie_afronden_advies(traject) -> bool:
    """True at a level without procesregie (level 1: "rond de procesregie af", 002 ch. 5
    Niveau 1); registered with huishoudens so its traject page can carry the advice out."""
    nummer, _sinds = niveau_stand(traject)
    return Niveau.objects.filter(nummer=nummer, procesregie_profiel="").exists()
