"""The traject's level as the page shows it: the panel on the traject page (registered in
`apps.py` through `huishoudens.panels`) and the block on the regiekaart page both render
`_niveau_blok.html` with the context built here from `selectors.traject.TrajectStand`."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from regiekaart.constants import ControleActie
from regiekaart.selectors.controles import Controle
from regiekaart.selectors.traject import TrajectStand, traject_stand


@dataclass(frozen=True)
class ControleRegel:
    """A check as the page shows it, with the link to the action it offers."""

    ok: bool
    tekst: str
    link: str = ""
    link_tekst: str = ""


def _actie_url(actie: str, traject) -> str:
    if actie == ControleActie.VEILIGHEIDSPLAN:
        return reverse("plannen:veiligheidsplan", args=[traject.pk])
    if actie == ControleActie.ZVH_OVERDRACHT:
        return reverse("regiekaart:traject", args=[traject.pk]) + "#overdracht"
    return ""


def controle_regel(controle: Controle, traject) -> ControleRegel:
    if not controle.actie:
        return ControleRegel(controle.ok, controle.tekst)
    return ControleRegel(
        controle.ok,
        controle.tekst,
        _actie_url(controle.actie, traject),
        ControleActie(controle.actie).label,
    )


def niveau_blok(stand: TrajectStand) -> dict:
    """The context of `_niveau_blok.html` (as `p`) and of the panel (as `panel`)."""
    return {
        "traject": stand.traject,
        "nummer": stand.nummer,
        "sinds": stand.sinds,
        "niveau": stand.niveau,
        "beoordeling": stand.beoordeling,
        "advies": stand.advies,
        "advies_wijkt_af": stand.advies_wijkt_af,
        "mag_opschalen": stand.mag_opschalen,
        "namen": stand.namen,
        "controles": [controle_regel(c, stand.traject) for c in stand.controles],
    }


def traject_panel(request, traject):
    """The regiekaart's panel on the traject page (`huishoudens.panels`)."""
    stand = traject_stand(traject, user=request.user)
    return "regiekaart/_traject_panel.html", niveau_blok(stand)
