"""Evidence files of a plan item: what is accepted and how it is recognised (issue #14).

The issue asks for uploads that are virus-scanned or type-checked. There is no scanner in
the installation, so every file is type-checked by its content, never by its name or the
browser's Content-Type: PDF, DOCX, XLSX, PNG and JPEG only, at most `MAX_BYTES`. DOCX and
XLSX are ZIP packages; they count only with the part that makes them a document or a
workbook and without macros (a .docm renamed .docx is refused). Files are stored under a
random name and served only as a download (`Content-Disposition: attachment`, nosniff) to
people whose scope covers the plan.
"""

from __future__ import annotations

import zipfile

MAX_BYTES = 10 * 1024 * 1024

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpg": "image/jpeg",
}

_OOXML_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def soort_van(bestand) -> str | None:
    """The kind of an uploaded file by its content ("pdf", "docx", ...), or None."""
    bestand.seek(0)
    kop = bestand.read(8)
    bestand.seek(0)
    if kop.startswith(b"%PDF-"):
        return "pdf"
    if kop == b"\x89PNG\r\n\x1a\n":
        return "png"
    if kop.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if kop.startswith(b"PK\x03\x04"):
        return _ooxml(bestand)
    return None


def _ooxml(bestand) -> str | None:
    try:
        with zipfile.ZipFile(bestand) as z:
            namen = set(z.namelist())
            if "[Content_Types].xml" not in namen:
                return None
            types = z.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    finally:
        bestand.seek(0)
    if b"macroEnabled" in types or "vbaProject.bin" in " ".join(namen):
        return None
    for soort, part in _OOXML_PART.items():
        if part in namen:
            return soort
    return None
