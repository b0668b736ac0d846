"""The schaalvraag chart (seed 002 DEEL H "Schaalvraag") draws where the numbers say.

Issue #12: the coordinates went through the Dutch locale (`y1="220,0"`), so a browser read
them as two numbers or none and markers, grid and labels landed wrong. The chart is parsed as
SVG here and every coordinate must be a plain number at the position its score gives.
"""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from plannen import schaalvraag
from plannen.services import veiligheidsplan as veiligheid

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
COORDS = {"x", "y", "x1", "x2", "y1", "y2"}


@pytest.fixture
def vp_met_scores(plan):
    vp = veiligheid.veiligheidsplan_start(plan=plan, namen="Anna en Marco Jansen")
    for datum, overleg, scores in [
        ("2026-09-01", "Startoverleg", {"Anna": 0, "Marco": 5}),
        ("2026-10-15", "Voortgangsoverleg", {"Anna": 10, "Marco": 7}),
    ]:
        for naam, score in scores.items():
            veiligheid.score_add(
                vp=vp,
                overleg=overleg,
                datum=datetime.date.fromisoformat(datum),
                naam=naam,
                score=score,
            )
    return vp


def _svg(html: str) -> ET.Element:
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    fragment = html[start:end].replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1)
    return ET.fromstring(fragment)


def _render(vp) -> ET.Element:
    chart = schaalvraag.score_chart(list(vp.scores.all()))
    with translation.override("nl"):
        return _svg(render_to_string("plannen/_score_chart.html", {"chart": chart}))


def test_every_coordinate_is_a_plain_number_in_dutch(vp_met_scores):
    """Issue #12: no decimal comma, no thousands separator, in any coordinate or point list."""
    svg = _render(vp_met_scores)
    for el in svg.iter():
        for name, value in el.attrib.items():
            if name in COORDS:
                assert NUMBER.match(value), f"{el.tag} {name}={value!r}"
        if el.tag == f"{SVG}polyline":
            for pair in el.attrib["points"].split():
                x, y = pair.split(",")
                assert NUMBER.match(x) and NUMBER.match(y), pair


def test_markers_sit_at_their_scores(vp_met_scores):
    """Issue #12: score 0 on the bottom line, 10 on the top line, 5 halfway; the first overleg
    on the left axis, the last at the right end of the plot."""
    chart = schaalvraag.score_chart(list(vp_met_scores.scores.all()))
    svg = _render(vp_met_scores)
    markers = [
        (float(u.attrib["x"]), float(u.attrib["y"]))
        for u in svg.iter(f"{SVG}use")
        if u.attrib.get("href", "").startswith("#marker-")
    ]
    top = float(chart["ticks"][-1]["y"])  # score 10
    bottom = float(chart["y_onder"])  # score 0
    x0, x1 = float(chart["x0"]), float(chart["x1"])
    assert float(top) == 20 and float(bottom) == 220
    # Anna 0 -> 10, Marco 5 -> 7
    assert markers == [
        (x0, 220.0),
        (x1, 20.0),
        (x0, 120.0),
        (x1, 80.0),
    ]
    grid = sorted(
        float(line.attrib["y1"])
        for line in svg.iter(f"{SVG}line")
        if "raster" in line.attrib.get("class", "")
    )
    assert grid == [20.0, 60.0, 100.0, 140.0, 180.0, 220.0]


def test_the_page_shows_the_chart_with_plain_numbers(
    login, procesregisseur, traject, vp_met_scores
):
    """Issue #12: the page itself (Dutch locale active) writes the chart correctly."""
    html = (
        login(procesregisseur)
        .get(reverse("plannen:veiligheidsplan", args=[traject.pk]))
        .content.decode()
    )
    svg = _svg(html)
    for el in svg.iter():
        for name, value in el.attrib.items():
            if name in COORDS:
                assert NUMBER.match(value), f"{el.tag} {name}={value!r}"
