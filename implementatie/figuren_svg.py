"""The monitoring figures as horizontal bar charts in SVG, rendered on the server (issue #14:
no JavaScript library, no CDN, the CSP untouched). Coordinates only; the template
`implementatie/monitoring_figuur.html` draws them, with the figure's table beneath as its
text alternative.

As in `plannen.schaalvraag`, every coordinate leaves here as a string written for machines
("220.5", never "220,5"): a number handed to the template would pass the Dutch locale, and
SVG would read "220,5" as two numbers. A hidden count draws no bar, only its text "<5".
"""

from __future__ import annotations

from implementatie.figuren import Figuur

# Colours with a contrast of at least 3:1 on white (WCAG 1.4.11); each series also has its
# own legend entry and every bar its number, so colour is never the only cue.
KLEUREN = ["#1f5fa8", "#a84f00", "#2e6b30"]


def svg_getal(waarde: float) -> str:
    """A coordinate for SVG: a point as decimal mark, no thousands separator."""
    tekst = f"{waarde:.1f}"
    return tekst[:-2] if tekst.endswith(".0") else tekst


def staafdiagram(figuur: Figuur, *, breedte: int = 640) -> dict | None:
    """Coordinates of a bar per row and shown series; None when the figure has no chart."""
    if not figuur.grafiek or not figuur.rijen:
        return None
    alle = list(range(len(figuur.kolommen)))
    kolommen = [figuur.extra["grafiek_kolom"]] if "grafiek_kolom" in figuur.extra else alle
    waarden = [
        r.cellen[i].waarde for r in figuur.rijen for i in kolommen if r.cellen[i].waarde is not None
    ]
    maximum = 100 if figuur.procent else max([*waarden, 0]) or 1
    links, rechts, balk = 210, 60, 14
    plot = breedte - links - rechts
    legenda = (
        [
            {
                "tekst": figuur.kolommen[i],
                "kleur": KLEUREN[j],
                "x": svg_getal(links + 130 * j),
                "tekst_x": svg_getal(links + 130 * j + 16),
            }
            for j, i in enumerate(kolommen)
        ]
        if len(kolommen) > 1
        else []
    )
    y = 28 if legenda else 6
    rij_hoogte = len(kolommen) * (balk + 2) + 10
    rijen = []
    for rij in figuur.rijen:
        balken = []
        for j, i in enumerate(kolommen):
            cel = rij.cellen[i]
            top = y + j * (balk + 2)
            lengte = plot * min(cel.waarde, maximum) / maximum if cel.waarde else 0
            balken.append(
                {
                    "y": svg_getal(top),
                    "lengte": svg_getal(lengte),
                    "kleur": KLEUREN[j],
                    "tekst": cel.tekst,
                    "tekst_x": svg_getal(links + lengte + 4),
                    "tekst_y": svg_getal(top + balk - 3),
                }
            )
        rijen.append(
            {
                "label": rij.label,
                "label_y": svg_getal(y + (rij_hoogte - 10) / 2 + 4),
                "balken": balken,
            }
        )
        y += rij_hoogte
    return {
        "breedte": breedte,
        "hoogte": svg_getal(y),
        "links": svg_getal(links),
        "label_x": svg_getal(links - 8),
        "balk": balk,
        "as_y": svg_getal(y - 6),
        "legenda": legenda,
        "rijen": rijen,
    }
