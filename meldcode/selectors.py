"""Reads of the meldcode: the state of a dossier as the method sees it."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudens.selectors import traject_scope
from meldcode.constants import DossierStatus, GebeurtenisSoort
from meldcode.models import Dossier, DossierToegang, Gebeurtenis, VtMelding, Weging
from plannen.selectors import heeft_veiligheidsplan
from regie.selectors import DagenTussen, Mediaan, tel_per_maand


def latest(dossier: Dossier, model):
    """The current state of a step: its latest row."""
    return model.objects.filter(dossier=dossier).order_by("-vastgelegd_op", "-id").first()


def melding_vereist(dossier: Dossier) -> bool:
    """A melding is owed: the latest weging decided "melden", or an event happened that
    always asks for one (help refused, a move without consent for a warm handover; 002
    ch. 2 "Als zorgen blijven"), and no melding was recorded on or after that date."""
    laatste = Weging.objects.filter(dossier=dossier).order_by("-op", "-id").first()
    sinds = laatste.op if laatste and laatste.melden else None
    soorten = [s for s in GebeurtenisSoort if s.vraagt_melding]
    gebeurtenis = (
        Gebeurtenis.objects.filter(dossier=dossier, soort__in=soorten).order_by("-op").first()
    )
    if gebeurtenis and (sinds is None or gebeurtenis.op > sinds):
        sinds = gebeurtenis.op
    if sinds is None:
        return False
    return not VtMelding.objects.filter(dossier=dossier, op__gte=sinds).exists()


def wacht_op_veilig_thuis(dossier: Dossier, today: datetime.date) -> list[tuple[VtMelding, int]]:
    """Meldingen without feedback yet, with their age in days ("Wees hier ook proactief")."""
    return [
        (m, (today - m.op).days)
        for m in VtMelding.objects.filter(dossier=dossier, terugkoppeling_op__isnull=True)
    ]


def open_dossiers(traject_ids) -> list[Dossier]:
    """Open dossiers of these trajecten with their owner, for the traject page and the
    close guard: who, since when, and whether a melding is owed (no content)."""
    return list(
        Dossier.objects.open()
        .filter(traject_id__in=traject_ids)
        .select_related("eigenaar")
        .order_by("geopend_op")
    )


def te_herinneren(today: datetime.date):
    """Open dossiers whose next weighing is due and whose owner was not reminded for it."""
    return (
        Dossier.objects.filter(status=DossierStatus.OPEN, volgende_weging_op__lte=today)
        .filter(Q(herinnerd_op__isnull=True) | Q(herinnerd_op__lt=F("volgende_weging_op")))
        .select_related("eigenaar", "traject")
    )


def dossier_for_page(pk):
    """A dossier with what its page shows, in a constant number of queries."""
    return (
        Dossier.objects.select_related("traject__huishouden", "eigenaar", "signaal")
        .prefetch_related(
            "leden",
            Prefetch("toegang", queryset=_live_grants()),
        )
        .filter(pk=pk)
    )


def _live_grants():
    return DossierToegang.objects.filter(ingetrokken_op__isnull=True).select_related("user")


# --- what the traject hears of the meldcode (registered in meldcode/apps.py) ------------


def close_reasons(traject) -> list[str]:
    """An open dossier, or a decision to report without a recorded melding, blocks closing
    the traject at 6b and the intake's "no start" (the dossier names no content here)."""
    redenen = []
    for dossier in Dossier.objects.open().filter(traject=traject).select_related("eigenaar"):
        redenen.append(
            _("Meldcodedossier %(nr)s van %(eigenaar)s is nog open: sluit het eerst af.")
            % {"nr": dossier.pk, "eigenaar": dossier.eigenaar.get_full_name()}
        )
    return redenen


# How long after a call in acute danger the regiekaart still hears of it (criterion E).
ACUUT_RECENT = datetime.timedelta(days=30)


def criteria_voorstel(traject) -> dict[str, str]:
    """Criteria proposed for the next regiekaart assessment (decision in meldcode/README.md):
    O while a dossier is open; K when the latest weighing decided to report (Veilig Thuis
    joins: chain-wide cooperation for safety); E after a call in acute danger."""
    open_dossiers = Dossier.objects.open().filter(traject=traject)
    if not open_dossiers.exists():
        return {}
    voorstel = {"O": _("Er is een meldcodedossier open.")}
    laatste = Weging.objects.filter(dossier__in=open_dossiers).order_by("-op", "-id").first()
    if laatste and laatste.melden:
        voorstel["K"] = _("De laatste weging besloot tot melden bij Veilig Thuis.")
    sinds = timezone.now() - ACUUT_RECENT
    if traject.crisisoproepen.filter(op__gte=sinds).exists():
        voorstel["E"] = _("Er is de afgelopen 30 dagen gebeld bij acuut gevaar.")
    return voorstel


# --- "Als zorgen blijven": reminders (002 ch. 2) -------------------------------------------


def herinneringen_voor(user, today: datetime.date) -> list[Dossier]:
    """The user's own open dossiers whose weighing is due, for the start page: the owner
    weighs again at the interval they set until the dossier is closed. Shows the traject
    number and the due date only (no content). One query, however many dossiers."""
    return list(
        Dossier.objects.open()
        .filter(eigenaar=user, volgende_weging_op__lte=today)
        .select_related("traject")
        .order_by("volgende_weging_op", "pk")
    )


def vt_terugkoppeling_dagen() -> int:
    """After this many days without feedback from Veilig Thuis the owner is reminded to ask
    for it ("Wees hier ook proactief", 002 ch. 2)."""
    return settings.REGIE_VT_TERUGKOPPELING_DAGEN


def terugkoppeling_te_herinneren(today: datetime.date, dagen: int | None = None):
    """Meldingen on open dossiers that have waited more than `dagen` days (the setting
    REGIE_VT_TERUGKOPPELING_DAGEN by default) without feedback from Veilig Thuis."""
    dagen = vt_terugkoppeling_dagen() if dagen is None else dagen
    return VtMelding.objects.filter(
        dossier__status=DossierStatus.OPEN,
        terugkoppeling_op__isnull=True,
        op__lt=today - datetime.timedelta(days=dagen),
    )


def wacht_op_veilig_thuis_voor(user, today: datetime.date) -> list[VtMelding]:
    """The meldingen on the user's own open dossiers still waiting for feedback after the
    threshold, oldest first, each with `wachtdagen` (its age in days), for the start page.
    One query, however many meldingen."""
    meldingen = list(
        terugkoppeling_te_herinneren(today)
        .filter(dossier__eigenaar=user)
        .select_related("dossier__traject")
        .order_by("op", "pk")
    )
    for melding in meldingen:
        melding.wachtdagen = (today - melding.op).days
    return meldingen


def traject_panel(traject) -> dict:
    """What the traject page shows of the meldcode: that dossiers are open, since when and
    whose (no content), whether the aanmelding's safety check still asks for one, and
    whether a Veiligheidsplan exists yet (the dossier prompts it, 002 ch. 2)."""
    dossiers = open_dossiers([traject.pk])
    return {
        "traject": traject,
        "dossiers": dossiers,
        "veiligheidscheck": (traject.acuut or traject.zorgen_veiligheid)
        and not Dossier.objects.filter(traject=traject).exists(),
        "heeft_veiligheidsplan": heeft_veiligheidsplan(traject) if dossiers else True,
    }


# --- Counts for the monitoring figures (issue #14): counts only, never a dossier's content ---


def _eerste_weging():
    """The date of a dossier's first weging (stap 4-5): the moment a decision was taken."""
    return Subquery(
        Weging.objects.filter(dossier=OuterRef("pk")).order_by("op", "id").values("op")[:1]
    )


def meldcode_per_maand(*, jaar: int, **scope) -> dict[str, dict[int, int]]:
    """Per month of `jaar`: dossiers opened ("geopend"), meldingen bij Veilig Thuis made
    ("gemeld") and dossiers whose first weging fell in it ("besloten")."""
    dossiers = Dossier.objects.filter(traject_scope(**scope, pad="traject__"))
    return {
        "geopend": tel_per_maand(dossiers, "geopend_op", jaar, tijdstip=True),
        "gemeld": tel_per_maand(
            VtMelding.objects.filter(traject_scope(**scope, pad="dossier__traject__")), "op", jaar
        ),
        "besloten": tel_per_maand(dossiers.annotate(besluit=_eerste_weging()), "besluit", jaar),
    }


def dagen_tot_besluit(*, begin, eind, **scope) -> tuple[int, float | None]:
    """(dossiers, median days) from opening a dossier to its first weging, for the dossiers
    in the scope whose first weging fell in [begin, eind) (dates)."""
    telling = (
        Dossier.objects.filter(traject_scope(**scope, pad="traject__"))
        .annotate(besluit=_eerste_weging())
        .filter(besluit__gte=begin, besluit__lt=eind)
        .aggregate(
            aantal=Count("pk"),
            mediaan=Mediaan(DagenTussen(F("besluit"), TruncDate("geopend_op"))),
        )
    )
    return telling["aantal"], telling["mediaan"]
