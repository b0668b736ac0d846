"""Reads of the huishoudens app, and the relations that give a user need to know."""

import functools
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q

from huishoudens.constants import TrajectRol
from huishoudens.models import (
    BetrokkenProfessional,
    FaseActie,
    Huishouden,
    InformeleCasusregisseur,
    StartCriterium,
    Traject,
    TrajectBetrokkene,
)


def household_ids_of_regisseur(user):
    """Households of trajecten where the user is procesregisseur or casusregisseur now."""
    return (
        TrajectBetrokkene.objects.actief()
        .filter(user=user)
        .values_list("traject__huishouden_id", flat=True)
    )


def household_ids_of_professional(user):
    """Households where the user is linked as involved professional (incl. who registered)."""
    return BetrokkenProfessional.objects.filter(user=user).values_list("huishouden_id", flat=True)


def start_criteria_for(organisatie):
    """The six criteria of a kwetsbaar huishouden (002 ch. 4) and the organisation's own."""
    return StartCriterium.objects.filter(
        Q(organisatie__isnull=True) | Q(organisatie=organisatie), actief=True
    ).order_by("organisatie_id", "volgorde")


def get_huishouden_for_user(request, pk):
    from regie.access import get_for_user_or_404

    return get_for_user_or_404(request, Huishouden.objects.select_related("gemeente"), pk)


def get_traject_for_user(request, pk):
    from regie.access import get_for_user_or_404

    return get_for_user_or_404(
        request,
        Traject.objects.select_related("huishouden__gemeente").prefetch_related(
            Prefetch(
                "betrokkenen",
                queryset=TrajectBetrokkene.objects.select_related("user__organisatie"),
            )
        ),
        pk,
    )


def possible_duplicates(
    *, voornaam: str, achternaam: str, geboortedatum, postcode: str, adres: str
):
    """Households that probably are the one being registered: same member name and birth
    date, or same address. Searched across all households: the caller decides what to show."""
    condition = Q(
        leden__voornaam__iexact=voornaam,
        leden__achternaam__iexact=achternaam,
        leden__geboortedatum=geboortedatum,
    )
    if postcode and adres:
        condition |= Q(postcode__iexact=postcode, adres__iexact=adres)
    return Huishouden.objects.filter(condition).distinct().order_by("pk")


def duplicate_contacts(huishouden: Huishouden) -> list:
    """Who hears that a new aanmelding may concern `huishouden` (issue #11).

    The procesregisseur of its open traject; without one, that traject's casusregisseurs;
    without an open traject or any regisseur on it, the Regie users linked to the household
    as involved professionals (whoever registered it, and every regisseur it had: assigning
    one links them). Each of them is involved already, so telling them reveals nothing.
    Only active accounts; an empty list when nobody is left (the audit row still records
    the match)."""
    traject = huishouden.trajecten.open().first()
    if traject is not None:
        regisseurs = list(
            TrajectBetrokkene.objects.actief()
            .filter(traject=traject, user__is_active=True)
            .select_related("user__organisatie")
            .order_by("vanaf", "pk")
        )
        for rol in (TrajectRol.PROCESREGISSEUR, TrajectRol.CASUSREGISSEUR):
            users = list({b.user_id: b.user for b in regisseurs if b.rol == rol}.values())
            if users:
                return users
    return list(
        get_user_model()
        .objects.filter(is_active=True, betrokken_bij__huishouden=huishouden)
        .select_related("organisatie")
        .distinct()
        .order_by("pk")
    )


def search_households(user, q: str):
    """Households and members by name, limited to what the user may see."""
    return (
        Huishouden.objects.for_user(user)
        .filter(
            Q(naam__icontains=q)
            | Q(leden__voornaam__icontains=q)
            | Q(leden__achternaam__icontains=q)
        )
        .distinct()
    )


def _open_trajecten_as(user, rol: TrajectRol):
    ids = TrajectBetrokkene.objects.actief().filter(user=user, rol=rol).values("traject_id")
    return Traject.objects.open().filter(pk__in=ids).select_related("huishouden")


def mijn_trajecten(user):
    """Open trajecten where the user is procesregisseur now, with what the start page shows."""
    return (
        _open_trajecten_as(user, TrajectRol.PROCESREGISSEUR)
        .annotate(open_signalen=Count("signalen", filter=Q(signalen__afgesloten_op__isnull=True)))
        .order_by("fase", "fase_sinds")
    )


def mijn_huishoudens(user):
    """Households where the user is casusregisseur in an open traject."""
    return _open_trajecten_as(user, TrajectRol.CASUSREGISSEUR).order_by("huishouden__naam")


def trajecten_zonder_procesregisseur(user):
    """Open trajecten the user registered or is involved in that still lack a procesregisseur."""
    met = (
        TrajectBetrokkene.objects.actief()
        .filter(rol=TrajectRol.PROCESREGISSEUR)
        .values("traject_id")
    )
    return (
        Traject.objects.for_user(user)
        .open()
        .exclude(pk__in=met)
        .select_related("huishouden")
        .order_by("aangemeld_op")
    )


def betrokken_users(traject):
    """The active accounts involved with the traject: its current regisseurs and the
    professionals linked to the household (choices for "wie" and the chair of a meeting,
    instead of every user in the system)."""
    from regie.models import User

    return User.objects.filter(is_active=True).filter(
        Q(pk__in=TrajectBetrokkene.objects.actief().filter(traject=traject).values("user_id"))
        | Q(
            pk__in=BetrokkenProfessional.objects.filter(
                huishouden_id=traject.huishouden_id, user__isnull=False
            ).values("user_id")
        )
    )


# --- the method's guidance (issue #12) ---------------------------------------------------

WERKPROCES = Path(__file__).resolve().parent / "data" / "werkproces.json"


@functools.cache
def _werkproces() -> dict:
    return json.loads(WERKPROCES.read_text(encoding="utf-8"))


def fase_toelichting(code: str) -> dict | None:
    """The Toelichting of a phase as the procesregisseur reads it beside the actions ("zie
    toelichting"): 004's wording (`toelichting`, `bron`) and 002's fuller text
    (`toelichting_002`, `bron_toelichting_002`), read from data/werkproces.json at run time
    like the plan's help texts; None for a code without one."""
    return next((f for f in _werkproces()["fasen"] if f["code"] == code), None)


def criteria_inleiding() -> dict:
    """The lead-in sentence the six criteria complete (002 ch. 4): {"tekst", "bron"}."""
    return _werkproces()["criteria_inleiding"]


def handover_actions(rollen) -> list[tuple[str, list[FaseActie]]]:
    """The 6a action lists ("Overdragen of afsluiten en nazorg van een professional") of the
    given roles: 6a is an event, not a phase, so they are shown where it happens."""
    acties = list(FaseActie.objects.filter(fase="6a", rol__in=list(rollen)))
    return [(rol, [a for a in acties if a.rol == rol]) for rol in rollen]


def informele_casusregisseurs(traject):
    """Members and network members who hold casusregie now (002 ch. 5, Niveau 1)."""
    return (
        InformeleCasusregisseur.objects.actief()
        .filter(traject=traject)
        .select_related("gezinslid", "netwerklid")
    )


def casusregisseurs(traject) -> list[dict]:
    """Everyone who holds casusregie now, professionals and people without an account, as
    {"naam", "organisatie", "leefgebieden", "informeel"} for pages and plans."""
    rijen = [
        {
            "naam": b.user.get_full_name(),
            "organisatie": str(b.user.organisatie or ""),
            "leefgebieden": b.leefgebieden,
            "informeel": False,
        }
        for b in TrajectBetrokkene.objects.actief()
        .filter(traject=traject, rol=TrajectRol.CASUSREGISSEUR)
        .select_related("user__organisatie")
    ]
    for c in informele_casusregisseurs(traject):
        persoon = c.persoon
        rijen.append(
            {
                "naam": str(persoon.naam if c.netwerklid_id else persoon),
                "organisatie": c.netwerklid.rol
                if c.netwerklid_id
                else persoon.get_rol_in_gezin_display(),
                "leefgebieden": c.leefgebieden,
                "informeel": True,
            }
        )
    return rijen


# --- Counts for the monitoring figures (issue #14): aggregates only, no household data ----


def traject_scope(*, regio_id: int, gemeente_id=None, organisatie_id=None, pad: str = "") -> Q:
    """Trajecten of a region or a gemeente (by the household's gemeente), or of an
    organisation: those in its region on which a regisseur of the organisation works or
    worked, so an organisation's trajecten are always part of its region's. `pad` leads
    from another model to the traject ("traject__", "plan__traject__")."""
    q = Q(**{f"{pad}huishouden__gemeente__regio_id": regio_id})
    if gemeente_id:
        q &= Q(**{f"{pad}huishouden__gemeente_id": gemeente_id})
    if organisatie_id:
        regisseurs = TrajectBetrokkene.objects.filter(user__organisatie_id=organisatie_id)
        q &= Q(**{f"{pad}{'id' if pad else 'pk'}__in": regisseurs.values("traject_id")})
    return q


def actief_in_periode(begin, eind, *, pad: str = "") -> Q:
    """Trajecten that ran at some moment in [begin, eind): registered before the end and
    not closed before the start (date-times)."""
    return Q(**{f"{pad}aangemeld_op__lt": eind}) & (
        Q(**{f"{pad}gesloten_op__isnull": True}) | Q(**{f"{pad}gesloten_op__gte": begin})
    )


def trajecten_per_fase(**scope) -> dict[str, int]:
    """Open trajecten in the scope per current phase (Fase value)."""
    rows = (
        Traject.objects.open()
        .filter(traject_scope(**scope))
        .values("fase")
        .annotate(aantal=Count("pk"))
        .order_by()
        .values_list("fase", "aantal")
    )
    return dict(rows)
