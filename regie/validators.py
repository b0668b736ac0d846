"""Validators shared by the forms of every app."""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What people type between the digits: spaces, hyphens, dots, slashes and brackets
# ("(010) 123 45 67", "+31 (0)6 12345678", "06-12345678", "0800-2000").
_TELEFOON_TEKENS = re.compile(r"^\+?[\d\s\-./()]+$")
_SCHEIDING = re.compile(r"[\s\-./()]")

# Dutch numbers (issue #12), by the numbering plan of the ACM:
# - geographic, mobile and 085/088/091/097 numbers: 10 digits beginning with 0;
# - information numbers 0800 (free), 0900/0906/0909 (paid): 4 or 7 digits after the prefix
#   (Veilig Thuis 0800-2000, De Kindertelefoon 0800-0432);
# - 112 (emergency), 113 (suicide prevention), 116 + 3 digits (European helplines);
# - 14 + area code: the municipality's number (14 020, 14 0182).
_NL_NUMMER = re.compile(
    r"^(0[1-9]\d{8}|0(800|900|906|909)\d{4}(\d{3})?|11[23]|116\d{3}|140[1-9]\d{1,2})$"
)


def telefoon_geldig(value: str) -> bool:
    """True for a Dutch number in any common spelling, or an international one (+ or 00)."""
    if not _TELEFOON_TEKENS.match(value):
        return False
    # The trunk "(0)" in "+31 (0)6 ..." is not dialled from abroad.
    digits = _SCHEIDING.sub("", value.replace("(0)", "", 1) if value.startswith("+") else value)
    international = (
        digits[1:] if digits.startswith("+") else digits[2:] if digits.startswith("00") else None
    )
    if international is None:
        return bool(_NL_NUMMER.match(digits))
    if international.startswith("31"):
        return bool(_NL_NUMMER.match("0" + international[2:]))
    # E.164: a country code and at most 15 digits in all.
    return international[:1] != "0" and 8 <= len(international) <= 15


def validate_telefoon(value: str) -> None:
    if value and not telefoon_geldig(value):
        raise ValidationError(
            _(
                "Vul een geldig telefoonnummer in, bijvoorbeeld 0182 123 456, +31 6 12345678 "
                "of een servicenummer als 0800-2000, 112 of 14 0182."
            )
        )


def validate_not_future(value) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(_("Deze datum kan niet in de toekomst liggen."))
