"""Panels that higher apps add to the traject page, columns they add to the
procesregisseur's "Mijn trajecten", and regiekaart criteria one app proposes for another's
assessment, so huishoudens never imports them and they never import each other.

An app registers `fn(request, traject) -> (template_name, context) | None` in its
AppConfig.ready(); the traject detail view renders each panel's template with its context
as `panel` (the regiekaart adds the traject's level, #6). Panels only read: they get the
traject the view already fetched for the user, so no extra access check is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from regie.registry import Registry

TrajectPanel = Callable[[object, object], "tuple[str, dict] | None"]
_panels: Registry[TrajectPanel] = Registry("traject panel")


def register_traject_panel(fn: TrajectPanel) -> TrajectPanel:
    return _panels.register(fn)


def traject_panels(request, traject) -> list[tuple[str, dict]]:
    return [panel for fn in _panels if (panel := fn(request, traject)) is not None]


class TrajectKolom(NamedTuple):
    """A column of "Mijn trajecten": header template, cell template rendered with `t`, and
    annotate(trajecten), which sets the attributes the cell reads, in one query for all
    rows. One column per cell template."""

    kop: str
    cel: str
    annotate: Callable[[list], None]


_kolommen: Registry[TrajectKolom] = Registry("trajecten column", key=lambda k: k.cel)


def register_trajecten_kolom(kop: str, cel: str, annotate: Callable[[list], None]) -> None:
    _kolommen.register(TrajectKolom(kop, cel, annotate))


def trajecten_kolommen(trajecten: list) -> list[tuple[str, str]]:
    """Annotate the rows and return (header template, cell template) per column."""
    for _kop, _cel, annotate in _kolommen:
        annotate(trajecten)
    return [(kop, cel) for kop, cel, _annotate in _kolommen]


# A proposal: `fn(traject) -> {criterion code: reason}`, e.g. the meldcode proposes O while
# a dossier is open; the regiekaart pre-ticks them in its next assessment, with the reason.
CriteriaVoorstel = Callable[[object], dict[str, str]]
_voorstellen: Registry[CriteriaVoorstel] = Registry("criteria proposal")


def register_criteria_voorstel(fn: CriteriaVoorstel) -> CriteriaVoorstel:
    return _voorstellen.register(fn)


def criteria_voorstellen(traject) -> dict[str, list[str]]:
    """Every registered proposal for `traject`, as criterion code -> reasons."""
    voorstellen: dict[str, list[str]] = {}
    for fn in _voorstellen:
        for code, reden in fn(traject).items():
            voorstellen.setdefault(code, []).append(reden)
    return voorstellen


# Panels on the case roles' start pages ("Mijn trajecten", "Mijn huishoudens"):
# `fn(request) -> (template_name, context) | None`, e.g. the meldcode's due weighings.
StartPanel = Callable[[object], "tuple[str, dict] | None"]
_start_panels: Registry[StartPanel] = Registry("start panel")


def register_start_panel(fn: StartPanel) -> StartPanel:
    return _start_panels.register(fn)


def start_panels(request) -> list[tuple[str, dict]]:
    return [panel for fn in _start_panels if (panel := fn(request)) is not None]
