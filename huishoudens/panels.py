"""Panels that higher apps add to the traject page, and columns they add to the
procesregisseur's "Mijn trajecten", so huishoudens never imports them.

An app registers `fn(request, traject) -> (template_name, context) | None` in its
AppConfig.ready(); the traject detail view renders each panel's template with its context
as `panel` (the regiekaart adds the traject's level, #6). Panels only read: they get the
traject the view already fetched for the user, so no extra access check is needed.
"""

from __future__ import annotations

from collections.abc import Callable

TrajectPanel = Callable[[object, object], "tuple[str, dict] | None"]
_panels: list[TrajectPanel] = []


def register_traject_panel(fn: TrajectPanel) -> TrajectPanel:
    if fn not in _panels:
        _panels.append(fn)
    return fn


def traject_panels(request, traject) -> list[tuple[str, dict]]:
    return [panel for fn in _panels if (panel := fn(request, traject)) is not None]


# A column of "Mijn trajecten": (header template, cell template rendered with `t`,
# annotate) where annotate(trajecten) sets the attributes the cell reads, in one query for
# all rows.
TrajectKolom = tuple[str, str, Callable[[list], None]]
_kolommen: list[TrajectKolom] = []


def register_trajecten_kolom(kop: str, cel: str, annotate: Callable[[list], None]) -> None:
    if all(k[1] != cel for k in _kolommen):
        _kolommen.append((kop, cel, annotate))


def trajecten_kolommen(trajecten: list) -> list[tuple[str, str]]:
    """Annotate the rows and return (header template, cell template) per column."""
    for _kop, _cel, annotate in _kolommen:
        annotate(trajecten)
    return [(kop, cel) for kop, cel, _annotate in _kolommen]
