"""Reads of the regiekaart: a traject's level with its card, checks and advice (the panel on
the traject page and the regiekaart page), and the manager's overview (seed 002 ch. 5)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Case, CharField, Count, F, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudens.constants import OverdrachtStatus, TrajectRol
from huishoudens.models import Overdracht, Traject, TrajectBetrokkene
from huishoudens.selectors import household_ids_of_professional, household_ids_of_regisseur
from regie.constants import Competentieprofiel, OrganisatieSoort, Rol
from regie.models import Competentie, User
from regiekaart import policy, rules
from regiekaart.constants import (
    ROLLEN_PER_NIVEAU,
    START_NIVEAU,
    VEILIGHEIDSPLAN_NIVEAUS,
    ZVH_NIVEAU,
    Criterium,
    KaartRol,
)
from regiekaart.models import (
    Beoordeling,
    BeoordelingCriterium,
    KaartInvulling,
    Melding,
    Niveau,
    Opschaling,
    TrajectNiveau,
    Vaststelling,
)

# --- a traject -------------------------------------------------------------------------


@dataclass(frozen=True)
class Controle:
    """One check of the level's requirements, shown on the traject."""

    ok: bool
    tekst: str
    link: str = ""
    link_tekst: str = ""
    soort: str = ""  # "zvh_overdracht": the regiekaart page offers the handover form


def niveau_stand(traject) -> tuple[int, datetime.datetime | None]:
    """The traject's level and since when (None: never decided, the start level)."""
    stand = TrajectNiveau.objects.filter(traject=traject).values_list("nummer", "sinds").first()
    return stand if stand else (START_NIVEAU, None)


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


def actieve_regisseurs(traject) -> list[TrajectBetrokkene]:
    return list(
        TrajectBetrokkene.objects.actief()
        .filter(traject=traject)
        .select_related("user__organisatie")
        .order_by("rol", "vanaf", "pk")
    )


def namen(nummer: int, *, gemeente_id, organisatie_ids) -> list[tuple[str, list[KaartInvulling]]]:
    """The people the card names on level `nummer`, per role in the card's order, as filled
    in by the municipality or by one of the organisations."""
    rollen = ROLLEN_PER_NIVEAU[nummer]
    rows = KaartInvulling.objects.filter(
        Q(gemeente_id=gemeente_id) | Q(organisatie_id__in=[o for o in organisatie_ids if o]),
        rol__in=rollen,
    ).select_related("gemeente", "organisatie")
    per_rol: dict[str, list[KaartInvulling]] = {r: [] for r in rollen}
    for row in rows:
        per_rol[row.rol].append(row)
    return [(KaartRol(r).label, per_rol[r]) for r in rollen]


def namen_op_kaart(traject, nummer: int, regisseurs) -> list[tuple[str, list[KaartInvulling]]]:
    """For a traject: named by the household's municipality or by the organisation of one of
    its regisseurs."""
    return namen(
        nummer,
        gemeente_id=traject.huishouden.gemeente_id,
        organisatie_ids={b.user.organisatie_id for b in regisseurs},
    )


def _profielen(regisseurs) -> dict[int, set[str]]:
    profielen: dict[int, set[str]] = {b.user_id: set() for b in regisseurs}
    for user_id, profiel in Competentie.objects.filter(user_id__in=profielen).values_list(
        "user_id", "profiel"
    ):
        profielen[user_id].add(profiel)
    return profielen


def controles(traject, niveau: Niveau, regisseurs, *, mag_opschalen: bool) -> list[Controle]:
    """What level `niveau` asks of the traject (002 ch. 5, A. Uitgangssituatie and B. Regie):
    a Veiligheidsplan at levels 3-5, regisseurs with the competence profile of the level,
    and at level 4 procesregie by the Zorg- en Veiligheidshuis."""
    from plannen.selectors import heeft_veiligheidsplan

    n = niveau.nummer
    result: list[Controle] = []
    if n in VEILIGHEIDSPLAN_NIVEAUS:
        if heeft_veiligheidsplan(traject):
            result.append(Controle(True, _("Er is een Veiligheidsplan.")))
        else:
            result.append(
                Controle(
                    False,
                    _(
                        "Op niveau %(n)s is een Veiligheidsplan nodig (Plan van Aanpak en Veilig "
                        "Verder Plan). Dit traject heeft nog geen Veiligheidsplan."
                    )
                    % {"n": n},
                    reverse("plannen:veiligheidsplan", args=[traject.pk]),
                    _("Veiligheidsplan opstellen"),
                )
            )

    profielen = _profielen(regisseurs)
    zonder = []
    for b in regisseurs:
        vereist = (
            niveau.procesregie_profiel
            if b.rol == TrajectRol.PROCESREGISSEUR
            else niveau.casusregie_profiel
        )
        if vereist and not rules.voldoet(profielen[b.user_id], vereist):
            zonder.append(
                _("%(naam)s (%(rol)s) heeft niet het competentieprofiel %(profiel)s.")
                % {
                    "naam": b.user.get_full_name(),
                    "rol": b.get_rol_display().lower(),
                    "profiel": Competentieprofiel(vereist).label,
                }
            )
    if zonder:
        result.append(
            Controle(
                False,
                _("Niveau %(n)s vraagt competentieprofiel %(p)s: ")
                % {"n": n, "p": _profiel_letter(niveau)}
                + " ".join(zonder),
            )
        )
    elif regisseurs:
        result.append(
            Controle(
                True,
                _("De regisseurs hebben het competentieprofiel dat niveau %(n)s vraagt.")
                % {"n": n},
            )
        )

    proces = next((b for b in regisseurs if b.rol == TrajectRol.PROCESREGISSEUR), None)
    if not niveau.procesregie_profiel and proces is not None:
        result.append(
            Controle(
                False,
                _(
                    "Op niveau %(n)s is er geen procesregisseur: de regie is casusregie. "
                    "Overweeg de procesregie af te ronden."
                )
                % {"n": n},
            )
        )
    if n == ZVH_NIVEAU and (
        proces is None
        or proces.user.organisatie is None
        or proces.user.organisatie.soort != OrganisatieSoort.ZORG_EN_VEILIGHEIDSHUIS
    ):
        voorgesteld = (
            Overdracht.objects.filter(
                traject=traject,
                rol=TrajectRol.PROCESREGISSEUR,
                status=OverdrachtStatus.VOORGESTELD,
                naar__organisatie__soort=OrganisatieSoort.ZORG_EN_VEILIGHEIDSHUIS,
            )
            .select_related("naar")
            .first()
        )
        if voorgesteld:
            result.append(
                Controle(
                    False,
                    _(
                        "Op niveau 4 ligt de procesregie bij het Zorg- en Veiligheidshuis. De "
                        "overdracht aan %(naam)s per %(per)s wacht op acceptatie."
                    )
                    % {
                        "naam": voorgesteld.naar.get_full_name(),
                        "per": voorgesteld.per.strftime("%d-%m-%Y"),
                    },
                )
            )
        else:
            result.append(
                Controle(
                    False,
                    _(
                        "Op niveau 4 ligt de procesregie bij het Zorg- en Veiligheidshuis. "
                        "Regie stelt een overdracht van de procesregie voor (fase 6a)."
                    ),
                    reverse("regiekaart:traject", args=[traject.pk]) + "#overdracht"
                    if mag_opschalen and proces is not None
                    else "",
                    _("Overdracht voorstellen"),
                    soort="zvh_overdracht" if mag_opschalen and proces is not None else "",
                )
            )
    return result


def _profiel_letter(niveau: Niveau) -> str:
    return "B" if niveau.casusregie_profiel in {"casus_b", "casus_b_plus"} else "A"


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


def traject_regiekaart(request, traject) -> dict:
    """Everything the panel and the regiekaart page show about one traject."""
    nummer, sinds, niveau = _niveau_van(traject)
    regisseurs = actieve_regisseurs(traject)
    mag = policy.may_escalate_now(request.user, traject, regisseurs)
    beoordeling = laatste_beoordeling(traject)
    advies = rules.advies(nummer, geldende_codes(beoordeling)) if beoordeling else None
    return {
        "traject": traject,
        "nummer": nummer,
        "sinds": sinds,
        "niveau": niveau,
        "beoordeling": beoordeling,
        "advies": advies,
        "advies_wijkt_af": advies_wijkt_af(traject, nummer, advies),
        "mag_opschalen": mag,
        "namen": namen_op_kaart(traject, nummer, regisseurs) if niveau else [],
        "controles": controles(traject, niveau, regisseurs, mag_opschalen=mag) if niveau else [],
        "regisseurs": regisseurs,
    }


def traject_panel(request, traject):
    """The regiekaart's panel on the traject page (`huishoudens.panels`)."""
    return "regiekaart/_traject_panel.html", traject_regiekaart(request, traject)


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


# --- the card ---------------------------------------------------------------------------


def vaststellingen() -> list[Vaststelling]:
    """The adoption in force per region (the latest), newest first."""
    seen, result = set(), []
    for v in Vaststelling.objects.select_related("regio", "door"):
        if v.regio_id not in seen:
            seen.add(v.regio_id)
            result.append(v)
    return result


# --- the manager ------------------------------------------------------------------------


def _betrokken(user) -> Q:
    """The escalation's household is one the user is involved with (as in need to know)."""
    return Q(traject__huishouden_id__in=household_ids_of_regisseur(user)) | Q(
        traject__huishouden_id__in=household_ids_of_professional(user)
    )


def voor_manager(user):
    """Escalations in the manager's scope, with the household's name only where the manager
    is involved with the household (`betrokken`); the name is not even read otherwise."""
    return (
        Opschaling.objects.for_user(user)
        .select_related("door__organisatie", "opgelost_door")
        .annotate(
            betrokken=Case(
                When(_betrokken(user), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            huishouden_naam=Case(
                When(_betrokken(user), then=F("traject__huishouden__naam")),
                default=Value(""),
                output_field=CharField(),
            ),
        )
    )


def open_escalaties(user):
    return voor_manager(user).open().order_by("op", "pk")


def verdeling(user) -> list[tuple[Niveau | int, int]]:
    """Open trajecten in the manager's scope per level (never assessed: the start level)."""
    counts = dict(
        Traject.objects.open()
        .filter(policy.manager_trajecten_scope(user))
        .annotate(n=Coalesce("regiekaart_niveau__nummer", Value(START_NIVEAU)))
        .values_list("n")
        .annotate(aantal=Count("pk"))
        .values_list("n", "aantal")
    )
    niveaus = {n.nummer: n for n in Niveau.objects.all()}
    return [(niveaus.get(n, n), counts.get(n, 0)) for n in range(1, 6)]


def _maand(moment) -> datetime.date:
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return datetime.date(local.year, local.month, 1)


def per_maand(user, maanden: int = 12) -> list[tuple[datetime.date, int, int]]:
    """(month, escalations and requests to the manager, resolutions) for the last months,
    newest first: the monitoring figure of 002 ch. 10 ("Monitor op de daadwerkelijke inzet")."""
    vandaag = timezone.localdate()
    eerste = datetime.date(vandaag.year, vandaag.month, 1)
    months = [eerste]
    for _i in range(maanden - 1):
        vorige = months[-1] - datetime.timedelta(days=1)
        months.append(datetime.date(vorige.year, vorige.month, 1))
    start = timezone.make_aware(datetime.datetime.combine(months[-1], datetime.time.min))
    scope = Opschaling.objects.filter(policy.manager_scope(user)).vraagt_afhandeling()

    def tel(field):
        rows = (
            scope.filter(**{f"{field}__gte": start})
            .annotate(maand=TruncMonth(field))
            .values("maand")
            .annotate(aantal=Count("pk"))
            .values_list("maand", "aantal")
        )
        result: dict[datetime.date, int] = {}
        for maand, aantal in rows:
            key = _maand(maand) if isinstance(maand, datetime.datetime) else maand
            result[key] = result.get(key, 0) + aantal
        return result

    opgeschaald, opgelost = tel("op"), tel("opgelost_op")
    return [(m, opgeschaald.get(m, 0), opgelost.get(m, 0)) for m in months]


def meldingen(user, limit: int = 10) -> tuple[list[Melding], int]:
    """The latest notifications and the number unread."""
    qs = Melding.objects.filter(aan=user)
    ongelezen = qs.filter(gelezen_op__isnull=True).count()
    return list(qs.order_by(F("gelezen_op").desc(nulls_first=True), "-gemaakt_op")[:limit]), (
        ongelezen
    )


def niveaus_van(trajecten: list) -> None:
    """Set `t.regieniveau` (a Niveau) and `t.niveau_beoordeeld` on each traject, in two
    queries for any number of rows ("Mijn trajecten")."""
    from regiekaart.constants import START_NIVEAU
    from regiekaart.models import Niveau, TrajectNiveau

    standen = dict(
        TrajectNiveau.objects.filter(traject__in=trajecten).values_list("traject_id", "nummer")
    )
    niveaus = {n.nummer: n for n in Niveau.objects.all()} if trajecten else {}
    for traject in trajecten:
        traject.niveau_beoordeeld = traject.pk in standen
        traject.regieniveau = niveaus.get(standen.get(traject.pk, START_NIVEAU))
