"""The privacy officer's view of the audit log: search by person, user and period; CSV export."""

import csv

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from regie import access, audit
from regie.constants import AuditActie, Rol
from regie.forms import AuditSearchForm
from regie.models import AuditEntry
from regie.views.common import keyset_page

privacy_only = access.require_role(Rol.PRIVACYFUNCTIONARIS)

CSV_COLUMNS = [
    "timestamp",
    "user_id",
    "user_email",
    "role",
    "organisation_name",
    "household_id",
    "person_id",
    "action",
    "object_type",
    "object_id",
    "outcome",
    "ip_address",
    "path",
    "detail",
]


def _search(request):
    form = AuditSearchForm(request.GET or None)
    qs = AuditEntry.objects.for_user(request.user)
    if form.is_bound and form.is_valid():
        qs = form.filter(qs)
    elif form.is_bound:
        qs = qs.none()
    return form, qs


@privacy_only
@require_GET
def auditlog(request):
    form, qs = _search(request)
    page = keyset_page(request, qs, key="chain_seq", per_page=50)
    audit.log(
        request,
        action=AuditActie.SEARCH,
        object_type=AuditEntry._meta.label,
        detail=form.describe() if form.is_bound and form.is_valid() else "",
    )
    return render(request, "regie/privacy/auditlog.html", {"form": form, "page": page})


class _Echo:
    def write(self, value):
        return value


def _csv_cell(value) -> str:
    # Neutralise spreadsheet formulas in exported text (CSV injection).
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@privacy_only
@require_GET
def auditlog_export(request):
    form, qs = _search(request)
    audit.log(
        request,
        action=AuditActie.EXPORT,
        object_type=AuditEntry._meta.label,
        detail=form.describe() if form.is_bound and form.is_valid() else "alles",
    )
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for entry in qs.values_list(*CSV_COLUMNS).iterator(chunk_size=2000):
            yield writer.writerow([_csv_cell(v) for v in entry])

    filename = f"auditlog-{timezone.localdate():%Y%m%d}.csv"
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
