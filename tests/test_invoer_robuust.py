"""Hostile input to every search and token URL answers 200, 400 or 404, never 500 (issue #11).

PostgreSQL refuses a NUL byte in any string, so `?q=%00` used to end in a 500 wherever the
value reached a query or the audit log. regie.middleware.NulByteMiddleware refuses NUL in the
path, the query string and form values with a plain Dutch 400; everything else odd (very
long values, combining marks, an RTL override, emoji, broken UTF-8) is simply no match.
Each URL is opened by the persona allowed to open it, so the view itself runs.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils.http import int_to_base36

# Fixtures of the evaluation rows (issue #14), taken with request.getfixturevalue.
from regie.models import Organisatie

NUL = "%00"
# Each value as it appears in the URL (already percent-encoded).
HOSTILE = {
    "nul": NUL,
    "nul-midden": "abc" + NUL + "def",
    "lang": "a" * 10_000,
    "combinerend": quote("Jansen\u0301\u0308\u0336"),
    "rtl-override": quote("\u202etxt.exe"),
    "emoji": quote("👨‍👩‍👧‍👦"),
    "surrogaat": "%ED%A0%80",
    "ongeldig-utf8": "%FF",
}

# (persona, URL name, URL args from fixtures, query parameters to fill in)
SEARCHES = [
    ("procesregisseur", "huishoudens:huishoudens", None, ["q", "pagina"]),
    ("beheerder", "beheer:gebruikers", None, ["q", "rol", "pagina"]),
    ("beheerder", "beheer:organisaties", None, ["q", "pagina"]),
    ("beheerder", "regiekaart:namen", None, ["q", "pagina"]),
    (
        "privacyfunctionaris",
        "privacy:auditlog",
        None,
        ["gebruiker", "persoon", "huishouden", "van", "tot", "actie", "uitkomst", "voor"],
    ),
    ("privacyfunctionaris", "privacy:auditlog_export", None, ["gebruiker", "huishouden"]),
    ("casusregisseur", "plannen:mijn_acties", None, ["pagina"]),
    ("manager", "regiekaart:escalaties", None, ["pagina"]),
    (
        "procesregisseur",
        "plannen:vergelijk",
        lambda f: [f["planversie"].plan.traject_id],
        ["a", "b"],
    ),
]


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _assert_sensible(response, waarde, allowed=(200, 400, 404)):
    _body(response)  # a streamed response fails while it is read
    assert response.status_code != 500
    assert response.status_code in allowed, response.status_code
    if NUL in waarde:
        assert response.status_code == 400
        assert "Ongeldige invoer" in response.content.decode()


@pytest.mark.parametrize("waarde", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize(
    "persona,naam,args,params", SEARCHES, ids=[s[1].replace(":", "-") for s in SEARCHES]
)
def test_hostile_search_terms_never_give_a_server_error(
    request, login, planversie, persona, naam, args, params, waarde
):
    fixtures = {"planversie": planversie}
    client = login(request.getfixturevalue(persona))
    url = reverse(naam, args=args(fixtures) if args else None)
    for param in params:
        response = client.get(f"{url}?{param}={waarde}")
        _assert_sensible(response, waarde)
    # The value as a parameter name, too.
    _assert_sensible(client.get(f"{url}?{waarde}=1"), waarde)


@pytest.mark.parametrize("waarde", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_invitation_tokens_never_give_a_server_error(client, overleg, waarde):
    response = client.get(f"/uitnodiging/{waarde}/")
    _assert_sensible(response, waarde, allowed=(400, 404))
    response = client.post(f"/uitnodiging/{waarde}/", {"antwoord": "geaccepteerd"})
    _assert_sensible(response, waarde, allowed=(400, 404))


@pytest.mark.parametrize("waarde", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_answers_through_a_real_token_never_give_a_server_error(client, overleg, waarde):
    g = overleg.genodigden.get(email="karim@regie.test")
    url = reverse("plannen:antwoord", args=[g.token])
    assert reverse("plannen:antwoord", args=["x"]) == "/uitnodiging/x/"
    response = client.get(f"{url}?antwoord={waarde}")
    _assert_sensible(response, waarde)
    response = client.post(
        url, f"antwoord={waarde}", content_type="application/x-www-form-urlencoded"
    )
    _assert_sensible(response, waarde, allowed=(200, 400))
    g.refresh_from_db()
    assert g.antwoord == "", "no hostile value was stored as an answer"


@pytest.mark.parametrize("waarde", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_evaluation_tokens_never_give_a_server_error(client, request, waarde):
    """Issue #14: the evaluation's personal link (002 DEEL I)."""
    request.getfixturevalue("vragenlijsten")
    assert reverse("implementatie:evaluatie_invullen", args=["x"]) == (
        "/implementatie/evaluatie/invullen/x/"
    )
    response = client.get(f"/implementatie/evaluatie/invullen/{waarde}/")
    _assert_sensible(response, waarde, allowed=(400, 404))
    response = client.post(f"/implementatie/evaluatie/invullen/{waarde}/", {"v_stelling_1": "5"})
    _assert_sensible(response, waarde, allowed=(400, 404))


@pytest.mark.parametrize("waarde", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_answers_through_a_real_evaluation_link_never_give_a_server_error(
    client, request, waarde
):
    from implementatie.models import Inzending, Link

    token = request.getfixturevalue("evaluatie_link").token
    url = reverse("implementatie:evaluatie_invullen", args=[token])
    response = client.post(
        url,
        f"v_stelling_1={waarde}&v_stelling_2=4",
        content_type="application/x-www-form-urlencoded",
    )
    _assert_sensible(response, waarde, allowed=(200, 400))
    assert not Inzending.objects.exists(), "no hostile value was stored as an answer"
    assert not Link.objects.filter(gebruikt=True).exists()


@pytest.mark.parametrize("waarde", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_password_reset_keys_never_give_a_server_error(client, casusregisseur, waarde):
    uid = int_to_base36(casusregisseur.pk)
    assert reverse("account_reset_password_from_key", kwargs={"uidb36": uid, "key": "x"}) == (
        f"/account/password/reset/key/{uid}-x/"
    )
    # A hostile key for a real account: the "invalid link" page (200), or 400 for NUL.
    response = client.get(f"/account/password/reset/key/{uid}-{waarde}/")
    _assert_sensible(response, waarde)
    # A hostile account part: no such URL, or no such account.
    response = client.get(f"/account/password/reset/key/{waarde}-abc/")
    _assert_sensible(response, waarde)


def test_nul_in_a_form_value_is_refused_before_the_view(login, beheerder):
    client = login(beheerder)
    response = client.post(
        reverse("beheer:organisatie_nieuw"),
        "naam=Team%00Gouda&soort=lokaal_team",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "Ongeldige invoer" in response.content.decode()
    # Refused after the security headers are set, like every other answer.
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not Organisatie.objects.filter(naam__startswith="Team").exists()
