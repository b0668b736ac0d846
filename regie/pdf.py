"""PDF rendering for every app, with WeasyPrint.

WeasyPrint is imported here only, lazily. The renderer fetches nothing from the network or
the disk except the app's own static files, named with the `regie-static:` scheme in the
template; every other URL (also one hidden in user text, which is escaped anyway) is
refused and recorded in `StaticOnlyFetcher.blocked`. Used by the plan and invitation
letters (plannen) and the meldcode's inspection copy.

Every PDF is tagged and accessible, PDF/UA-1 (issue #12): WeasyPrint writes the structure
tree (headings, lists, tables, reading order) and marks the document as tagged. The language
(/Lang) comes from the template's `<html lang="nl">` and the title (shown by viewers instead
of the file name) from its `<title>`; every PDF template must have both.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string

SCHEME = "regie-static:"
# The PDF variant of every document: tagged for screen readers (WeasyPrint >= 63).
PDF_VARIANT = "pdf/ua-1"


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

    class StaticOnlyFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=set())
            self.blocked: list[str] = []

        def fetch(self, url, headers=None):
            if url.startswith(SCHEME):
                try:
                    found = finders.find(url.removeprefix(SCHEME).lstrip("/"))
                except SuspiciousFileOperation:  # "../" out of the static folders
                    found = None
                if found:
                    mime = mimetypes.guess_type(found)[0] or "application/octet-stream"
                    return URLFetcherResponse(
                        url, body=Path(found).read_bytes(), headers={"Content-Type": mime}
                    )
            self.blocked.append(url)
            raise URLFetchingError(f"Regie haalt geen externe bronnen op: {url[:80]}")

    return StaticOnlyFetcher


def render_pdf(template: str, context: dict, *, fetcher=None) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=SCHEME, url_fetcher=fetcher or _fetcher_class()()).write_pdf(
        pdf_variant=PDF_VARIANT
    )


def new_fetcher():
    return _fetcher_class()()
