"""Small helpers shared by the views of every app."""

from django.core.paginator import Paginator
from django.shortcuts import render

PAGE_SIZE = 25


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """The requested page of `queryset`; out-of-range numbers give the last page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("pagina"))


def render_htmx(request, full_template: str, fragment_template: str, context: dict):
    """The fragment for an HTMX request, the whole page otherwise (works without JavaScript)."""
    template = fragment_template if getattr(request, "htmx", False) else full_template
    return render(request, template, context)
