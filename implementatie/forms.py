"""Forms of implementatie: plain Django forms, validated here, written by services."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from implementatie import bewijs
from implementatie.constants import ItemStatus
from implementatie.models import PdcaNotitie, PlanItem, Sjabloon, SjabloonItem, Thema
from implementatie.scope import Niveau


class PlanNieuwForm(forms.Form):
    sjabloon = forms.ModelChoiceField(
        label=_("Checklist"), queryset=Sjabloon.objects.none(), empty_label=None
    )
    jaar = forms.IntegerField(label=_("Eerste jaar"), min_value=2000, max_value=2100)

    def __init__(self, *args, niveau: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sjabloon"].queryset = (
            Sjabloon.objects.filter(actief=True, items__niveau=niveau, items__actief=True)
            .distinct()
            .order_by("-standaard", "volgorde", "naam")
        )
        self.fields["sjabloon"].initial = self.fields["sjabloon"].queryset.first()
        self.fields["jaar"].initial = timezone.localdate().year


class ItemForm(forms.ModelForm):
    bewijs_url = forms.URLField(
        label=_("Bewijs (link)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Een link naar een besluit, verslag of document."),
    )
    bestand = forms.FileField(
        label=_("Bewijs (bestand)"),
        required=False,
        help_text=_("PDF, Word (DOCX), Excel (XLSX), PNG of JPG, ten hoogste 10 MB."),
    )

    class Meta:
        model = PlanItem
        fields = ["actie", "verantwoordelijke", "planning", "status", "notities", "bewijs_url"]
        widgets = {
            "actie": forms.Textarea(attrs={"rows": 2}),
            "notities": forms.Textarea(attrs={"rows": 3}),
            "planning": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "actie": _("Wat gaat u doen?"),
            "verantwoordelijke": _("Een persoon of rol."),
            "planning": _("Wanneer is het gereed?"),
        }

    def clean_bestand(self):
        upload = self.cleaned_data.get("bestand")
        if not upload:
            return None
        if upload.size > bewijs.MAX_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 10 MB."), code="te_groot")
        soort = bewijs.soort_van(upload)
        if soort is None:
            raise forms.ValidationError(
                _("Alleen PDF, DOCX, XLSX, PNG of JPG; dit bestand is geen van deze."),
                code="soort",
            )
        self.bewijs_soort = soort
        return upload


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle"))] + ItemStatus.choices
    )
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    achterstallig = forms.BooleanField(label=_("Alleen over de planning"), required=False)

    def __init__(self, *args, themas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("Alle"))] + [(t.code, t.label) for t in themas]


class JaarForm(forms.Form):
    jaar = forms.IntegerField(label=_("Nieuw jaar"), min_value=2000, max_value=2100)


class PdcaForm(forms.ModelForm):
    class Meta:
        model = PdcaNotitie
        fields = ["plannen", "uitvoeren", "controleren", "bijsturen"]
        widgets = {f: forms.Textarea(attrs={"rows": 2}) for f in fields}


class SjabloonForm(forms.ModelForm):
    class Meta:
        model = Sjabloon
        fields = ["naam", "beschrijving", "bron", "actief"]
        widgets = {"beschrijving": forms.Textarea(attrs={"rows": 2})}


class KopieForm(forms.Form):
    naam = forms.CharField(label=_("Naam van de kopie"), max_length=200)


class ThemaForm(forms.ModelForm):
    class Meta:
        model = Thema
        fields = ["code", "titel", "inleiding", "resultaat", "actief"]
        widgets = {
            "inleiding": forms.Textarea(attrs={"rows": 2}),
            "resultaat": forms.Textarea(attrs={"rows": 3}),
        }


class SjabloonItemForm(forms.ModelForm):
    subitems_tekst = forms.CharField(
        label=_("Onderdelen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén onderdeel per regel."),
    )

    class Meta:
        model = SjabloonItem
        fields = ["niveau", "tekst", "optioneel", "toelichting", "bron", "actief"]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 3}),
            "toelichting": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["niveau"].choices = Niveau.choices
        if self.instance.pk:
            self.fields["subitems_tekst"].initial = "\n".join(self.instance.subitems)

    def velden(self) -> dict:
        data = {k: self.cleaned_data[k] for k in self.Meta.fields}
        data["subitems"] = [
            r.strip() for r in self.cleaned_data["subitems_tekst"].splitlines() if r.strip()
        ]
        return data
