"""The rules of the six phases (seed 002 DEEL A "6 Fasen 1G1P1R", 004 "Zes fasen").

* TRANSITIONS: the allowed moves. 5b goes back to 4 (another round) or on to 6b; 6b goes
  back to 5b when safety signals remain (002 fase 6b, procesregie step 8 and casusregie
  step 3), and a closed traject is started again in 5b when signals return (casusregie
  step 3). Intake (2) can end the aanmelding when 1G1P1R is not started.
  The same moves, with the seed lines they come from, are in data/werkproces.json.
* Close guards: reasons a traject may not be closed, at 6b or by the intake's "no start".
  The open safety signals guard is built in; higher apps (meldcode) add theirs with
  `register_close_guard` in their AppConfig.ready(), so this app never imports them.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from huishoudens.constants import Fase
from regie.registry import Registry

F = Fase
TRANSITIONS: dict[str, set[str]] = {
    F.AANMELDING: {F.INTAKE},
    F.INTAKE: {F.STARTOVERLEG_VOORBEREIDEN, F.GESLOTEN},
    F.STARTOVERLEG_VOORBEREIDEN: {F.STARTOVERLEG_UITVOEREN},
    F.STARTOVERLEG_UITVOEREN: {F.VOORTGANG},
    F.VOORTGANG: {F.VOORTGANGSOVERLEG_VOORBEREIDEN},
    F.VOORTGANGSOVERLEG_VOORBEREIDEN: {F.VOORTGANGSOVERLEG_UITVOEREN},
    F.VOORTGANGSOVERLEG_UITVOEREN: {F.VOORTGANG, F.AFSLUITEN},
    F.AFSLUITEN: {F.GESLOTEN, F.VOORTGANGSOVERLEG_UITVOEREN},
    # "Sluit het traject niet af of start het weer op. Ga naar Fase 5b." (002 6b casusregie 3)
    F.GESLOTEN: {F.VOORTGANGSOVERLEG_UITVOEREN},
}


def allowed_moves(fase: str) -> list[Fase]:
    return [Fase(f) for f in Fase if f in TRANSITIONS.get(fase, set())]


CloseGuard = Callable[[object], list[str]]
_close_guards: Registry[CloseGuard] = Registry("close guard")


def register_close_guard(fn: CloseGuard) -> CloseGuard:
    """Register `fn(traject) -> [reasons]`; any reason blocks closing the traject."""
    return _close_guards.register(fn)


@register_close_guard
def open_safety_signals(traject) -> list[str]:
    if not traject.signalen.filter(afgesloten_op__isnull=True).exists():
        return []
    if traject.fase == Fase.INTAKE:
        # 002 Fase 2, Toelichting: 1G1P1R is always started on (suspected) onveiligheid.
        return [
            _(
                "Er zijn open signalen van onveiligheid of onvoldoende basiszorg: dan start "
                "1Gezin1Plan1Regisseur altijd."
            )
        ]
    return [
        _(
            "Er zijn nog open signalen van onveiligheid of onvoldoende basiszorg. Sluit het "
            "traject niet af: ga terug naar fase 5b (voortgangsoverleg) en neem de aanvullende "
            "acties bij onveiligheid op in het plan."
        )
    ]


def reasons_not_to_close(traject) -> list[str]:
    return [reason for guard in _close_guards for reason in guard(traject)]


# --- rounding off procesregie at level 1 (issue #12) -------------------------------------

AfrondenAdvies = Callable[[object], bool]
_afronden_adviezen: Registry[AfrondenAdvies] = Registry("procesregie afronden")


def register_procesregie_afronden(fn: AfrondenAdvies) -> AfrondenAdvies:
    """Register `fn(traject) -> bool`: True when the method advises ending procesregie now.

    The regiekaart registers "the current level is 1" (002 ch. 5, Niveau 1: there is no
    procesregisseur; its controle "Overweeg de procesregie af te ronden"), so this app can
    offer the button without importing it."""
    return _afronden_adviezen.register(fn)


def procesregie_afronden_geadviseerd(traject) -> bool:
    return any(fn(traject) for fn in _afronden_adviezen)
