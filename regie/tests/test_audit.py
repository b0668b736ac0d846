"""The audit log: one row per read, change and denied read; append-only (issue #2)."""

import pytest
from django.db import connection, transaction
from django.db.utils import InternalError, ProgrammingError
from django.urls import reverse

from regie.constants import AuditActie, AuditUitkomst, Rol
from regie.models import AuditEntry
from regie.models.audit import AppendOnlyError
from tests.factories import UserFactory


def _rows(**filters):
    return list(AuditEntry.objects.filter(**filters))


def test_reading_a_person_writes_exactly_one_row(login, beheerder, casusregisseur):
    client = login(beheerder)
    before = AuditEntry.objects.count()
    response = client.get(reverse("beheer:gebruiker", args=[casusregisseur.pk]))
    assert response.status_code == 200
    assert AuditEntry.objects.count() == before + 1
    row = AuditEntry.objects.latest("id")
    assert (row.action, row.outcome) == (AuditActie.READ, AuditUitkomst.ALLOWED)
    assert row.user_id == beheerder.pk and row.user_email == beheerder.email
    assert row.role == Rol.BEHEERDER
    assert row.organisation_name == beheerder.organisatie.naam
    assert (row.object_type, row.object_id) == ("regie.User", str(casusregisseur.pk))
    assert row.ip_address == "127.0.0.1"
    assert row.path == reverse("beheer:gebruiker", args=[casusregisseur.pk])


def test_a_change_writes_one_update_row(login, beheerder, org_a):
    client = login(beheerder)
    before = AuditEntry.objects.count()
    response = client.post(
        reverse("beheer:organisatie", args=[org_a.pk]),
        {
            "naam": "Sociaal Team Gouda-Oost",
            "soort": org_a.soort,
            "gemeente": org_a.gemeente_id,
            "actief": "on",
        },
    )
    assert response.status_code == 302
    assert AuditEntry.objects.count() == before + 1
    row = AuditEntry.objects.latest("id")
    assert row.action == AuditActie.UPDATE
    assert (row.object_type, row.object_id) == ("regie.Organisatie", str(org_a.pk))


def test_a_denied_read_is_logged(login, manager, casusregisseur):
    response = login(manager).get(reverse("beheer:gebruiker", args=[casusregisseur.pk]))
    assert response.status_code == 403
    row = AuditEntry.objects.latest("id")
    assert row.outcome == AuditUitkomst.DENIED
    assert row.user_id == manager.pk and row.role == Rol.MANAGER


def test_an_unknown_id_is_a_logged_404(login, beheerder):
    response = login(beheerder).get(reverse("beheer:gebruiker", args=[999999]))
    assert response.status_code == 404
    row = AuditEntry.objects.latest("id")
    assert row.outcome == AuditUitkomst.DENIED
    assert (row.object_type, row.object_id) == ("regie.User", "999999")


def test_login_and_failed_login_are_logged(client, db):
    user = UserFactory(with_totp=True)
    client.post(reverse("account_login"), {"login": user.email, "password": "fout-wachtwoord"})
    failed = AuditEntry.objects.latest("id")
    assert failed.action == AuditActie.LOGIN_FAILED and failed.outcome == AuditUitkomst.DENIED
    assert user.email in failed.detail


def test_the_model_refuses_update_and_delete(db, beheerder):
    entry = AuditEntry.objects.create(action=AuditActie.READ, outcome=AuditUitkomst.ALLOWED)
    entry.detail = "gewijzigd"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).detail == ""


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE regie_auditentry SET detail = 'vervalst' WHERE id = %s",
        "DELETE FROM regie_auditentry WHERE id = %s",
    ],
)
def test_postgresql_trigger_refuses_raw_update_and_delete(db, sql):
    assert connection.vendor == "postgresql"
    entry = AuditEntry.objects.create(action=AuditActie.READ, outcome=AuditUitkomst.ALLOWED)
    with (
        pytest.raises((InternalError, ProgrammingError)) as excinfo,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])
    assert "append-only" in str(excinfo.value)
    assert AuditEntry.objects.filter(pk=entry.pk, detail="").exists()


@pytest.mark.parametrize(
    ("name", "with_pk", "action"),
    [
        ("beheer:gebruikers", False, AuditActie.READ),
        ("beheer:gebruiker", True, AuditActie.READ),
        ("beheer:gebruiker_bewerken", True, AuditActie.READ),
        ("beheer:gebruiker_status", True, AuditActie.READ),
        ("privacy:auditlog", False, AuditActie.SEARCH),
        ("privacy:auditlog_export", False, AuditActie.EXPORT),
    ],
)
def test_every_page_with_personal_data_writes_one_row(
    name, with_pk, action, login, beheerder, privacyfunctionaris, casusregisseur
):
    client = login(privacyfunctionaris if name.startswith("privacy") else beheerder)
    url = reverse(name, args=[casusregisseur.pk] if with_pk else [])
    before = AuditEntry.objects.count()
    response = client.get(url)
    assert response.status_code == 200
    assert AuditEntry.objects.count() == before + 1
    assert AuditEntry.objects.latest("id").action == action
