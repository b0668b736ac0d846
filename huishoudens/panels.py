"""Panels that higher apps add to the traject page, and columns they add to the
procesregisseur's "Mijn trajecten", so huishoudens never imports them.

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
