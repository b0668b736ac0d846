"""The Ondersteuningsplan as people read it, on the version page and in the PDF (issue #12):
every member field of the format, the aanvraag/beschikking switch, who holds casusregie, and
text that reads well (no doubled punctuation, a proper empty text, whole words in hints)."""

import datetime
import io
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from plannen import services
from plannen.pdf import render_versie_pdf
from plannen.selectors.plan import quality_issues
from tests.factories import GezinslidFactory


def _pdf_tekst(versie) -> str:
    pdf = PdfReader(io.BytesIO(render_versie_pdf(versie)))
    return "\n".join(page.extract_text() for page in pdf.pages)


def _pagina(client, traject, versie) -> str:
    url = reverse("plannen:versie", args=[traject.pk, versie.nummer])
    html = client.get(url).content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _sectie(tekst: str, begin: str, eind: str) -> str:
    """From the heading `begin` up to the next `eind` after it (pages have a menu above)."""
    start = tekst.index(begin)
    return tekst[start : tekst.index(eind, start)]


def _vast(plan, door):
    return services.plan_fix(plan=plan, door=door, overleg="Startoverleg")


# --- 002 DEEL H, Ondersteuningsplan, "Gezinsleden": the eleven fields -----------------------

LEDEN_VELDEN = [
    "Naam",
    "Geslacht",
    "Geboortedatum",
    "Rol in het gezin",
    "Gezag",
    "Burgerlijke staat",
    "Beroep",
    "Straat en huisnummer",
    "Postcode en woonplaats",
    "Telefoon",
    "E-mail",
]


@pytest.fixture
def gezin(traject):
    """Anna (the fixture's parent, few fields filled) and Sam, 14, with every field."""
    return GezinslidFactory(
        huishouden=traject.huishouden,
        voornaam="Sam",
        achternaam="Bakker",
        geslacht="m",
        geboortedatum=datetime.date.today().replace(year=datetime.date.today().year - 14),
        rol_in_gezin="kind",
        gezag="beide_ouders",
        burgerlijke_staat="ongehuwd",
        beroep="Leerling Goudse Waarden",
        adres="Kerkweg 7, 2804 AB Gouda",
        telefoon="06 12345678",
        email="sam@example.test",
    )


def test_the_version_and_its_pdf_show_every_member_field_of_the_format(
    login, procesregisseur, traject, plan, gezin
):
    """Issue #12: the plan showed 4 of the 11 fields of 002 DEEL H "Gezinsleden"."""
    versie = _vast(plan, procesregisseur)
    for tekst in (_pdf_tekst(versie), _pagina(login(procesregisseur), traject, versie)):
        sectie = _sectie(tekst, "Gezinsleden", "Procesregisseur")
        sam = sectie[sectie.index("Sam Bakker") :]
        for label in LEDEN_VELDEN:
            assert label in sam, label
        for waarde in [
            "Man",
            "ongehuwd",
            "Leerling Goudse Waarden",
            "Kerkweg 7",
            "2804 AB Gouda",
            "06 12345678",
            "sam@example.test",
        ]:
            assert waarde in sam, waarde
        anna = sectie[: sectie.index("Sam Bakker")]
        # Anna lives at the household's address; her empty fields say so, not "—"
        assert traject.huishouden.adres in anna and "2801 LS Gouda" in anna
        assert "Beroep niet ingevuld" in anna and "—" not in sectie
        # gezag is asked "bij jeugdige" only: an adult has no such row
        assert "Gezag" not in anna


def test_old_versions_without_the_switch_show_the_checks_only_when_one_was_recorded(db):
    """Versions fixed before issue #12 have no `aanvraag_beschikking` in their snapshot."""
    lid = {"naam": "Anna", "toestemming": True, "vir": None}
    oud = {"overige_gegevens": [{**lid, "woonplaatsbeginsel": False, "legitimatie": False}]}
    html = render_to_string("plannen/_inhoud.html", {"v": oud})
    assert "Woonplaatsbeginsel" not in html and "niet gecontroleerd" not in html
    oud["overige_gegevens"][0]["legitimatie"] = True
    assert "Legitimatie gecontroleerd" in render_to_string("plannen/_inhoud.html", {"v": oud})


# --- 002 DEEL H, "Indien het een aanvraag of beschikking betreft" ----------------------------


def test_woonplaatsbeginsel_and_legitimatie_print_only_for_an_aanvraag(
    login, procesregisseur, traject, plan, gezinslid
):
    """002 DEEL H, Ondersteuningsplan, Overige gegevens: "Indien het een aanvraag of
    beschikking betreft: Het woonplaatsbeginsel is gecontroleerd / Legitimatie is
    gecontroleerd". Issue #12: every plan printed "niet gecontroleerd"."""
    client = login(procesregisseur)
    gewoon = _vast(plan, procesregisseur)
    for tekst in (_pdf_tekst(gewoon), _pagina(client, traject, gewoon)):
        assert "Woonplaatsbeginsel" not in tekst and "Legitimatie" not in tekst
        assert "niet gecontroleerd" not in tekst
        assert "Dit plan dient niet als aanvraag voor een beschikking." in tekst

    gezinslid.woonplaatsbeginsel_gecontroleerd = True
    gezinslid.save()
    response = client.post(
        reverse("plannen:teksten", args=[traject.pk]),
        {"revisie": plan.revisie, "zorgen_veiligheid": "unknown", "aanvraag_beschikking": "on"},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.aanvraag_beschikking
    aanvraag = _vast(plan, procesregisseur)
    assert aanvraag.inhoud["aanvraag_beschikking"] is True
    for tekst in (_pdf_tekst(aanvraag), _pagina(client, traject, aanvraag)):
        overig = " ".join(_sectie(tekst, "Overige gegevens", "Aanleiding voor").split())
        assert "Woonplaatsbeginsel gecontroleerd" in overig
        assert "Legitimatie gecontroleerd" in overig
        # naam, toestemming, VIR (an adult: n.v.t.), woonplaatsbeginsel ja, legitimatie nee
        assert re.search(rf"{gezinslid}\s+nee\s+n\.v\.t\.\s+ja\s+nee", overig), overig


def test_an_aanvraag_reminds_of_the_checks_not_done(plan, gezinslid, procesregisseur):
    plan = services.plan_sections_save(
        plan=plan, revisie=plan.revisie, door=procesregisseur, aanvraag_beschikking=True
    )
    from plannen.selectors.plan import plan_with_everything

    hints = quality_issues(plan_with_everything(plan.pk))
    assert any("woonplaatsbeginsel is nog niet gecontroleerd bij Anna" in h for h in hints)
    assert any("legitimatie is nog niet gecontroleerd bij Anna" in h for h in hints)
    gezinslid.woonplaatsbeginsel_gecontroleerd = gezinslid.legitimatie_gecontroleerd = True
    gezinslid.save()
    hints = quality_issues(plan_with_everything(plan.pk))
    assert not any("gecontroleerd" in h for h in hints)


# --- Who holds casusregie (002 ch. 5 Niveau 1: "uzelf, een familielid, een goede vriend") ----


def test_the_plan_lists_a_network_member_who_holds_casusregie_with_the_professionals(
    login, procesregisseur, casusregisseur, traject, plan, informele_casusregisseur
):
    """Issue #12: a household or network member holding casusregie was missing from the plan."""
    client = login(procesregisseur)
    draft = client.get(reverse("plannen:plan", args=[traject.pk])).content.decode()
    regie = _sectie(draft, "Regie", "Vastgestelde versies")
    assert "Riet van Dam (oma, uit huishouden of netwerk): Wonen" in regie
    assert casusregisseur.get_full_name() in regie
    versie = _vast(plan, procesregisseur)
    for tekst in (_pdf_tekst(versie), _pagina(client, traject, versie)):
        sectie = _sectie(tekst, "Casusregisseurs", "Betrokken familie")
        assert casusregisseur.get_full_name() in sectie
        assert "Riet van Dam (oma, uit huishouden of netwerk): Wonen" in sectie


# --- Polish: punctuation, empty sections, headings, hints ----------------------------------

DUBBEL = re.compile(r"(?<!\.)\.\.(?!\.)|\.[,;:]|[,;:]\.|[,;:]{2}")


@pytest.fixture
def leestekens(plan, doel, procesregisseur, overleg):
    """Text as people type it: every field ends with a full stop."""
    services.kracht_zorg_add(
        plan=plan,
        soort="zorg",
        wie="Mentor.",
        wat="Daan verzuimt en er is geen contact met de mentor.",
        sinds="de zomer.",
        gevolgen="Hij loopt achter.",
    )
    services.kracht_zorg_add(
        plan=plan,
        soort="kracht",
        wie="Oma",
        wat="Er is nooit ruzie geweest.",
        sinds="2020.",
        citaat=True,
    )
    services.eerdere_hulp_add(
        plan=plan,
        hulp="Schuldhulp.",
        door="Plangroep.",
        wanneer="2023.",
        resultaat="Afgebroken.",
    )
    services.actie_add(
        doel=doel,
        door=procesregisseur,
        wat="Gesprek met de mentor.",
        wie="Vader.",
        wanneer=datetime.date(2026, 12, 3),
    )
    return _vast(plan, procesregisseur)


def test_no_doubled_punctuation_where_typed_text_meets_the_template(
    login, procesregisseur, traject, leestekens
):
    """Issue #12: "mentor..", "geweest., sinds" in the plan and its PDF."""
    client = login(procesregisseur)
    draft = client.get(reverse("plannen:plan", args=[traject.pk])).content.decode()
    draft = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", draft))
    delen = [
        _sectie(draft, "Krachten en zorgen", "Doelen en acties"),
        _sectie(draft, "Planning overleg", "Vaststellen in het overleg"),
    ]
    for tekst in (_pdf_tekst(leestekens), _pagina(client, traject, leestekens)):
        plan_deel = " ".join(tekst.split())
        # the Ondersteuningsplan's sections (the Veiligheidsplan's, if any, follow them)
        delen.append(plan_deel[plan_deel.index("Contactgegevens") :].split("Veiligheidsplan")[0])
    for deel in delen:
        assert not DUBBEL.search(deel), DUBBEL.search(deel)
    tekst = " ".join(_pdf_tekst(leestekens).split())
    assert (
        "Mentor: Daan verzuimt en er is geen contact met de mentor, sinds de zomer. "
        "Gevolgen: Hij loopt achter." in tekst
    )
    # a quote stays literal, punctuation and all
    assert "Oma: “Er is nooit ruzie geweest.”, sinds 2020." in tekst
    assert "Schuldhulp, door Plangroep, 2023. Resultaat: Afgebroken." in tekst
    assert "Vader: Gesprek met de mentor (uiterlijk 3 december 2026)" in tekst


def test_an_empty_section_says_niet_ingevuld_not_a_bullet_with_a_dash(plan, procesregisseur):
    """Issue #12: "Eerdere hulpverlening • —"."""
    tekst = _pdf_tekst(_vast(plan, procesregisseur))
    for titel, volgende in [
        ("Eerdere hulpverlening", "Integrale analyse"),
        ("Betrokken familie en vrienden", "Betrokken professionals"),
        ("Integrale analyse", "Gewenste resultaat"),
        ("Samenvatting", "Planning overleg"),
    ]:
        deel = _sectie(tekst, titel, volgende)
        assert "niet ingevuld" in deel, deel
        # No "• —". A lone "•" can be extracted at a page break (the next section's list
        # marker, depending on where the page ends), so the bullet is checked per line.
        regels = [r.strip() for r in deel.splitlines()]
        assert "—" not in deel and not [r for r in regels if r.startswith("•") and "—" in r]


def test_planning_overleg_is_printed_once(plan, procesregisseur, overleg):
    """Issue #12: a hidden table caption printed a second "Planning overleg" in the PDF."""
    tekst = _pdf_tekst(_vast(plan, procesregisseur))
    assert tekst.count("Planning overleg") == 1
    assert "Stadhuis Gouda" in tekst.split("Planning overleg")[1]


def test_a_quality_hint_is_cut_on_a_word_boundary(plan):
    """Issue #12: a hint read "... van dit veil"."""
    lang = "Anna en Sam houden zich aan de veiligheidsafspraken van dit veiligheidsplan, elke dag."
    services.doel_add(plan=plan, tekst=lang)
    from plannen.selectors.plan import plan_with_everything

    hint = next(h for h in quality_issues(plan_with_everything(plan.pk)) if "Anna en Sam" in h)
    geciteerd = hint[hint.index("“") + 1 : hint.index("”")]
    assert geciteerd.endswith("…")
    woorden = [w.strip(",.") for w in lang.split()]
    assert all(w in woorden for w in geciteerd[:-1].split()), geciteerd
    assert len(geciteerd) <= 80
