"""Forms of the evaluation (002 DEEL I): one field per question of a questionnaire, built from
the data, for the paper form the procesregisseur enters and for the personal link."""

from __future__ import annotations

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from implementatie.models import Groep, Vraag, VraagSoort

MAX_TEKST = 2000


def _radio():
    return forms.RadioSelect(attrs={"class": "form-check-input"})


JA_NEE = [("1", _("Ja")), ("0", _("Nee"))]
POSITIEF_NEGATIEF = [("1", _("Positief")), ("0", _("Negatief"))]


def veldnaam(vraag: Vraag) -> str:
    """By key, not id: the evaluation's statements have the same keys in every group, so
    the paper form keeps its answers when the group changes."""
    return "v_" + vraag.sleutel.replace("-", "_")


class VragenlijstForm(forms.Form):
    """Every question optional (a paper form may have blanks); at least one answered."""

    def __init__(self, *args, vragen: list[Vraag], schaal: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.alle = vragen
        self.vragen = [v for v in vragen if v.soort != VraagSoort.KOP]
        schaal_keuzes = [(str(p["waarde"]), p["label"]) for p in schaal]
        for v in self.vragen:
            naam = veldnaam(v)
            if v.soort == VraagSoort.SCHAAL:
                self.fields[naam] = forms.ChoiceField(
                    label=v.tekst, choices=schaal_keuzes, widget=_radio(), required=False
                )
            elif v.soort in (VraagSoort.JA_NEE, VraagSoort.POSITIEF_NEGATIEF):
                keuzes = JA_NEE if v.soort == VraagSoort.JA_NEE else POSITIEF_NEGATIEF
                self.fields[naam] = forms.ChoiceField(
                    label=v.tekst, choices=keuzes, widget=_radio(), required=False
                )
                if v.soort == VraagSoort.POSITIEF_NEGATIEF:
                    self.fields[f"{naam}_tekst"] = forms.CharField(
                        label=_("Toelichting"),
                        max_length=MAX_TEKST,
                        required=False,
                        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
                    )
            elif v.soort == VraagSoort.PERCENTAGE:
                self.fields[naam] = forms.IntegerField(
                    label=v.tekst,
                    min_value=0,
                    max_value=100,
                    required=False,
                    widget=forms.NumberInput(attrs={"class": "form-control w-auto"}),
                )
            else:
                self.fields[naam] = forms.CharField(
                    label=v.tekst,
                    max_length=MAX_TEKST,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
                )

    def clean(self):
        data = super().clean()
        if not self.errors and not any(
            data.get(n) not in (None, "") for n in self.fields if n.startswith("v_")
        ):
            raise forms.ValidationError(_("Beantwoord ten minste één vraag."))
        return data

    def items(self) -> list[dict]:
        """The questions in order, headings included, with their fields (for the template)."""
        uit = []
        for v in self.alle:
            naam = veldnaam(v)
            uit.append(
                {
                    "vraag": v,
                    "veld": self[naam] if naam in self.fields else None,
                    "toelichting": self[f"{naam}_tekst"]
                    if f"{naam}_tekst" in self.fields
                    else None,
                }
            )
        return uit

    def antwoorden(self) -> dict[int, tuple[int | None, str]]:
        """question id -> (value, text), for the services."""
        uit = {}
        for v in self.vragen:
            waarde = self.cleaned_data.get(veldnaam(v))
            if v.soort in (VraagSoort.OPEN,):
                uit[v.pk] = (None, (waarde or "").strip())
            else:
                tekst = (self.cleaned_data.get(f"{veldnaam(v)}_tekst") or "").strip()
                uit[v.pk] = (int(waarde) if waarde not in (None, "") else None, tekst)
        return uit


class PapierForm(VragenlijstForm):
    groep = forms.ChoiceField(label=_("Groep van de deelnemer"), choices=Groep.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["groep"])


class DeelnemersForm(forms.Form):
    """Whom to send a personal link: the traject's people with an e-mail address."""

    def __init__(self, *args, mensen: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.mensen = [m for m in mensen if m["email"]]
        self.fields["deelnemers"] = forms.MultipleChoiceField(
            label=_("Deelnemers"),
            choices=[(m["key"], f"{m['naam']} ({m['groep_label']})") for m in self.mensen],
            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        )

    def gekozen(self) -> list[dict]:
        keys = set(self.cleaned_data["deelnemers"])
        return [m for m in self.mensen if m["key"] in keys]


class EnqueteForm(forms.Form):
    vragenlijst = forms.ModelChoiceField(label=_("Vragenlijst"), queryset=None, empty_label=None)
    titel = forms.CharField(label=_("Titel"), max_length=200)
    adressen = forms.CharField(
        label=_("E-mailadressen"),
        help_text=_("Eén adres per regel. Ieder adres krijgt een eigen link."),
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
    )

    def __init__(self, *args, vragenlijsten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vragenlijst"].queryset = vragenlijsten

    def clean_adressen(self) -> list[str]:
        return adressen_lezen(self.cleaned_data["adressen"])


class AdressenForm(forms.Form):
    adressen = forms.CharField(
        label=_("E-mailadressen"),
        help_text=_(
            "Eén adres per regel. Adressen die al een link kregen, krijgen er geen tweede."
        ),
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
    )

    def clean_adressen(self) -> list[str]:
        return adressen_lezen(self.cleaned_data["adressen"])


MAX_ADRESSEN = 500


def adressen_lezen(tekst: str) -> list[str]:
    adressen = [a.strip() for a in tekst.replace(",", "\n").replace(";", "\n").splitlines()]
    adressen = [a for a in adressen if a]
    if len(adressen) > MAX_ADRESSEN:
        raise forms.ValidationError(_("Ten hoogste %(n)s adressen tegelijk.") % {"n": MAX_ADRESSEN})
    for a in adressen:
        try:
            validate_email(a)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Geen geldig e-mailadres: %(a)s") % {"a": a[:100]}
            ) from None
    if not adressen:
        raise forms.ValidationError(_("Geef ten minste één e-mailadres."))
    return adressen
