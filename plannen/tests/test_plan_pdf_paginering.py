"""Issue #12: in the PDF the heading "Planning overleg" was printed twice (the heading and a
table caption meant to be hidden) and left alone at the bottom of a page, its table on the
next. A heading must share its page with what follows it.

The test lays the real PDF template out with WeasyPrint and moves the section down a line at
a time (a longer samenvatting, the section before it) through the window where its heading
reaches the bottom of a page."""

import pytest
from django.template.loader import render_to_string

from plannen import services
from regie.pdf import SCHEME, new_fetcher

KOPPEN = {"h1", "h2", "h3", "caption"}


def _document(versie, v):
    from weasyprint import HTML

    html = render_to_string(
        "plannen/pdf/plan.html",
        {
            "versie": versie,
            "v": v,
            "traject": versie.plan.traject,
            "organisatie": versie.vastgesteld_door.organisatie,
        },
    )
    return HTML(string=html, base_url=SCHEME, url_fetcher=new_fetcher()).render()


def _tekstvakken(page):
    """The text boxes of a page's content in reading order, without header and footer."""
    from weasyprint.formatting_structure import boxes

    for child in page._page_box.children:
        if isinstance(child, boxes.MarginBox):
            continue
        for box in child.descendants():
            if isinstance(box, boxes.TextBox) and box.text.strip():
                yield box


def _kop_onderaan(document) -> list[tuple[int, str]]:
    """(page, text) of every page but the last whose last text is a heading or caption."""
    alleen = []
    for nummer, page in enumerate(document.pages[:-1], start=1):
        vakken = list(_tekstvakken(page))
        if vakken and vakken[-1].element_tag in KOPPEN:
            alleen.append((nummer, vakken[-1].text))
    return alleen


@pytest.fixture
def versie(plan, procesregisseur, overleg):
    return services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")


def test_a_heading_is_never_left_alone_at_the_bottom_of_a_page(versie):
    v = dict(versie.inhoud)
    # Where does "Planning overleg" stand now, and how many lines until the page bottom?
    document = _document(versie, v)
    for page in document.pages:
        kop = next(
            (b for b in _tekstvakken(page) if b.element_tag == "h2" and "Planning" in b.text),
            None,
        )
        if kop:
            box = page._page_box
            onder = box.content_box_y() + box.height
            regels = int((onder - kop.position_y) / (9.5 * 1.35 * 96 / 72))
            break
    else:
        pytest.fail("Planning overleg is not in the PDF")
    gezien = []
    for n in range(max(regels - 4, 1), regels + 2):
        v["samenvatting"] = "\n".join(f"Regel {i} van de samenvatting" for i in range(n))
        document = _document(versie, v)
        gezien.append(len(document.pages))
        assert _kop_onderaan(document) == [], n
    # the window did move the section over a page break
    assert len(set(gezien)) > 1, gezien
