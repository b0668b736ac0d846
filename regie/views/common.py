"""Small helpers shared by the views of every app."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render

PAGE_SIZE = 25


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """The requested page of `queryset`; out-of-range numbers give the last page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("pagina"))


@dataclass(frozen=True)
class KeysetPage:
    """One page of a list too long to count: its rows and the cursor of the next page."""

    object_list: list
    older: int | None  # the cursor for the next, older page; None on the last page
    is_first: bool


def keyset_page(request, queryset, *, key: str, per_page: int, param: str = "voor"):
    """The rows of `queryset` before the cursor in `param`, newest (highest `key`) first.

    Never counts the whole list (issue #15: counting 2 million audit rows on every view) and
    reads one row more than it shows to know whether an older page exists. `key` must be
    unique and indexed together with the list's filters.
    """
    raw = request.GET.get(param, "")
    cursor = int(raw) if raw.isdecimal() and len(raw) < 19 else None
    if cursor is not None:
        queryset = queryset.filter(**{f"{key}__lt": cursor})
    rows = list(queryset.order_by(f"-{key}")[: per_page + 1])
    older = getattr(rows[per_page - 1], key) if len(rows) > per_page else None
    return KeysetPage(rows[:per_page], older, cursor is None)


def render_htmx(request, full_template: str, fragment_template: str, context: dict):
    """The fragment for an HTMX request, the whole page otherwise (works without JavaScript)."""
    template = fragment_template if getattr(request, "htmx", False) else full_template
    return render(request, template, context)
