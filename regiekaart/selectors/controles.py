"""The checks of a level's requirements on one traject (seed 002 ch. 5, A. Uitgangssituatie
and B. Regie of each level): a Veiligheidsplan at levels 3-5, regisseurs with the competence
profile of the level, no procesregisseur at level 1, and at level 4 procesregie by the Zorg-
en Veiligheidshuis. Each check is one small function; `controles` lists those that apply.

A check is data: what holds, the text, and which action the page may offer next to it
(`ControleActie`); the view turns the action into a link."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from huishoudens.constants import OverdrachtStatus, TrajectRol
from huishoudens.models import Overdracht, TrajectBetrokkene
from regie.constants import Competentieprofiel, OrganisatieSoort
from regie.models import Competentie
from regiekaart import rules
from regiekaart.constants import VEILIGHEIDSPLAN_NIVEAUS, ZVH_NIVEAU, ControleActie
from regiekaart.models import Niveau


@dataclass(frozen=True)
class Controle:
    """One check of the level's requirements, shown on the traject."""

    ok: bool
    tekst: str
    actie: str = ""  # a ControleActie the page offers to meet the check, or ""


def controles(traject, niveau: Niveau, regisseurs, *, mag_overdragen: bool) -> list[Controle]:
    """What level `niveau` asks of the traject (002 ch. 5, A. Uitgangssituatie and B. Regie):
    a Veiligheidsplan at levels 3-5, regisseurs with the competence profile of the level,
    and at level 4 procesregie by the Zorg- en Veiligheidshuis."""
    proces = next((b for b in regisseurs if b.rol == TrajectRol.PROCESREGISSEUR), None)
    result = [
        _veiligheidsplan(traject, niveau),
        _competentieprofielen(niveau, regisseurs),
        _geen_procesregie(niveau, proces),
        _procesregie_zvh(traject, niveau, proces, mag_overdragen=mag_overdragen),
    ]
    return [controle for controle in result if controle is not None]


def _veiligheidsplan(traject, niveau: Niveau) -> Controle | None:
    """Levels 3-5: "Plan van Aanpak en Veilig Verder Plan"."""
    from plannen.selectors import heeft_veiligheidsplan

    n = niveau.nummer
    if n not in VEILIGHEIDSPLAN_NIVEAUS:
        return None
    if heeft_veiligheidsplan(traject):
        return Controle(True, _("Er is een Veiligheidsplan."))
    return Controle(
        False,
        _(
            "Op niveau %(n)s is een Veiligheidsplan nodig (Plan van Aanpak en Veilig "
            "Verder Plan). Dit traject heeft nog geen Veiligheidsplan."
        )
        % {"n": n},
        ControleActie.VEILIGHEIDSPLAN,
    )


def _profielen(regisseurs) -> dict[int, set[str]]:
    profielen: dict[int, set[str]] = {b.user_id: set() for b in regisseurs}
    for user_id, profiel in Competentie.objects.filter(user_id__in=profielen).values_list(
        "user_id", "profiel"
    ):
        profielen[user_id].add(profiel)
    return profielen


def _competentieprofielen(niveau: Niveau, regisseurs) -> Controle | None:
    """Every active regisseur holds the profile the level asks of their role (names who
    does not); no check without regisseurs."""
    n = niveau.nummer
    zonder = _zonder_profiel(niveau, regisseurs)
    if zonder:
        return Controle(
            False,
            _("Niveau %(n)s vraagt competentieprofiel %(p)s: ")
            % {"n": n, "p": _profiel_letter(niveau)}
            + " ".join(zonder),
        )
    if regisseurs:
        return Controle(
            True,
            _("De regisseurs hebben het competentieprofiel dat niveau %(n)s vraagt.") % {"n": n},
        )
    return None


def _zonder_profiel(niveau: Niveau, regisseurs) -> list[str]:
    """A sentence per regisseur who lacks the profile the level asks of their role."""
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
    return zonder


def _profiel_letter(niveau: Niveau) -> str:
    casus_b = {Competentieprofiel.CASUS_B, Competentieprofiel.CASUS_B_PLUS}
    return "B" if niveau.casusregie_profiel in casus_b else "A"


def _geen_procesregie(niveau: Niveau, proces: TrajectBetrokkene | None) -> Controle | None:
    """A level without a procesregie profile (level 1) has no procesregisseur."""
    if niveau.procesregie_profiel or proces is None:
        return None
    return Controle(
        False,
        _(
            "Op niveau %(n)s is er geen procesregisseur: de regie is casusregie. "
            "Overweeg de procesregie af te ronden."
        )
        % {"n": niveau.nummer},
    )


def _procesregie_zvh(
    traject, niveau: Niveau, proces: TrajectBetrokkene | None, *, mag_overdragen: bool
) -> Controle | None:
    """Level 4: procesregie by the Zorg- en Veiligheidshuis; a proposed handover waits for
    acceptance, otherwise the procesregisseur is offered the handover (fase 6a)."""
    if niveau.nummer != ZVH_NIVEAU or _procesregie_bij_zvh(proces):
        return None
    voorgesteld = _voorgestelde_overdracht_zvh(traject)
    if voorgesteld:
        return Controle(
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
    return Controle(
        False,
        _(
            "Op niveau 4 ligt de procesregie bij het Zorg- en Veiligheidshuis. "
            "Regie stelt een overdracht van de procesregie voor (fase 6a)."
        ),
        ControleActie.ZVH_OVERDRACHT if mag_overdragen and proces is not None else "",
    )


def _procesregie_bij_zvh(proces: TrajectBetrokkene | None) -> bool:
    return (
        proces is not None
        and proces.user.organisatie is not None
        and proces.user.organisatie.soort == OrganisatieSoort.ZORG_EN_VEILIGHEIDSHUIS
    )


def _voorgestelde_overdracht_zvh(traject) -> Overdracht | None:
    return (
        Overdracht.objects.filter(
            traject=traject,
            rol=TrajectRol.PROCESREGISSEUR,
            status=OverdrachtStatus.VOORGESTELD,
            naar__organisatie__soort=OrganisatieSoort.ZORG_EN_VEILIGHEIDSHUIS,
        )
        .select_related("naar")
        .first()
    )
