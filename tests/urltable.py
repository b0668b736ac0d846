"""Helpers for the URL authorization table (tests/test_url_authorization.py)."""

from dataclasses import dataclass, field

from tests.personas import PERSONAS

LOGIN = "login"  # a redirect to the login page
REAUTH = "reauth"  # a redirect to enter the password again (recent login required)

PROFESSIONALS = [p for p in PERSONAS if p != "anoniem"]


@dataclass(frozen=True)
class Row:
    expected: dict[str, int | str]
    method: str = "get"
    kwargs: dict[str, str] = field(default_factory=dict)  # values name fixtures' attributes


def everyone(status, anon=None) -> dict:
    return {p: (status if anon is None or p != "anoniem" else anon) for p in PERSONAS}


def signed_in(status, anon=LOGIN) -> dict:
    return {"anoniem": anon, **{p: status for p in PROFESSIONALS}}


def only(roles: list[str], status=200, others=403, anon=LOGIN) -> dict:
    return {
        "anoniem": anon,
        **{p: (status if p in roles else others) for p in PROFESSIONALS},
    }


CASE = ["procesregisseur", "casusregisseur", "buitenstaander"]


def involved(status=200, *, proces=None, casus=None) -> dict:
    """Case data: the involved regisseurs get `status` (unless overridden), the procesregisseur
    of another organisation gets 404 (the household does not exist for them), the other
    roles 403 (no case role at all)."""
    expected = only(CASE, status=status)
    expected["buitenstaander"] = 404
    if proces is not None:
        expected["procesregisseur"] = proces
    if casus is not None:
        expected["casusregisseur"] = casus
    return expected
