"""Every monitoring figure on a known fixture, with the numbers computed by hand (issue #14),
and the subtraction attack: total minus visible parts, and region minus organisation.

The fixture: a region with gemeenten Noorddorp (organisation Team Noord) and Zuidstad (Team
Zuid). Noord: 10 procesregisseurs, 5 trained (Procesregisseur A); Zuid: 6, all trained,
3 of them also Casusregisseur B. Noord's regisseur holds 7 trajecten (4 in fase 4, 2 in 3a,
1 in fase 1, registered 1 February 2026), Zuid's 5 in fase 4 (registered 1 March 2026, level
3) and one closed in 2025.
"""

import datetime

import pytest
from django.utils import timezone

from huishoudens.models import Netwerklid, Traject
from implementatie import figuren
from implementatie.figuren_periode import Periode
from implementatie.scope import Niveau, Scope
from meldcode.models import Dossier, VtMelding, Weging
from plannen.models import Actie, Doel, Ondersteuningsplan, Overleg, Veiligheidsplan
from regie.constants import Rol
from regiekaart.models import Beoordeling, Opschaling, TrajectNiveau
from tests.factories import (
    CompetentieFactory,
    GemeenteFactory,
    OrganisatieFactory,
    RegioFactory,
    UserFactory,
    bulk_trajecten,
)

JAAR = Periode("jaar", 2026)


def _op(dag: datetime.date, uur: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


def _overleg(traject, door, datum, status):
    return Overleg(
        traject=traject,
        soort="start",
        datum=datum,
        begin=datetime.time(10),
        eind=datetime.time(11),
        status=status,
        aangemaakt_door=door,
    )


def _escalatie(traject, door, organisatie, gemeente, *, opgelost: bool):
    beoordeling = Beoordeling.objects.create(traject=traject, door=door, niveau=2, advies_niveau=3)
    return Opschaling.objects.create(
        traject=traject,
        beoordeling=beoordeling,
        van_niveau=2,
        naar_niveau=3,
        richting="op",
        advies_niveau=3,
        advies_gevolgd=True,
        door=door,
        op=_op(datetime.date(2026, 4, 10)),
        organisatie=organisatie,
        gemeente=gemeente,
        opgelost_op=_op(datetime.date(2026, 5, 12)) if opgelost else None,
        opgelost_door=door if opgelost else None,
        oplossing="Afgestemd met de manager." if opgelost else "",
    )


@pytest.fixture
def regio_data(db):
    regio = RegioFactory(naam="Testregio")
    noorddorp = GemeenteFactory(naam="Noorddorp", regio=regio)
    zuidstad = GemeenteFactory(naam="Zuidstad", regio=regio)
    noord = OrganisatieFactory(naam="Team Noord", gemeente=noorddorp)
    zuid = OrganisatieFactory(naam="Team Zuid", gemeente=zuidstad)
    getraind = datetime.date(2026, 1, 10)
    staf_noord = [UserFactory(organisatie=noord, rollen=[Rol.PROCESREGISSEUR]) for _ in range(10)]
    staf_zuid = [UserFactory(organisatie=zuid, rollen=[Rol.PROCESREGISSEUR]) for _ in range(6)]
    for user in staf_noord[:5] + staf_zuid:
        CompetentieFactory(user=user, profiel="proces_a", getraind_op=getraind)
    for user in staf_zuid[:3]:
        CompetentieFactory(user=user, profiel="casus_b", getraind_op=getraind)
    ra, rb = staf_noord[0], staf_zuid[0]

    feb, mrt = _op(datetime.date(2026, 2, 1)), _op(datetime.date(2026, 3, 1))
    noord_4 = bulk_trajecten(4, gemeente=noorddorp, regisseur=ra, fase="4", aangemeld_op=feb)
    noord_3a = bulk_trajecten(2, gemeente=noorddorp, regisseur=ra, fase="3a", aangemeld_op=feb)
    noord_1 = bulk_trajecten(1, gemeente=noorddorp, regisseur=ra, fase="1", aangemeld_op=feb)
    zuid_4 = bulk_trajecten(5, gemeente=zuidstad, regisseur=rb, fase="4", aangemeld_op=mrt)
    gesloten = bulk_trajecten(1, gemeente=zuidstad, regisseur=rb, fase="gesloten")
    Traject.objects.filter(pk=gesloten[0].pk).update(
        aangemeld_op=_op(datetime.date(2025, 6, 1)), gesloten_op=_op(datetime.date(2025, 12, 1))
    )
    TrajectNiveau.objects.bulk_create([TrajectNiveau(traject=t, nummer=3) for t in zuid_4])

    # Startoverleg: held 10 days after registration in Noord, 20 in Zuid; two cancelled.
    Overleg.objects.bulk_create(
        [_overleg(t, ra, datetime.date(2026, 2, 11), "gehouden") for t in noord_4]
        + [_overleg(t, rb, datetime.date(2026, 3, 21), "gehouden") for t in zuid_4]
        + [_overleg(t, ra, datetime.date(2026, 2, 20), "geannuleerd") for t in noord_3a]
    )
    # Plans for the 12 open trajecten; network for Zuid's 5 and one of Noord's.
    open_trajecten = noord_4 + noord_3a + noord_1 + zuid_4
    plannen = Ondersteuningsplan.objects.bulk_create(
        [Ondersteuningsplan(traject=t, zorgen_veiligheid=t in zuid_4) for t in open_trajecten]
    )
    per_traject = {p.traject_id: p for p in plannen}
    Netwerklid.objects.bulk_create(
        [Netwerklid(huishouden_id=t.huishouden_id, naam="Oma", rol="oma") for t in zuid_4]
        + [Netwerklid(huishouden_id=noord_4[0].huishouden_id, naam="Buur", rol="buurvrouw")]
    )
    Veiligheidsplan.objects.bulk_create(
        [Veiligheidsplan(plan=per_traject[t.pk]) for t in zuid_4[:4]]
    )
    # Two open actions per plan of fase 4: one overdue, one due next year.
    doelen = Doel.objects.bulk_create(
        [Doel(plan=per_traject[t.pk], tekst="Schulden op orde") for t in noord_4 + zuid_4]
    )
    Actie.objects.bulk_create(
        [
            Actie(doel=d, wat="Bellen", wanneer=wanneer)
            for d in doelen
            for wanneer in (datetime.date(2026, 1, 1), datetime.date(2027, 1, 1))
        ]
    )
    # Escalations in April: six by Zuid (five resolved in May), one by Noord.
    for i in range(6):
        _escalatie(zuid_4[i % 5], rb, zuid, zuidstad, opgelost=i < 5)
    _escalatie(noord_4[0], ra, noord, noorddorp, opgelost=False)
    # Meldcode: five dossiers in Zuid opened 5 June, weighed 15 June, two meldingen.
    for i, traject in enumerate(zuid_4):
        dossier = Dossier.objects.create(
            traject=traject, eigenaar=rb, geopend_door=rb, aanleiding="traject"
        )
        Weging.objects.create(
            dossier=dossier, vastgelegd_door=rb, op=datetime.date(2026, 6, 15), overwegingen="x"
        )
        if i < 2:
            VtMelding.objects.create(
                dossier=dossier, vastgelegd_door=rb, op=datetime.date(2026, 6, 20), inhoud="x"
            )
    Dossier.objects.update(geopend_op=_op(datetime.date(2026, 6, 5)))
    return {
        "regio": Scope(Niveau.REGIO, regio.pk),
        "noorddorp": Scope(Niveau.GEMEENTE, regio.pk, noorddorp.pk),
        "noord": Scope(Niveau.ORGANISATIE, regio.pk, noorddorp.pk, noord.pk),
        "zuid": Scope(Niveau.ORGANISATIE, regio.pk, zuidstad.pk, zuid.pk),
    }


def tekst(figuur, rij=None):
    """The shown texts of a row (by label) or of the total row."""
    if rij is None:
        return [c.tekst for c in figuur.totaal.cellen]
    return next([c.tekst for c in r.cellen] for r in figuur.rijen if r.label == rij)


def kolom(figuur, i=0):
    return {r.label: r.cellen[i].tekst for r in figuur.rijen}


@pytest.fixture(autouse=True)
def _vandaag(monkeypatch):
    monkeypatch.setattr(figuren, "_vandaag", lambda: datetime.date(2026, 11, 28))


def test_trained_regisseurs_per_profile_and_the_share_trained(regio_data):
    regio, zuid = regio_data["regio"], regio_data["zuid"]
    per_profiel = kolom(figuren.getrainde_regisseurs(regio, JAAR))
    # 11 with Procesregisseur A; 3 with Casusregisseur B is under 5.
    assert per_profiel == {
        "Casusregisseur A": "0",
        "Casusregisseur B": "<5",
        "Casusregisseur B+": "0",
        "Procesregisseur A": "11",
        "Procesregisseur B": "0",
        "Procesregisseur B+": "0",
    }
    # 16 regisseurs, 11 trained: 69%; Zuid 6 of 6.
    assert tekst(figuren.aandeel_getraind(regio, JAAR), "Regisseurs") == ["16", "11", "69%"]
    assert tekst(figuren.aandeel_getraind(zuid, JAAR), "Regisseurs") == ["6", "6", "100%"]
    # Trained after the period's end: not counted.
    assert tekst(figuren.aandeel_getraind(regio, Periode("jaar", 2025)), "Regisseurs") == [
        "16",
        "0",
        "0%",
    ]


def test_escalations_and_resolutions_per_month_and_level(regio_data):
    regio = regio_data["regio"]
    figuur = figuren.escalaties(regio, JAAR)
    assert tekst(figuur, "april 2026") == ["7", "0"]
    assert tekst(figuur, "mei 2026") == ["0", "5"]
    assert tekst(figuur) == ["7", "5"]
    per_niveau = figuren.escalaties_per_niveau(regio, JAAR)
    assert tekst(per_niveau, "Niveau 3") == ["7", "5"]
    assert tekst(per_niveau) == ["7", "5"]
    kwartaal = figuren.escalaties(regio, Periode("kwartaal", 2026, 2))
    assert [r.label for r in kwartaal.rijen] == ["april 2026", "mei 2026", "juni 2026"]
    assert tekst(kwartaal) == ["7", "5"]


def test_trajecten_per_phase_and_level_now(regio_data):
    regio = regio_data["regio"]
    fasen = figuren.trajecten_per_fase(regio, JAAR)
    assert tekst(fasen, "1. Aanmelding") == ["<5"]
    assert tekst(fasen, "3a. Startoverleg voorbereiden") == ["<5"]
    assert tekst(fasen, "4. Voortgang") == ["9"]
    assert tekst(fasen) == ["12"]
    niveaus = figuren.trajecten_per_niveau(regio, JAAR)
    assert tekst(niveaus, "Niveau 2") == ["7"]
    assert tekst(niveaus, "Niveau 3") == ["5"]
    assert tekst(niveaus) == ["12"]


def test_days_from_aanmelding_to_startoverleg(regio_data):
    # Four after 10 days, five after 20: median 20 over 9 trajecten.
    figuur = figuren.dagen_tot_startoverleg(regio_data["regio"], JAAR)
    assert tekst(figuur, "2026") == ["9", "20"]
    # February alone: 4 trajecten, no median.
    februari = figuren.dagen_tot_startoverleg(regio_data["regio"], Periode("maand", 2026, 2))
    assert tekst(februari, "februari 2026") == ["<5", "–"]
    # March: 5 trajecten, but a hidden February beside a shown quarter would leak: hidden too.
    maart = figuren.dagen_tot_startoverleg(regio_data["regio"], Periode("maand", 2026, 3))
    assert tekst(maart, "maart 2026") == ["<5", "20"]


def test_shares_of_plans_with_network_and_of_safety_concerns_with_a_veiligheidsplan(regio_data):
    regio = regio_data["regio"]
    assert tekst(figuren.plannen_met_netwerk(regio, JAAR), "2026") == ["12", "6", "50%"]
    # 5 with concerns, 4 with a Veiligheidsplan: the one without would show as 5 - 4.
    assert tekst(figuren.veiligheid_met_plan(regio, JAAR), "2026") == ["5", "<5", "–"]
    # Nothing ran in 2025 but the closed traject, which had no plan.
    assert tekst(figuren.plannen_met_netwerk(regio, Periode("jaar", 2025)), "2025") == [
        "0",
        "0",
        "–",
    ]


def test_meldcode_counts_and_days_to_decision(regio_data):
    regio = regio_data["regio"]
    figuur = figuren.meldcode(regio, JAAR)
    assert tekst(figuur, "juni 2026") == ["5", "<5", "5"]
    assert tekst(figuur) == ["5", "<5", "5"]
    assert tekst(figuren.dagen_tot_besluit(regio, JAAR), "2026") == ["5", "10"]


def test_overdue_actions_and_meetings_held_against_planned(regio_data):
    regio = regio_data["regio"]
    assert tekst(figuren.acties_te_laat(regio, JAAR), "Vandaag") == ["18", "9", "50%"]
    overleggen = figuren.overleggen(regio, JAAR)
    # Planned 11 (6 in February, 5 in March), held 9: 11 - 9 would show the 2 cancelled.
    assert tekst(overleggen) == ["11", "<5"]
    assert tekst(overleggen, "februari 2026") == ["<5", "<5"]
    assert tekst(overleggen, "maart 2026") == ["<5", "<5"]


def test_gemeenten_and_organisations_come_from_the_plans_hook(regio_data):
    geregistreerd = list(figuren.inzet_bronnen)  # the plans' own source (implementatie.apps)
    for bron in geregistreerd:
        figuren.inzet_bronnen.remove(bron)
    try:
        figuur = figuren.inzet(regio_data["regio"], JAAR)
        assert not figuur.beschikbaar

        def bron(scope, periode):
            return figuren.Inzet(gemeenten=2, gemeenten_met=1, organisaties=2, organisaties_met=2)

        figuren.register_inzet_bron(bron)
        figuur = figuren.inzet(regio_data["regio"], JAAR)
        assert tekst(figuur, "Gemeenten") == ["1", "2", "50%"]
        assert tekst(figuur, "Organisaties") == ["2", "2", "100%"]
        figuren.inzet_bronnen.remove(bron)
    finally:
        for bron in geregistreerd:
            figuren.register_inzet_bron(bron)


def test_the_plans_feed_the_figure_and_without_plans_nobody_works_with_the_method(regio_data):
    """The registered source is the plans' (implementatie.selectors.werkend_met_methode):
    the region's gemeenten are counted, none works with 1G1P1R before it has a plan."""
    figuur = figuren.inzet(regio_data["regio"], JAAR)
    assert figuur.beschikbaar
    werkt, totaal, _aandeel = tekst(figuur, "Gemeenten")
    assert werkt == "0" and int(totaal) >= 1


# --- The subtraction attack ------------------------------------------------------------------


def _getal(text):
    return None if text in ("<5", "–") else int(text.rstrip("%"))


def test_total_minus_visible_parts_never_yields_one_hidden_cell(regio_data):
    for scope in regio_data.values():
        for figuur in figuren.alle_figuren(scope, JAAR):
            if figuur.totaal is None:
                continue
            for i in range(len(figuur.kolommen)):
                delen = [_getal(r.cellen[i].tekst) for r in figuur.rijen]
                totaal = _getal(figuur.totaal.cellen[i].tekst)
                if totaal is not None:
                    assert delen.count(None) != 1, (figuur.sleutel, scope, delen, totaal)


def test_region_minus_organisation_reveals_nothing(regio_data):
    regio, zuid = regio_data["regio"], regio_data["zuid"]
    # April: region 7 escalations, Zuid 6: shown, 7 - 6 would single out Noord's one.
    assert tekst(figuren.escalaties(regio, JAAR), "april 2026") == ["7", "0"]
    assert tekst(figuren.escalaties(zuid, JAAR), "april 2026") == ["<5", "0"]
    assert tekst(figuren.escalaties(zuid, JAAR), "mei 2026") == ["0", "5"]  # rest 0: shown
    # Zuid holds 5 of the 9 trajecten in fase 4 (9 - 5 = 4 would leak): hidden. Its 0 in
    # fase 1 and 3a sits beside the region's hidden 1 and 2 (rule 3 hides it too), so the
    # total 5 is three hidden cells together, not one.
    fasen = figuren.trajecten_per_fase(zuid, JAAR)
    assert tekst(fasen, "4. Voortgang") == ["<5"]
    assert tekst(fasen, "1. Aanmelding") == tekst(fasen, "3a. Startoverleg voorbereiden") == ["<5"]
    assert tekst(fasen) == ["5"]


def test_a_month_its_quarter_and_its_year_do_not_subtract_to_a_hidden_month(regio_data):
    regio = regio_data["regio"]
    maanden = {
        m: tekst(figuren.dagen_tot_startoverleg(regio, Periode("maand", 2026, m)), p.label)[0]
        for m in (1, 2, 3)
        for p in [Periode("maand", 2026, m)]
    }
    kwartaal = tekst(
        figuren.dagen_tot_startoverleg(regio, Periode("kwartaal", 2026, 1)), "kwartaal 1 2026"
    )[0]
    assert kwartaal == "9"
    assert list(maanden.values()).count("<5") != 1
