"""Validators shared by the forms of every app."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def validate_telefoon(value: str) -> None:
    digits = value.replace(" ", "").replace("-", "").removeprefix("+")
    if value and (not digits.isdigit() or not 10 <= len(digits) <= 13):
        raise ValidationError(
            _("Vul een geldig telefoonnummer in, bijvoorbeeld 0182 123 456 of +31 6 12345678.")
        )


def validate_not_future(value) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(_("Deze datum kan niet in de toekomst liggen."))
