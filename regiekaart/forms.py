"""Forms of the regiekaart, with Dutch validation messages."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huishoudens.forms import VanafVandaagMixin
from regie.forms import DateInput
from regie.models import Gemeente, Organisatie, Regio
from regiekaart import rules
from regiekaart.constants import Criterium
from regiekaart.models import KaartInvulling, Niveau
from regiekaart.services import advies_gevolgd, advies_label

NIVEAU_KEUZES = [(n, _("Niveau %(n)s") % {"n": n}) for n in range(1, 6)]


class BeoordelingForm(forms.Form):
    """The nine criteria with a note each, and the decision on the level.

    The advice is computed from the criteria as posted (`self.advies`), so the page always
    shows the advice the decision will be measured against; the service computes it again.
    """

    verwacht_niveau = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=5)
    naar_niveau = forms.TypedChoiceField(
        label=_("Besluit: niveau"),
        choices=NIVEAU_KEUZES,
        coerce=int,
        error_messages={"required": _("Kies het niveau.")},
    )
    naar_manager = forms.BooleanField(
        label=_("Opschalen naar de manager (visieverschil tussen professionals)"), required=False
    )
    vraag_manager = forms.CharField(
        label=_("Vraag aan de manager"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat is het visieverschil en wat vraagt u van de manager?"),
    )
    reden_afwijking = forms.CharField(
        label=_("Reden om af te wijken van het advies"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, huidig_niveau: int, niveaus: dict[int, Niveau], **kwargs):
        super().__init__(*args, **kwargs)
        self.huidig_niveau = huidig_niveau
        self.advies: rules.Advies | None = None
        self.fields["verwacht_niveau"].initial = huidig_niveau
        self.fields["naar_niveau"].choices = [
            (n, f"{label}: {niveaus[n].naam}" if n in niveaus else label)
            for n, label in NIVEAU_KEUZES
        ]
        for criterium in Criterium:
            code = criterium.value
            self.fields[f"c_{code}"] = forms.BooleanField(
                label=f"{code}: {criterium.label}", required=False
            )
            self.fields[f"t_{code}"] = forms.CharField(
                label=_("Toelichting bij %(code)s") % {"code": code},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def criterium_velden(self):
        """(code, checkbox, note) per criterion, for the template."""
        return [(c.value, self[f"c_{c.value}"], self[f"t_{c.value}"]) for c in Criterium]

    def criteria(self) -> dict[str, tuple[bool, str]]:
        data = self.cleaned_data
        return {
            c.value: (bool(data.get(f"c_{c.value}")), data.get(f"t_{c.value}", "").strip())
            for c in Criterium
        }

    def clean(self):
        data = super().clean()
        for criterium in Criterium:
            code = criterium.value
            if data.get(f"c_{code}") and not data.get(f"t_{code}", "").strip():
                self.add_error(
                    f"t_{code}",
                    _("Licht toe waarom %(code)s geldt.") % {"code": code},
                )
        geldt = [c.value for c in Criterium if data.get(f"c_{c.value}")]
        self.advies = rules.advies(self.huidig_niveau, geldt)
        naar = data.get("naar_niveau")
        afwijking = naar is not None and not advies_gevolgd(
            self.advies, naar_niveau=naar, naar_manager=bool(data.get("naar_manager"))
        )
        if afwijking and not data.get("reden_afwijking", "").strip():
            self.add_error(
                "reden_afwijking",
                _(
                    "Uw besluit wijkt af van het advies (%(advies)s). Volg het advies of "
                    "geef de reden waarom u afwijkt."
                )
                % {"advies": advies_label(self.advies)},
            )
        if data.get("naar_manager") and not data.get("vraag_manager", "").strip():
            self.add_error("vraag_manager", _("Beschrijf wat u van de manager vraagt."))
        return data


class AfhandelenForm(forms.Form):
    oplossing = forms.CharField(
        label=_("Hoe is het afgehandeld?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Beschrijf hoe de escalatie is afgehandeld.")},
    )


class OverdrachtZvhForm(VanafVandaagMixin, forms.Form):
    naar = forms.ModelChoiceField(
        label=_("Procesregisseur van het Zorg- en Veiligheidshuis"),
        queryset=None,
        empty_label=_("Kies een procesregisseur"),
        error_messages={
            "required": _("Kies de procesregisseur die de procesregie overneemt."),
            "invalid_choice": _("Kies een procesregisseur uit de lijst."),
        },
    )
    per = forms.DateField(
        label=_("Per"),
        widget=DateInput(),
        error_messages={"required": _("Vul de datum van de overdracht in.")},
    )

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar"].queryset = kandidaten
        self.fields["naar"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.organisatie})"
        self.fields["per"].initial = timezone.localdate()


class VaststellingForm(forms.Form):
    regio = forms.ModelChoiceField(
        label=_("Regio"),
        queryset=Regio.objects.all(),
        error_messages={"required": _("Kies de regio die de regiekaart vaststelt.")},
    )
    vastgesteld_op = forms.DateField(
        label=_("Vastgesteld op"),
        widget=DateInput(),
        error_messages={
            "required": _("Vul de datum van het besluit in."),
            "invalid": _("Vul een geldige datum in."),
        },
    )
    besluit = forms.CharField(
        label=_("Besluit"),
        max_length=300,
        help_text=_("Welk overleg stelde de kaart vast, met kenmerk."),
        error_messages={"required": _("Beschrijf het besluit (overleg en kenmerk).")},
    )

    def clean_vastgesteld_op(self):
        datum = self.cleaned_data["vastgesteld_op"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("De datum van het besluit ligt in de toekomst."))
        return datum


NIVEAU_TEKSTEN = [
    "naam",
    "omschrijving",
    "draagkracht",
    "zelfredzaamheid",
    "zorgen",
    "hulp",
    "regie",
    "plan",
    "regie_toelichting",
    "casusregie",
    "casusregie_toelichting",
    "procesregie",
    "procesregie_toelichting",
    "inzet_van",
    "inzet_partijen",
    "in_overleg",
    "overleg_partijen",
    "operationeel_verantwoordelijk",
    "operationeel_toelichting",
    "bestuurlijk_verantwoordelijk",
    "bestuurlijk_toelichting",
    "opschalen",
    "afschalen",
]


class NiveauForm(forms.ModelForm):
    """The texts of a level. Colours, competence profiles and the rules stay as the
    Richtlijn gives them: the checks and the advice depend on them."""

    class Meta:
        model = Niveau
        fields = NIVEAU_TEKSTEN
        widgets = {
            name: forms.Textarea(attrs={"rows": 3}) for name in NIVEAU_TEKSTEN if name != "naam"
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:
                field.error_messages["required"] = _("Dit veld mag niet leeg zijn.")


class KaartInvullingForm(forms.ModelForm):
    class Meta:
        model = KaartInvulling
        fields = ["gemeente", "organisatie", "rol", "naam", "toelichting", "contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.order_by("naam")
        self.fields["organisatie"].queryset = Organisatie.objects.actief().select_related(
            "gemeente"
        )
        self.fields["gemeente"].help_text = _("Vul een gemeente óf een organisatie in.")
        self.fields["rol"].error_messages["required"] = _("Kies de rol op de regiekaart.")
        self.fields["naam"].error_messages["required"] = _("Vul de naam in.")

    def clean_naam(self):
        return " ".join(self.cleaned_data["naam"].split())
