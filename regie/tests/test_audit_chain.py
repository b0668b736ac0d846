"""The audit log is a hash chain that even the database owner cannot cut unseen (issue #11).

The suite's database connection is the owner role: it owns the table, so it can disable
the append-only trigger and then delete or change rows. `manage.py audit_verify` must
name every such row; without settings.AUDIT_KEY the owner cannot re-chain the rest.
"""

import io
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections, transaction
from django.test import override_settings

from regie.constants import AuditActie, AuditUitkomst
from regie.models import AuditEntry
from regie.models.audit import CHAINED_FIELDS, AppendOnlyError, chain_digest

TRIGGER = "regie_auditentry_no_update_delete"


def _entries(n):
    return [
        AuditEntry.objects.create(
            action=AuditActie.READ,
            outcome=AuditUitkomst.ALLOWED,
            user_email="petra@regie.test",
            household_id=i,
            ip_address="2001:db8::1",
            detail=f"regel {i}",
        )
        for i in range(1, n + 1)
    ]


def _verify(*args):
    out = io.StringIO()
    try:
        call_command("audit_verify", *args, stdout=out)
    except CommandError:
        return False, out.getvalue()
    return True, out.getvalue()


def _as_owner(sql, params=()):
    """What the database owner can do: switch the trigger off, tamper, switch it on."""
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE regie_auditentry DISABLE TRIGGER {TRIGGER}")
        cursor.execute(sql, params)
        cursor.execute(f"ALTER TABLE regie_auditentry ENABLE TRIGGER {TRIGGER}")


def test_an_intact_log_verifies_and_prints_count_and_head(db):
    entries = _entries(4)
    ok, out = _verify()
    assert ok, out
    assert "Regels: 4" in out
    assert f"Kop: 4:{entries[-1].chain_hash}" in out
    assert [e.chain_seq for e in entries] == [1, 2, 3, 4]


def test_the_stored_row_is_what_was_hashed(db):
    entry = _entries(1)[0]
    stored = AuditEntry.objects.values(*CHAINED_FIELDS).get(pk=entry.pk)
    assert chain_digest(key="x", previous="", values=stored) != entry.chain_hash
    from django.conf import settings

    assert chain_digest(key=settings.AUDIT_KEY, previous="", values=stored) == entry.chain_hash


def test_a_row_deleted_by_the_owner_is_reported_with_its_position(db):
    entries = _entries(5)
    _as_owner("DELETE FROM regie_auditentry WHERE id = %s", [entries[2].pk])
    ok, out = _verify()
    assert not ok
    assert f"Gat: positie 3 ontbreekt (vóór regel {entries[3].pk})." in out
    assert "Regels: 4" in out


def test_a_row_changed_by_the_owner_is_reported_by_id(db):
    entries = _entries(4)
    _as_owner("UPDATE regie_auditentry SET detail = 'niets gezien' WHERE id = %s", [entries[1].pk])
    ok, out = _verify()
    assert not ok
    assert f"Gewijzigd: regel {entries[1].pk} (positie 2)" in out
    assert f"regel {entries[2].pk} " not in out  # the next row still links to the stored hash


def test_the_owner_cannot_rechain_without_the_key(db):
    """Delete a row, renumber and re-hash the rest with a guessed key: still reported."""
    entries = _entries(4)
    _as_owner("DELETE FROM regie_auditentry WHERE id = %s", [entries[1].pk])
    previous = entries[0].chain_hash
    for seq, entry in enumerate(entries[2:], start=2):
        values = AuditEntry.objects.values(*CHAINED_FIELDS).get(pk=entry.pk) | {"chain_seq": seq}
        previous = chain_digest(key="test-only-secret-key", previous=previous, values=values)
        _as_owner(
            "UPDATE regie_auditentry SET chain_seq = %s, chain_hash = %s WHERE id = %s",
            [seq, previous, entry.pk],
        )
    ok, out = _verify()
    assert not ok
    assert f"Gewijzigd: regel {entries[2].pk} (positie 2)" in out
    assert f"Gewijzigd: regel {entries[3].pk} (positie 3)" in out


def test_another_key_fails_every_row(db):
    _entries(2)
    with override_settings(AUDIT_KEY="een-andere-sleutel"):
        ok, out = _verify()
    assert not ok and out.count("Gewijzigd") == 2


def test_removing_the_newest_rows_shows_only_against_a_recorded_head(db):
    entries = _entries(3)
    head = f"3:{entries[-1].chain_hash}"
    _as_owner("DELETE FROM regie_auditentry WHERE id = %s", [entries[-1].pk])
    ok, out = _verify()
    assert ok, out  # the documented limit: no hole at the tail
    ok, out = _verify("--kop", head)
    assert not ok
    assert "Kop: positie 3 staat niet meer in het auditlog." in out


def test_bulk_create_is_refused_because_it_skips_the_chain(db):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.bulk_create(
            [AuditEntry(action=AuditActie.READ, outcome=AuditUitkomst.ALLOWED)]
        )


def test_concurrent_writers_do_not_fork_the_chain(transactional_db):
    """Two connections write at once; the advisory lock keeps one chain without holes."""
    per_thread = 25
    start = threading.Barrier(2)
    failures = []

    def write(name):
        try:
            start.wait()
            for i in range(per_thread):
                # A longer transaction around the row, as when a view logs a change.
                with transaction.atomic():
                    AuditEntry.objects.create(
                        action=AuditActie.UPDATE,
                        outcome=AuditUitkomst.ALLOWED,
                        detail=f"{name} {i}",
                    )
                    AuditEntry.objects.exists()
        except Exception as exc:  # reported below, in the test's own thread
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(name,)) for name in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert sorted(AuditEntry.objects.values_list("chain_seq", flat=True)) == list(
        range(1, 2 * per_thread + 1)
    )
    ok, out = _verify()
    assert ok, out
