"""The schaalvraag of the Veiligheidsplan as an SVG chart (seed 002 DEEL H): coordinates
only; the template `plannen/_score_chart.html` draws them.

Every coordinate leaves here as a string written for machines (`"220.0"`, Python's own
formatting): a number handed to the template would pass through the Dutch locale and come
out as `220,0`, which SVG reads as two numbers (issue #12). The template adds no arithmetic
of its own and also switches localisation off.

The question itself, with the seed's two examples of a 0 ("bijvoorbeeld 'het gaat zo slecht
dat de kinderen nu niet thuis kunnen wonen' of 'er moet een huisverbod komen'", seed 002
DEEL H, Veiligheidsplan, "Schaalvraag"), is `plannen/_schaalvraag_vraag.html`, shown on the
page and in the plan (issue #12).
"""

from __future__ import annotations

from plannen.models import Schaalscore

MARKERS = ["cirkel", "vierkant", "driehoek", "ruit", "kruis", "ster"]


def svg_num(value: float) -> str:
    """A coordinate for SVG: a point as decimal mark, no thousands separator, never localised."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def score_chart(scores: list[Schaalscore], *, width: int = 640, height: int = 260) -> dict:
    """Coordinates for an SVG chart of the schaalvraag over time: a line per person with its
    own marker shape and a text label (readable without colour), and the range per overleg."""
    momenten = sorted({(s.datum, s.overleg) for s in scores})
    if not momenten:
        return {}
    left, right, top, bottom = 40, 150, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i):
        return left + (plot_w * i / max(len(momenten) - 1, 1))

    def y(score):
        return top + plot_h * (10 - score) / 10

    index = {m: i for i, m in enumerate(momenten)}
    namen = list(dict.fromkeys(s.naam for s in scores))
    lijnen = []
    for n, naam in enumerate(namen):
        punten = [
            (x(index[(s.datum, s.overleg)]), y(s.score), s.score) for s in scores if s.naam == naam
        ]
        lijnen.append(
            {
                "naam": naam,
                "marker": MARKERS[n % len(MARKERS)],
                "punten": [(svg_num(px), svg_num(py), s) for px, py, s in punten],
                "pad": " ".join(f"{svg_num(px)},{svg_num(py)}" for px, py, _s in punten),
                "label_x": svg_num(punten[-1][0] + 8),
                "label_y": svg_num(punten[-1][1] + 4),
            }
        )
    bereik = []
    for m, i in index.items():
        waarden = [s.score for s in scores if (s.datum, s.overleg) == m]
        bereik.append(
            {
                "x": svg_num(x(i)),
                "y_min": svg_num(y(min(waarden))),
                "y_max": svg_num(y(max(waarden))),
                "min": min(waarden),
                "max": max(waarden),
                "label": m[1],
                "datum": m[0],
            }
        )
    return {
        "width": width,
        "height": height,
        "lijnen": lijnen,
        "bereik": bereik,
        "ticks": [{"score": t, "y": svg_num(y(t))} for t in (0, 2, 4, 6, 8, 10)],
        "x0": svg_num(left),
        "x1": svg_num(left + plot_w),
        "tick_label_x": svg_num(left - 8),
        "y_onder": svg_num(top + plot_h),
        "label_y": svg_num(top + plot_h + 18),
    }
