"""The schaalvraag of the Veiligheidsplan as an SVG chart (seed 002 DEEL H): coordinates
only; the template `plannen/_score_chart.html` draws them."""

from __future__ import annotations

from plannen.models import Schaalscore

MARKERS = ["cirkel", "vierkant", "driehoek", "ruit", "kruis", "ster"]


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
                "punten": punten,
                "pad": " ".join(f"{px:.1f},{py:.1f}" for px, py, _s in punten),
                "label_x": punten[-1][0] + 8,
                "label_y": punten[-1][1] + 4,
            }
        )
    bereik = []
    for m, i in index.items():
        waarden = [s.score for s in scores if (s.datum, s.overleg) == m]
        bereik.append(
            {
                "x": x(i),
                "y_min": y(min(waarden)),
                "y_max": y(max(waarden)),
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
        "ticks": [{"score": t, "y": y(t)} for t in (0, 2, 4, 6, 8, 10)],
        "x0": left,
        "x1": left + plot_w,
        "y_onder": top + plot_h,
    }
