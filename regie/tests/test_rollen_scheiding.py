"""Separation of duties for roles (issue #11).

A beheerder could make himself privacyfunctionaris and then read and export the whole
audit log. Nobody may change their own roles; every role change is in the audit log with
the roles before and after; granting privacyfunctionaris or beheerder is e-mailed to the
organisation's privacyfunctionarissen (or, without one, its other beheerders).
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from regie import services
from regie.constants import AuditActie, AuditUitkomst, Rol
from regie.models import AuditEntry, Bericht, User
from tests.factories import UserFactory


def _edit_data(user, **overrides):
    """The edit form as the browser sends it for `user` (roles left out when None)."""
    data = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "organisatie": user.organisatie_id,
        "functie": user.functie,
        "telefoon": user.telefoon,
        "manager": "",
        "rollen": user.rollen,
        "comp-TOTAL_FORMS": "0",
        "comp-INITIAL_FORMS": "0",
        "comp-MIN_NUM_FORMS": "0",
        "comp-MAX_NUM_FORMS": "6",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _roles_in_db(user):
    return User.objects.get(pk=user.pk).rollen


def _role_notices(**filters):
    return Bericht.objects.filter(sleutel__startswith="rol_toegekend:", **filters)


@pytest.fixture
def tweede_beheerder(org_a):
    return UserFactory(
        organisatie=org_a, rollen=[Rol.BEHEERDER], with_totp=True, email="bea@regie.test"
    )


@pytest.fixture
def as_beheerder(login, beheerder):
    return login(beheerder)


# --- nobody changes their own roles -------------------------------------------------------


def test_own_edit_page_shows_the_roles_read_only_with_an_explanation(as_beheerder, beheerder):
    response = as_beheerder.get(reverse("beheer:gebruiker_bewerken", args=[beheerder.pk]))
    assert response.status_code == 200
    assert response.context["form"].fields["rollen"].disabled
    html = response.content.decode()
    assert "U kunt uw eigen rollen niet wijzigen." in html
    checkbox = re.search(r'<input[^>]*value="privacyfunctionaris"[^>]*>', html).group()
    assert "disabled" in checkbox


def test_another_account_edit_page_keeps_roles_editable(as_beheerder, casusregisseur):
    response = as_beheerder.get(reverse("beheer:gebruiker_bewerken", args=[casusregisseur.pk]))
    assert not response.context["form"].fields["rollen"].disabled


def test_saving_own_account_as_the_browser_sends_it_keeps_the_roles(as_beheerder, beheerder):
    """Disabled checkboxes are not sent: the roles stay, the other fields are saved."""
    url = reverse("beheer:gebruiker_bewerken", args=[beheerder.pk])
    response = as_beheerder.post(
        url, _edit_data(beheerder, functie="Applicatiebeheer", rollen=None)
    )
    assert response.status_code == 302
    assert _roles_in_db(beheerder) == [Rol.BEHEERDER]
    assert User.objects.get(pk=beheerder.pk).functie == "Applicatiebeheer"


def test_a_forged_post_cannot_give_a_beheerder_a_role_of_their_own(
    as_beheerder, beheerder, privacyfunctionaris
):
    """Issue #11: a beheerder made himself privacyfunctionaris by ticking the box."""
    url = reverse("beheer:gebruiker_bewerken", args=[beheerder.pk])
    response = as_beheerder.post(
        url,
        _edit_data(beheerder, functie="Stiekem", rollen=[Rol.BEHEERDER, Rol.PRIVACYFUNCTIONARIS]),
    )
    assert response.status_code == 200
    assert "U kunt uw eigen rollen niet wijzigen." in response.content.decode()
    beheerder_in_db = User.objects.get(pk=beheerder.pk)
    assert beheerder_in_db.rollen == [Rol.BEHEERDER]
    assert beheerder_in_db.functie != "Stiekem"
    denied = AuditEntry.objects.get(outcome=AuditUitkomst.DENIED)
    assert (denied.action, denied.object_id, denied.user_id) == (
        AuditActie.UPDATE,
        str(beheerder.pk),
        beheerder.pk,
    )
    assert denied.detail == (
        "eigen rollen wijzigen geweigerd; rollen: beheerder -> beheerder, privacyfunctionaris"
    )
    assert not _role_notices().exists()


def test_a_forged_post_cannot_drop_own_roles_either(login, org_a, beheerder):
    both = UserFactory(organisatie=org_a, rollen=[Rol.BEHEERDER, Rol.MANAGER], with_totp=True)
    client = login(both)
    client.post(reverse("rol_wisselen"), {"rol": Rol.BEHEERDER})
    url = reverse("beheer:gebruiker_bewerken", args=[both.pk])
    response = client.post(url, _edit_data(both, rollen=[Rol.BEHEERDER]))
    assert response.status_code == 200
    assert _roles_in_db(both) == [Rol.MANAGER, Rol.BEHEERDER]


def test_the_service_refuses_a_change_of_the_actors_own_roles(beheerder, privacyfunctionaris):
    """Server-side, whatever the form does (issue #11)."""
    with pytest.raises(services.OwnRolesRefused):
        services.user_update(
            user=beheerder,
            actor=beheerder,
            rollen=[Rol.BEHEERDER, Rol.PRIVACYFUNCTIONARIS],
            functie="Stiekem",
        )
    with pytest.raises(services.OwnRolesRefused):
        services.user_set_roles(
            user=beheerder, actor=beheerder, rollen=[Rol.BEHEERDER, Rol.PROCESREGISSEUR]
        )
    beheerder_in_db = User.objects.get(pk=beheerder.pk)
    assert beheerder_in_db.rollen == [Rol.BEHEERDER]
    assert beheerder_in_db.functie != "Stiekem"
    assert not _role_notices().exists()


def test_the_service_lets_the_actor_save_own_account_with_the_same_roles(beheerder):
    change = services.user_update(
        user=beheerder, actor=beheerder, rollen=[Rol.BEHEERDER], functie="Applicatiebeheer"
    )
    assert not change.changed
    assert User.objects.get(pk=beheerder.pk).functie == "Applicatiebeheer"


# --- another beheerder can, and it is logged and reported ---------------------------------


def test_another_beheerder_can_change_the_roles_and_before_and_after_are_logged(
    login, beheerder, tweede_beheerder, privacyfunctionaris
):
    client = login(tweede_beheerder)
    url = reverse("beheer:gebruiker_bewerken", args=[beheerder.pk])
    response = client.post(
        url, _edit_data(beheerder, rollen=[Rol.BEHEERDER, Rol.PRIVACYFUNCTIONARIS])
    )
    assert response.status_code == 302
    assert _roles_in_db(beheerder) == [Rol.BEHEERDER, Rol.PRIVACYFUNCTIONARIS]
    row = AuditEntry.objects.get(action=AuditActie.UPDATE, object_id=str(beheerder.pk))
    assert row.user_id == tweede_beheerder.pk
    assert row.outcome == AuditUitkomst.ALLOWED
    assert row.detail == (
        "rollen: beheerder -> beheerder, privacyfunctionaris; bericht aan: fatima@regie.test"
    )


def test_a_role_change_without_a_notified_role_is_logged_and_reported_to_nobody(
    as_beheerder, casusregisseur, privacyfunctionaris
):
    url = reverse("beheer:gebruiker_bewerken", args=[casusregisseur.pk])
    as_beheerder.post(url, _edit_data(casusregisseur, rollen=[Rol.CASUSREGISSEUR, Rol.MANAGER]))
    row = AuditEntry.objects.get(action=AuditActie.UPDATE, object_id=str(casusregisseur.pk))
    assert row.detail == "rollen: casusregisseur -> casusregisseur, manager"
    assert not _role_notices().exists()


def test_an_edit_without_a_role_change_says_nothing_about_roles(as_beheerder, casusregisseur):
    url = reverse("beheer:gebruiker_bewerken", args=[casusregisseur.pk])
    as_beheerder.post(url, _edit_data(casusregisseur, functie="Jeugdconsulent"))
    row = AuditEntry.objects.get(action=AuditActie.UPDATE, object_id=str(casusregisseur.pk))
    assert row.detail == ""


def test_creating_an_account_logs_its_roles_with_none_before(as_beheerder, org_a):
    response = as_beheerder.post(
        reverse("beheer:gebruiker_nieuw"),
        {
            "email": "nieuw@regie.test",
            "first_name": "Nina",
            "last_name": "de Boer",
            "organisatie": org_a.pk,
            "rollen": [Rol.CASUSREGISSEUR],
            "comp-TOTAL_FORMS": "0",
            "comp-INITIAL_FORMS": "0",
            "comp-MIN_NUM_FORMS": "0",
            "comp-MAX_NUM_FORMS": "6",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@regie.test")
    row = AuditEntry.objects.get(action=AuditActie.CREATE, object_id=str(user.pk))
    assert row.detail == "rollen: geen -> casusregisseur"


def test_granting_privacyfunctionaris_tells_every_active_privacyfunctionaris_of_the_organisation(
    as_beheerder, beheerder, casusregisseur, privacyfunctionaris, org_a, org_b
):
    second = UserFactory(
        organisatie=org_a, rollen=[Rol.PRIVACYFUNCTIONARIS], email="pf2@regie.test"
    )
    UserFactory(
        organisatie=org_a, rollen=[Rol.PRIVACYFUNCTIONARIS], email="weg@regie.test", is_active=False
    )
    UserFactory(organisatie=org_b, rollen=[Rol.PRIVACYFUNCTIONARIS], email="elders@regie.test")
    url = reverse("beheer:gebruiker_bewerken", args=[casusregisseur.pk])
    as_beheerder.post(
        url, _edit_data(casusregisseur, rollen=[Rol.CASUSREGISSEUR, Rol.PRIVACYFUNCTIONARIS])
    )
    notices = _role_notices().order_by("aan")
    assert [b.aan for b in notices] == [privacyfunctionaris.email, second.email]
    for bericht in notices:
        assert "Bram" in bericht.tekst and beheerder.email in bericht.tekst
        assert casusregisseur.email in bericht.tekst
        assert "de rol privacyfunctionaris toegekend" in bericht.tekst
        assert "privacyfunctionaris bent van Sociaal Team Gouda" in bericht.tekst
        assert "/privacy/auditlog/" in bericht.tekst
    assert len({b.sleutel for b in notices}) == 2


def test_granting_beheerder_on_creation_tells_the_privacyfunctionaris(
    as_beheerder, org_a, privacyfunctionaris, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        as_beheerder.post(
            reverse("beheer:gebruiker_nieuw"),
            {
                "email": "nieuwe.beheerder@regie.test",
                "first_name": "Nico",
                "last_name": "Nieuw",
                "organisatie": org_a.pk,
                "rollen": [Rol.BEHEERDER],
                "comp-TOTAL_FORMS": "0",
                "comp-INITIAL_FORMS": "0",
                "comp-MIN_NUM_FORMS": "0",
                "comp-MAX_NUM_FORMS": "6",
            },
        )
    notice = _role_notices().get()
    assert notice.aan == privacyfunctionaris.email
    sent = [m for m in mail.outbox if m.to == [privacyfunctionaris.email]]
    assert [m.subject for m in sent] == ["[Regie] Rol toegekend: beheerder aan Nico Nieuw"]
    user = User.objects.get(email="nieuwe.beheerder@regie.test")
    row = AuditEntry.objects.get(action=AuditActie.CREATE, object_id=str(user.pk))
    assert row.detail == "rollen: geen -> beheerder; bericht aan: fatima@regie.test"


def test_a_privacyfunctionaris_granted_beheerder_is_not_told_about_themselves(
    as_beheerder, privacyfunctionaris, org_a
):
    other = UserFactory(organisatie=org_a, rollen=[Rol.PRIVACYFUNCTIONARIS], email="pf2@regie.test")
    url = reverse("beheer:gebruiker_bewerken", args=[privacyfunctionaris.pk])
    as_beheerder.post(
        url, _edit_data(privacyfunctionaris, rollen=[Rol.BEHEERDER, Rol.PRIVACYFUNCTIONARIS])
    )
    assert [b.aan for b in _role_notices()] == [other.email]


def test_each_grant_is_a_new_notice(as_beheerder, casusregisseur, privacyfunctionaris):
    """The idempotency key is per change: granting, revoking and granting again is told twice."""
    url = reverse("beheer:gebruiker_bewerken", args=[casusregisseur.pk])
    for rollen in (
        [Rol.CASUSREGISSEUR, Rol.BEHEERDER],
        [Rol.CASUSREGISSEUR],
        [Rol.CASUSREGISSEUR, Rol.BEHEERDER],
    ):
        casusregisseur.refresh_from_db()
        as_beheerder.post(url, _edit_data(casusregisseur, rollen=rollen))
    assert _role_notices(aan=privacyfunctionaris.email).count() == 2


@pytest.mark.parametrize("rol", [Rol.PROCESREGISSEUR, Rol.MANAGER, Rol.AANDACHTSFUNCTIONARIS])
def test_granting_another_role_tells_nobody(as_beheerder, casusregisseur, privacyfunctionaris, rol):
    url = reverse("beheer:gebruiker_bewerken", args=[casusregisseur.pk])
    as_beheerder.post(url, _edit_data(casusregisseur, rollen=[Rol.CASUSREGISSEUR, rol]))
    assert _roles_in_db(casusregisseur) == [r for r in Rol.values if r in {Rol.CASUSREGISSEUR, rol}]
    assert not _role_notices().exists()


# --- an organisation without a privacyfunctionaris ---------------------------------------


def test_without_a_privacyfunctionaris_the_other_beheerders_are_told(
    login, beheerder, tweede_beheerder, casusregisseur
):
    client = login(beheerder)
    url = reverse("beheer:gebruiker_bewerken", args=[casusregisseur.pk])
    response = client.post(
        url,
        _edit_data(casusregisseur, rollen=[Rol.CASUSREGISSEUR, Rol.PRIVACYFUNCTIONARIS]),
        follow=True,
    )
    notice = _role_notices().get()
    assert notice.aan == tweede_beheerder.email
    assert "nog geen privacyfunctionaris" in notice.tekst
    assert f"/beheer/gebruikers/{casusregisseur.pk}/" in notice.tekst
    assert "Van de nieuwe rol krijgen bericht" in response.content.decode()


def test_without_anyone_to_tell_the_beheerder_is_warned(as_beheerder, casusregisseur):
    url = reverse("beheer:gebruiker_bewerken", args=[casusregisseur.pk])
    response = as_beheerder.post(
        url, _edit_data(casusregisseur, rollen=[Rol.CASUSREGISSEUR, Rol.BEHEERDER]), follow=True
    )
    assert _roles_in_db(casusregisseur) == [Rol.CASUSREGISSEUR, Rol.BEHEERDER]
    assert not _role_notices().exists()
    assert "Niemand heeft bericht gekregen van de nieuwe rol" in response.content.decode()
    row = AuditEntry.objects.get(action=AuditActie.UPDATE, object_id=str(casusregisseur.pk))
    assert row.detail.endswith("; bericht aan: niemand")
