"""Every URL of the project, for every persona: what they get (issue #2).

A new URL pattern without a row here fails `test_every_url_is_classified`, so nobody can
add a page without deciding who may open it. Later issues extend TABLE; no row is skipped.
"""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Max
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from implementatie.models import PlanItem, Sjabloon
from implementatie.services import sjabloon_copy
from regie.constants import AuditActie, AuditUitkomst
from regie.models import AuditEntry
from tests import factories
from tests.personas import PERSONAS
from tests.urltable import CASE, LOGIN, REAUTH, Row, everyone, involved, only, signed_in

IMPL_LEZERS = ["aandachtsfunctionaris", "agendahouder", "manager"]


@pytest.fixture
def implementatieplan(aandachtsfunctionaris):
    return factories.implementatieplan(aandachtsfunctionaris)


@pytest.fixture
def implementatie_item(implementatieplan):
    return PlanItem.objects.filter(ronde__plan=implementatieplan).first()


@pytest.fixture
def implementatie_bewijs(implementatie_item, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    implementatie_item.bewijs_bestand.save("besluit.pdf", ContentFile(b"%PDF-1.4 besluit"))
    implementatie_item.bewijs_naam = "besluit.pdf"
    implementatie_item.bewijs_soort = "pdf"
    implementatie_item.save()
    return implementatie_item


@pytest.fixture
def eigen_sjabloon(beheerder):
    return sjabloon_copy(
        sjabloon=Sjabloon.objects.get(sleutel="000-deel-d"), door=beheerder, naam="Eigen"
    )


@pytest.fixture
def eigen_thema(eigen_sjabloon):
    return eigen_sjabloon.themas.first()


@pytest.fixture
def eigen_sjabloon_item(eigen_thema):
    return eigen_thema.items.first()


TABLE: dict[str, Row] = {
    "start": Row(signed_in(200)),
    "rol_wisselen": Row(signed_in(302), method="post"),
    "health": Row(everyone(200)),
    # Beheer: the beheerder only.
    "beheer:organisaties": Row(only(["beheerder"])),
    "beheer:organisatie_nieuw": Row(only(["beheerder"])),
    "beheer:organisatie": Row(only(["beheerder"]), kwargs={"pk": "org_a.pk"}),
    "beheer:gebruikers": Row(only(["beheerder"])),
    "beheer:gebruiker_nieuw": Row(only(["beheerder"])),
    "beheer:gebruiker": Row(only(["beheerder"]), kwargs={"pk": "casusregisseur.pk"}),
    "beheer:gebruiker_bewerken": Row(only(["beheerder"]), kwargs={"pk": "casusregisseur.pk"}),
    "beheer:gebruiker_status": Row(only(["beheerder"]), kwargs={"pk": "casusregisseur.pk"}),
    "beheer:gebruiker_ontgrendelen": Row(
        only(["beheerder"], status=302), method="post", kwargs={"pk": "casusregisseur.pk"}
    ),
    "beheer:gebruiker_uitnodigen": Row(
        only(["beheerder"], status=302), method="post", kwargs={"pk": "casusregisseur.pk"}
    ),
    # Privacy: the privacy officer only.
    "privacy:auditlog": Row(only(["privacyfunctionaris"])),
    "privacy:auditlog_export": Row(only(["privacyfunctionaris"])),
    # Huishoudens and trajecten (#3): case roles only; case data only for those involved
    # (Petra procesregisseur, Karim casusregisseur); Bob of another organisation gets 404.
    "huishoudens:huishoudens": Row(only(CASE)),
    "huishoudens:aanmelden": Row(only(CASE)),
    "huishoudens:huishouden": Row(involved(), kwargs={"pk": "traject.huishouden_id"}),
    "huishoudens:aanmelden_bestaand": Row(involved(), kwargs={"pk": "traject.huishouden_id"}),
    "huishoudens:gezinslid_nieuw": Row(involved(), kwargs={"pk": "traject.huishouden_id"}),
    "huishoudens:gezinslid": Row(
        involved(), kwargs={"pk": "traject.huishouden_id", "lid_pk": "gezinslid.pk"}
    ),
    "huishoudens:toestemming": Row(
        involved(), kwargs={"pk": "traject.huishouden_id", "lid_pk": "gezinslid.pk"}
    ),
    "huishoudens:netwerklid_nieuw": Row(involved(), kwargs={"pk": "traject.huishouden_id"}),
    "huishoudens:huishouden_bewerken": Row(involved(), kwargs={"pk": "traject.huishouden_id"}),
    "huishoudens:netwerklid": Row(
        involved(), kwargs={"pk": "traject.huishouden_id", "netwerk_pk": "netwerklid.pk"}
    ),
    "huishoudens:verwijderen": Row(
        involved(),
        kwargs={"pk": "traject.huishouden_id", "soort": "netwerk", "item_pk": "netwerklid.pk"},
    ),
    "huishoudens:professional_nieuw": Row(involved(), kwargs={"pk": "traject.huishouden_id"}),
    "huishoudens:traject": Row(involved(), kwargs={"pk": "traject.pk"}),
    "huishoudens:fase": Row(involved(302, casus=403), method="post", kwargs={"pk": "traject.pk"}),
    "huishoudens:intake": Row(
        involved(302, casus=403), kwargs={"pk": "traject.pk"}
    ),  # fase 1: back to the traject
    "huishoudens:actie": Row(
        involved(302, casus=403),
        method="post",
        kwargs={"pk": "traject.pk", "actie_pk": "procesregisseur_actie.pk"},
    ),
    "huishoudens:regisseur_nieuw": Row(involved(casus=403), kwargs={"pk": "traject.pk"}),
    "huishoudens:signaal_nieuw": Row(involved(), kwargs={"pk": "traject.pk"}),
    "huishoudens:overdracht_nieuw": Row(involved(), kwargs={"pk": "traject.pk"}),
    # The folders of 002 DEEL F for a traject (#12): everyone involved views, prints, gives or
    # sends them; a post without a recipient shows the page again with its errors.
    "huishoudens:folders": Row(involved(), kwargs={"pk": "traject.pk"}),
    "huishoudens:folder": Row(involved(), kwargs={"pk": "traject.pk", "soort": "klant_u"}),
    "huishoudens:folder_pdf": Row(involved(), kwargs={"pk": "traject.pk", "soort": "professional"}),
    "huishoudens:folder_uitreiken": Row(involved(), method="post", kwargs={"pk": "traject.pk"}),
    # Only the named successor (Karim) opens a handover.
    "huishoudens:overdracht": Row(involved(proces=404), kwargs={"pk": "overdracht.pk"}),
    # Fase 6a/6b and who holds regie (#12): a regisseur ends their own role; the
    # procesregisseur records aftercare, rounds procesregie off at level 1 (refused at the
    # start level 2: back to the traject) and names members or network as casusregisseur;
    # everyone involved records the household's preferred procesregisseur.
    "huishoudens:betrokkenheid_afsluiten": Row(involved(), kwargs={"pk": "traject.pk"}),
    "huishoudens:procesregie_afronden": Row(
        involved(302, casus=403), method="post", kwargs={"pk": "traject.pk"}
    ),
    "huishoudens:nazorg": Row(involved(casus=403), kwargs={"pk": "traject.pk"}),
    "huishoudens:nazorg_verwijderen": Row(
        involved(302, casus=403),
        method="post",
        kwargs={"pk": "traject.pk", "afspraak_pk": "nazorgafspraak.pk"},
    ),
    "huishoudens:voorkeur": Row(involved(), kwargs={"pk": "traject.pk"}),
    "huishoudens:informele_casusregisseur": Row(involved(casus=403), kwargs={"pk": "traject.pk"}),
    "huishoudens:informele_casusregisseur_einde": Row(
        involved(302, casus=403),
        method="post",
        kwargs={"pk": "traject.pk", "item_pk": "informele_casusregisseur.pk"},
    ),
    # Ondersteuningsplan (#4): everyone involved works on the plan; the forms post and return.
    "plannen:plan": Row(involved(), kwargs={"pk": "traject.pk"}),
    "plannen:teksten": Row(involved(400), method="post", kwargs={"pk": "traject.pk"}),
    "plannen:kracht_zorg": Row(involved(302), method="post", kwargs={"pk": "traject.pk"}),
    "plannen:eerdere_hulp": Row(involved(302), method="post", kwargs={"pk": "traject.pk"}),
    "plannen:doel": Row(involved(302), method="post", kwargs={"pk": "traject.pk"}),
    "plannen:actie": Row(
        involved(302), method="post", kwargs={"pk": "traject.pk", "doel_pk": "doel.pk"}
    ),
    "plannen:doel_bereikt": Row(
        involved(302), method="post", kwargs={"pk": "traject.pk", "doel_pk": "doel.pk"}
    ),
    "plannen:vaststellen": Row(involved(302), method="post", kwargs={"pk": "traject.pk"}),
    "plannen:versie": Row(involved(), kwargs={"pk": "traject.pk", "nummer": "planversie.nummer"}),
    "plannen:vergelijk": Row(involved(), kwargs={"pk": "planversie.plan.traject_id"}),
    "plannen:mijn_acties": Row(only(CASE)),
    "plannen:overleggen": Row(involved(), kwargs={"pk": "traject.pk"}),
    "plannen:overleg_nieuw": Row(involved(), kwargs={"pk": "traject.pk"}),
    "plannen:overleg": Row(involved(), kwargs={"pk": "overleg.pk"}),
    "plannen:uitnodiging": Row(involved(), kwargs={"pk": "overleg.pk"}),
    "plannen:overleg_wijzigen": Row(involved(), kwargs={"pk": "overleg.pk"}),
    "plannen:overleg_annuleren": Row(involved(), kwargs={"pk": "overleg.pk"}),
    "plannen:voorbereiding": Row(involved(302), method="post", kwargs={"pk": "overleg.pk"}),
    "plannen:uitnodiging_opnieuw": Row(
        involved(302), method="post", kwargs={"pk": "overleg.pk", "genodigde": "genodigde.pk"}
    ),
    "plannen:uitnodiging_brief": Row(
        involved(), kwargs={"pk": "overleg.pk", "genodigde": "genodigde.pk"}
    ),
    # The personal reply link needs no account: the unguessable token is the key.
    "plannen:antwoord": Row(everyone(200), kwargs={"token": "genodigde.token"}),
    # An organisation's own invitation texts: its beheerder and aandachtsfunctionaris.
    "plannen:sjablonen": Row(only(["beheerder", "aandachtsfunctionaris"])),
    "plannen:sjabloon_bewerken": Row(
        only(["beheerder", "aandachtsfunctionaris"]), kwargs={"soort": "start", "vorm": "u"}
    ),
    # Without an own version there is nothing to put back: back to the list.
    "plannen:sjabloon_terugzetten": Row(
        only(["beheerder", "aandachtsfunctionaris"], status=302),
        kwargs={"soort": "start", "vorm": "jij"},
    ),
    "plannen:veiligheidsplan": Row(involved(), kwargs={"pk": "traject.pk"}),
    "plannen:pdf": Row(
        involved(), kwargs={"pk": "traject.pk", "nummer": "gerenderde_versie.nummer"}
    ),
    "plannen:versturen": Row(
        involved(), kwargs={"pk": "traject.pk", "nummer": "planversie.nummer"}
    ),
    "plannen:pdf_status": Row(
        involved(), kwargs={"pk": "traject.pk", "nummer": "planversie.nummer"}
    ),
    "plannen:pdf_maken": Row(
        involved(302), method="post", kwargs={"pk": "traject.pk", "nummer": "planversie.nummer"}
    ),
    "plannen:afspraak": Row(involved(302), method="post", kwargs={"pk": "traject.pk"}),
    "plannen:contact": Row(involved(302), method="post", kwargs={"pk": "traject.pk"}),
    "plannen:score": Row(involved(302), method="post", kwargs={"pk": "traject.pk"}),
    "plannen:nakoming": Row(involved(302), method="post", kwargs={"pk": "traject.pk"}),
    "plannen:ondertekenen": Row(
        involved(), kwargs={"pk": "traject.pk", "nummer": "planversie.nummer"}
    ),
    "plannen:actie_bijwerken": Row(
        involved(302), method="post", kwargs={"actie_pk": "plan_actie.pk"}
    ),
    # The organisation's own start criteria: its aandachtsfunctionaris.
    "huishoudens:criteria": Row(only(["aandachtsfunctionaris"])),
    "huishoudens:criterium_actief": Row(
        only(["aandachtsfunctionaris"], status=302),
        method="post",
        kwargs={"pk": "eigen_criterium.pk"},
    ),
    # Regiekaart (#6): the card for every professional; its adoption, texts and names for the
    # beheerder; a traject's level for those involved, decided by the procesregisseur (Karim
    # reads); escalations for the manager in scope; the badge colours are public (no data).
    "regiekaart:kleuren": Row(everyone(200)),
    "regiekaart:kaart": Row(signed_in(200)),
    "regiekaart:vaststellen": Row(only(["beheerder"]), method="post"),  # invalid: the form again
    "regiekaart:niveau_bewerken": Row(only(["beheerder"]), kwargs={"nummer": "2"}),
    "regiekaart:namen": Row(only(["beheerder"])),
    "regiekaart:naam_nieuw": Row(only(["beheerder"])),
    "regiekaart:naam": Row(only(["beheerder"]), kwargs={"pk": "kaartinvulling.pk"}),
    "regiekaart:naam_verwijderen": Row(
        only(["beheerder"], status=302), method="post", kwargs={"pk": "kaartinvulling.pk"}
    ),
    "regiekaart:traject": Row(involved(), kwargs={"pk": "traject.pk"}),
    "regiekaart:overdracht": Row(
        involved(302, casus=403), method="post", kwargs={"pk": "traject.pk"}
    ),
    "regiekaart:escalaties": Row(only(["manager"])),
    "regiekaart:escalatie": Row(only(["manager"]), kwargs={"pk": "opschaling.pk"}),
    # Issue #12: a casusregisseur escalates, and so resolves, also beside a procesregisseur
    # (002 ch. 3 "Schaalt op- en af zoals beschreven in de regiekaart").
    "regiekaart:afhandelen": Row(
        {**involved(302), "manager": 302},
        method="post",
        kwargs={"pk": "opschaling.pk"},
    ),
    "regiekaart:meldingen_gelezen": Row(only(["manager"], status=302), method="post"),
    # Meldcode (#10): a dossier exists for everyone involved; its content for the owner (Karim)
    # and the procesregisseur (Petra); recording, grants, shielding and inzage for the owner.
    # Posts without data show the form again with its errors (200).
    "meldcode:nieuw": Row(involved(), kwargs={"traject_pk": "traject.pk"}),
    "meldcode:acuut": Row(involved(), kwargs={"pk": "traject.pk"}),
    "meldcode:dossier": Row(involved(), kwargs={"pk": "dossier.pk"}),
    "meldcode:stap": Row(
        involved(proces=403), method="post", kwargs={"pk": "dossier.pk", "code": "0"}
    ),
    "meldcode:weging": Row(involved(proces=403), kwargs={"pk": "dossier.pk"}),
    "meldcode:melding": Row(involved(proces=403), method="post", kwargs={"pk": "dossier.pk"}),
    "meldcode:terugkoppeling": Row(
        involved(proces=403),
        method="post",
        kwargs={"pk": "dossier.pk", "melding_pk": "vt_melding.pk"},
    ),
    "meldcode:gebeurtenis": Row(involved(proces=403), method="post", kwargs={"pk": "dossier.pk"}),
    "meldcode:sluiten": Row(involved(proces=403), kwargs={"pk": "dossier.pk"}),
    "meldcode:toegang": Row(involved(proces=403), kwargs={"pk": "dossier.pk"}),
    "meldcode:toegang_intrekken": Row(
        involved(proces=403), kwargs={"pk": "dossier.pk", "toegang_pk": "dossier_toegang.pk"}
    ),
    "meldcode:afschermen": Row(
        involved(proces=403),
        kwargs={"pk": "dossier.pk", "soort": "signalen", "item_pk": "meldcode_signalen.pk"},
    ),
    "meldcode:inzage": Row(involved(proces=403), kwargs={"pk": "dossier.pk"}),
    # The region's crisis contacts and risk-instrument training: the beheerder.
    "meldcode:crisiscontacten": Row(only(["beheerder"])),
    "meldcode:crisiscontact_nieuw": Row(only(["beheerder"])),
    "meldcode:crisiscontact": Row(only(["beheerder"]), kwargs={"pk": "crisiscontact.pk"}),
    "meldcode:crisiscontact_verwijderen": Row(
        only(["beheerder"]), kwargs={"pk": "crisiscontact.pk"}
    ),
    "meldcode:scholingen": Row(only(["beheerder"])),
    "meldcode:scholing_verwijderen": Row(
        only(["beheerder"]), kwargs={"pk": "instrumentscholing.pk"}
    ),
    # The evaluation with the household (#14, 002 DEEL I): the procesregisseur's page of a
    # traject (the fixtures' traject is not in 6b yet: the page says so, posts go back to it);
    # the personal link needs no account (the unguessable token is the key, GET does not use
    # it up); results and surveys for the roles with a scope (organisation, gemeente, region).
    "implementatie:evaluatie_traject": Row(involved(casus=403), kwargs={"pk": "traject.pk"}),
    "implementatie:evaluatie_papier": Row(
        involved(302, casus=403), method="post", kwargs={"pk": "traject.pk"}
    ),
    "implementatie:evaluatie_versturen": Row(
        involved(302, casus=403), method="post", kwargs={"pk": "traject.pk"}
    ),
    "implementatie:evaluatie_invullen": Row(
        everyone(200), kwargs={"token": "evaluatie_link.token"}
    ),
    "implementatie:evaluatie_resultaten": Row(
        only(["manager", "aandachtsfunctionaris", "agendahouder"])
    ),
    "implementatie:evaluatie_enquetes": Row(
        only(["manager", "aandachtsfunctionaris", "agendahouder"])
    ),
    "implementatie:evaluatie_enquete": Row(
        only(["manager", "aandachtsfunctionaris", "agendahouder"]), kwargs={"pk": "enquete.pk"}
    ),
    # Monitoring figures (#14): the roles with a scope of their own (counts only, no case data;
    # the regiocoördinator, not a persona here, is tested in implementatie/tests).
    "implementatie:monitoring": Row(only(["manager", "aandachtsfunctionaris", "agendahouder"])),
    "implementatie:monitoring_csv": Row(only(["manager", "aandachtsfunctionaris", "agendahouder"])),
    # Implementatie, checklists side (#14): plans for the roles whose scope covers them
    # (implementatie/policy.py; the organisation's plan of org A: its aandachtsfunctionaris
    # keeps it, the manager and the agendahouder of its gemeente read it); a new year only by
    # the owner (an empty post goes back to the plan); templates for the beheerder. The
    # regiocoördinator, not a persona here, is tested in implementatie/tests/test_toegang.py.
    "implementatie:plannen": Row(only(IMPL_LEZERS)),
    "implementatie:plan_nieuw": Row(only(["aandachtsfunctionaris", "agendahouder"])),
    "implementatie:plan": Row(only(IMPL_LEZERS), kwargs={"pk": "implementatieplan.pk"}),
    "implementatie:plan_jaar": Row(
        only(IMPL_LEZERS), kwargs={"pk": "implementatieplan.pk", "jaar": "2026"}
    ),
    "implementatie:plan_jaren": Row(only(IMPL_LEZERS), kwargs={"pk": "implementatieplan.pk"}),
    "implementatie:jaar_nieuw": Row(
        {**only(IMPL_LEZERS, status=403), "aandachtsfunctionaris": 302},
        method="post",
        kwargs={"pk": "implementatieplan.pk"},
    ),
    "implementatie:pdca": Row(only(IMPL_LEZERS), kwargs={"pk": "implementatieplan.pk"}),
    "implementatie:plan_pdf": Row(only(IMPL_LEZERS), kwargs={"pk": "implementatieplan.pk"}),
    "implementatie:item": Row(only(IMPL_LEZERS), kwargs={"pk": "implementatie_item.pk"}),
    "implementatie:bewijs": Row(only(IMPL_LEZERS), kwargs={"pk": "implementatie_bewijs.pk"}),
    "implementatie:overzicht": Row(only(["agendahouder"])),
    "implementatie:sjablonen": Row(only(["beheerder"])),
    "implementatie:sjabloon_nieuw": Row(only(["beheerder"])),
    "implementatie:sjabloon": Row(only(["beheerder"]), kwargs={"pk": "eigen_sjabloon.pk"}),
    "implementatie:sjabloon_kopieren": Row(
        only(["beheerder"], status=302), method="post", kwargs={"pk": "eigen_sjabloon.pk"}
    ),
    "implementatie:thema_nieuw": Row(
        only(["beheerder"]), kwargs={"sjabloon_pk": "eigen_sjabloon.pk"}
    ),
    "implementatie:thema": Row(only(["beheerder"]), kwargs={"pk": "eigen_thema.pk"}),
    "implementatie:sjabloon_item_nieuw": Row(
        only(["beheerder"]), kwargs={"thema_pk": "eigen_thema.pk"}
    ),
    "implementatie:sjabloon_item": Row(
        only(["beheerder"]), kwargs={"pk": "eigen_sjabloon_item.pk"}
    ),
    # Authentication (django-allauth).
    "account_login": Row(everyone(302, anon=200)),
    "account_logout": Row(everyone(LOGIN), method="post"),
    "account_inactive": Row(everyone(200)),
    "account_reauthenticate": Row(signed_in(200)),
    "account_change_password": Row(signed_in(200)),
    "account_reset_password": Row(everyone(200)),
    "account_reset_password_done": Row(everyone(200)),
    "account_reset_password_from_key": Row(everyone(200), kwargs={"uidb36": "0", "key": "x-y"}),
    "account_reset_password_from_key_done": Row(everyone(200)),
    "mfa_index": Row(signed_in(200)),
    "mfa_authenticate": Row(everyone(302, anon=LOGIN)),
    "mfa_reauthenticate": Row(signed_in(200)),
    "mfa_activate_totp": Row(signed_in(REAUTH)),
    "mfa_view_recovery_codes": Row(signed_in(REAUTH)),
    "mfa_generate_recovery_codes": Row(signed_in(REAUTH)),
    "mfa_download_recovery_codes": Row(signed_in(REAUTH)),
}


def _url_names(patterns, namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(filter(None, [namespace, p.namespace])) or None
            yield from _url_names(p.url_patterns, ns)
        elif isinstance(p, URLPattern):
            yield ":".join(filter(None, [namespace, p.name]))


def project_url_names() -> set[str]:
    return set(_url_names(get_resolver().url_patterns))


def test_every_url_is_classified():
    names = project_url_names()
    assert names - TABLE.keys() == set(), "URL patterns without a row in TABLE"
    assert TABLE.keys() - names == set(), "rows in TABLE for URLs that no longer exist"


def test_every_row_names_every_persona():
    for name, row in TABLE.items():
        assert set(row.expected) == set(PERSONAS), name


def _resolve_kwargs(row: Row, personas, request) -> dict:
    kwargs = {}
    for key, spec in row.kwargs.items():
        if "." in spec:
            fixture, *attrs = spec.split(".")
            value = personas.get(fixture) or request.getfixturevalue(fixture)
            for attr in attrs:
                value = getattr(value, attr)
            kwargs[key] = value
        else:
            kwargs[key] = spec
    return kwargs


@pytest.mark.parametrize("name", sorted(TABLE))
def test_url_access_per_persona(name, personas, login, request):
    row = TABLE[name]
    url = reverse(name, kwargs=_resolve_kwargs(row, personas, request))
    login_url = reverse(settings.LOGIN_URL)
    reauth_url = reverse("account_reauthenticate")
    outcomes = {}
    for persona in PERSONAS:
        client = login(personas[persona])
        before = AuditEntry.objects.aggregate(last=Max("id"))["last"] or 0
        response = getattr(client, row.method)(url)
        got = response.status_code
        if got == 302 and response["Location"].startswith(login_url):
            got = LOGIN
        elif got == 302 and response["Location"].startswith(reauth_url):
            got = REAUTH
        outcomes[persona] = got
        if _is_case_row(row):
            _assert_audited(
                name, row, persona, got, AuditEntry.objects.filter(id__gt=before), request
            )
    assert outcomes == row.expected


def _is_case_row(row: Row) -> bool:
    """Rows built with involved(): case data of the fixtures' one household."""
    return row.expected["buitenstaander"] == 404


def _assert_audited(name, row, persona, got, rows, request):
    """Issue #11: every GET of case data by someone involved writes a row naming the household,
    and every refused attempt by someone not involved names the household attempted, with the
    action tried (a refused POST is not a 'read')."""
    household = request.getfixturevalue("traject").huishouden_id
    if persona in ("procesregisseur", "casusregisseur") and row.method == "get" and got == 200:
        assert rows.filter(household_id=household, outcome=AuditUitkomst.ALLOWED).exists(), (
            f"{name}: {persona} opende huishoudgegevens zonder auditregel"
        )
    if persona == "buitenstaander":
        tried = AuditActie.READ if row.method == "get" else AuditActie.UPDATE
        assert rows.filter(
            household_id=household, outcome=AuditUitkomst.DENIED, action=tried
        ).exists(), f"{name}: geweigerde poging zonder huishouden of met verkeerde actie"
