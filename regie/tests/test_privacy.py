"""The privacy officer searches the audit log and exports it as CSV (issue #2)."""

import csv
import datetime
import io

import pytest
import time_machine
from django.urls import reverse

from regie.constants import AuditActie, AuditUitkomst
from regie.models import AuditEntry


@pytest.fixture
def client_p(login, privacyfunctionaris):
    return login(privacyfunctionaris)


def _entry(**kwargs):
    defaults = {"action": AuditActie.READ, "outcome": AuditUitkomst.ALLOWED}
    return AuditEntry.objects.create(**(defaults | kwargs))


def test_search_by_person_user_and_period(client_p):
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)):
        maart = _entry(user_email="petra@regie.test", person_id=7)
    with time_machine.travel(datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC)):
        mei = _entry(user_email="petra@regie.test", person_id=7)
    _entry(user_email="karim@regie.test", person_id=8)

    def found(**params):
        return set(client_p.get(reverse("privacy:auditlog"), params).context["page"].object_list)

    assert found(persoon=7) == {maart, mei}
    assert found(persoon=7, van="2026-04-01", tot="2026-05-31") == {mei}
    assert found(gebruiker="Petra@regie.test", tot="2026-03-01") == {maart}
    # The whole address, not a part of it (issue #15: no substring scan of the log).
    assert found(gebruiker="petra") == set()


def test_each_search_is_itself_logged(client_p, privacyfunctionaris):
    client_p.get(reverse("privacy:auditlog"), {"persoon": 7})
    row = AuditEntry.objects.latest("id")
    assert row.action == AuditActie.SEARCH and row.user_id == privacyfunctionaris.pk
    assert "persoon=7" in row.detail


def test_period_the_wrong_way_round_is_explained(client_p):
    response = client_p.get(reverse("privacy:auditlog"), {"van": "2026-05-01", "tot": "2026-04-01"})
    assert "De begindatum ligt na de einddatum." in response.content.decode()
    assert list(response.context["page"].object_list) == []


def test_csv_export_is_logged_and_neutralises_formulas(client_p):
    _entry(user_email="petra@regie.test", person_id=7, detail='=HYPERLINK("http://x")')
    response = client_p.get(reverse("privacy:auditlog_export"), {"persoon": 7})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["timestamp", "user_id", "user_email"]
    assert len(rows) == 2
    assert rows[1][-1].startswith("'=")
    export = AuditEntry.objects.filter(action=AuditActie.EXPORT).get()
    assert "persoon=7" in export.detail


def test_auditlog_page_query_count_is_constant(client_p, django_assert_max_num_queries):
    for _ in range(5):
        _entry(user_email="a@regie.test")
    # 14: the audit row of the search costs 3 (chain lock, head, insert; issue #11).
    with django_assert_max_num_queries(14) as few:
        client_p.get(reverse("privacy:auditlog"))
    for _ in range(60):
        _entry(user_email="b@regie.test")
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        client_p.get(reverse("privacy:auditlog"))
    # Issue #15: the page never counts the whole log.
    assert not [q for q in many.captured_queries if "COUNT(" in q["sql"].upper()]


def test_older_pages_follow_the_chain_without_gaps_or_repeats(client_p):
    """Issue #15: keyset pages of 50, newest first, down to the first row."""
    made = {_entry(user_email="a@regie.test", person_id=9).pk for _ in range(120)}
    seen, params, pages = [], {"persoon": 9}, 0
    while True:
        page = client_p.get(reverse("privacy:auditlog"), params).context["page"]
        seen += [e.pk for e in page.object_list]
        pages += 1
        if page.older is None:
            break
        params["voor"] = page.older
    assert pages == 3 and len(seen) == 120 and set(seen) == made
    assert seen == sorted(seen, reverse=True)
