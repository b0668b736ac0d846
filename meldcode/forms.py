"""Forms of the meldcode, with Dutch validation messages. The seed's rules themselves live
in meldcode.services (they raise MeldcodeError, which the views put on the form); the forms
check shape and required fields, and give every free-text field the careful-recording
guidance of 002 ch. 7 as help text."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from meldcode import inhoud
from meldcode.afwegingskader import VRAGEN, Besluit, beslis
from meldcode.constants import (
    AfschermReden,
    Check,
    GebeurtenisSoort,
    Instrument,
    Sluitreden,
    Vorm,
)
from meldcode.models import (
    Consultatie,
    CrisisContact,
    CrisisOproep,
    Gebeurtenis,
    Gesprek,
    InKaart,
    VtMelding,
)
from regie.forms import DateInput, PhoneCleaningMixin
from regie.validators import validate_not_future

REQUIRED = _("Dit veld is verplicht.")


class _CarefulForm:
    """Free-text fields (textareas) get the careful-recording guidance as help text."""

    def _add_guidance(self):
        hulp = inhoud.vastleg_hulp()
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3
                field.help_text = f"{field.help_text} {hulp}".strip() if field.help_text else hulp


class CarefulModelForm(_CarefulForm, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_guidance()


class CarefulForm(_CarefulForm, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_guidance()


# --- opening ------------------------------------------------------------------------


class DossierOpenForm(forms.Form):
    leden = forms.ModelMultipleChoiceField(
        label=_("Betrokken gezinsleden"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één gezinslid.")},
    )
    eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar"),
        queryset=None,
        empty_label=None,
        help_text=_(
            "De casusregisseur die de signalen zag: die zet de stappen, legt ze vast en doet "
            "de melding."
        ),
    )
    weeg_interval_dagen = forms.IntegerField(
        label=_("Opnieuw wegen na (dagen)"),
        min_value=1,
        max_value=365,
        initial=28,
        help_text=_(
            "'Als zorgen blijven': de eigenaar krijgt een herinnering om de afwegingsvragen "
            "opnieuw te doorlopen, tot er duurzame veiligheid is."
        ),
        error_messages={
            "required": REQUIRED,
            "min_value": _("Kies minstens 1 dag."),
            "max_value": _("Kies hoogstens 365 dagen."),
            "invalid": _("Vul een aantal dagen in."),
        },
    )

    def __init__(self, *args, traject, regisseurs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leden"].queryset = traject.huishouden.leden.all()
        self.fields["eigenaar"].queryset = regisseurs
        self.fields["eigenaar"].label_from_instance = lambda u: u.get_full_name() or u.email


# --- the steps ----------------------------------------------------------------------


class SignalenForm(CarefulForm):
    """Stap 0: the forms of violence (several may apply)."""

    vormen = forms.MultipleChoiceField(
        label=_("Vormen van huiselijk geweld"),
        choices=Vorm.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één vorm van huiselijk geweld.")},
    )
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea, required=False)


class InKaartForm(CarefulModelForm):
    """Stap 1. The instrument is offered only to users trained in it (002 ch. 2 stap 1)."""

    class Meta:
        model = InKaart
        fields = [
            "feiten",
            "nog_nodig",
            "betrekken",
            "check_soort",
            "check_uitkomst",
            "instrument",
            "instrument_uitkomst",
        ]
        widgets = {
            "feiten": forms.Textarea,
            "nog_nodig": forms.Textarea,
            "betrekken": forms.Textarea,
            "check_uitkomst": forms.Textarea,
            "instrument_uitkomst": forms.Textarea,
        }

    def __init__(self, *args, instrumenten=(), **kwargs):
        super().__init__(*args, **kwargs)
        if instrumenten:
            self.fields["instrument"].choices = [("", _("Geen taxatie-instrument gebruikt"))] + [
                (value, label) for value, label in Instrument.choices if value in instrumenten
            ]
            self.fields["instrument"].help_text = _(
                "Alleen de instrumenten waarin u bent geschoold."
            )
        else:
            # "Zet deze taxatie instrumenten alleen in wanneer je hierop bent geschoold."
            del self.fields["instrument"]
            del self.fields["instrument_uitkomst"]

    def clean(self):
        data = super().clean()
        if (
            data.get("check_soort", Check.NVT) != Check.NVT
            and not data.get("check_uitkomst", "").strip()
        ):
            self.add_error(
                "check_uitkomst",
                _("Vul de uitkomst van de %(check)s in.")
                % {"check": Check(data["check_soort"]).label.lower()},
            )
        if data.get("instrument") and not data.get("instrument_uitkomst", "").strip():
            self.add_error("instrument_uitkomst", _("Vul de uitkomst van de taxatie in."))
        return data


class ConsultatieForm(CarefulModelForm):
    """Stap 2."""

    class Meta:
        model = Consultatie
        fields = ["op", "wie", "rol", "anoniem", "advies", "advies_gevolgd", "afwijking"]
        widgets = {"op": DateInput(), "advies": forms.Textarea, "afwijking": forms.Textarea}
        help_texts = {
            "anoniem": _("Advies mag altijd anoniem worden gevraagd, zonder persoonsgegevens."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["op"].validators.append(validate_not_future)

    def clean(self):
        data = super().clean()
        niet_gevolgd = "advies_gevolgd" in data and not data["advies_gevolgd"]
        if niet_gevolgd and not data.get("afwijking", "").strip():
            self.add_error("afwijking", _("Leg vast waarom van het advies is afgeweken."))
        return data


class GesprekForm(CarefulModelForm):
    """Stap 3: the conversation, or why there was none."""

    class Meta:
        model = Gesprek
        fields = [
            "gevoerd",
            "op",
            "met_wie",
            "reactie",
            "afspraken",
            "melding_aangekondigd",
            "reactie_op_melding",
            "geen_gesprek_reden",
        ]
        widgets = {
            "op": DateInput(),
            "met_wie": forms.Textarea,
            "reactie": forms.Textarea,
            "afspraken": forms.Textarea,
            "reactie_op_melding": forms.Textarea,
            "geen_gesprek_reden": forms.Textarea,
        }
        help_texts = {
            "gevoerd": _("Vink uit als er bewust geen gesprek is gevoerd; geef dan de reden."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["op"].validators.append(validate_not_future)

    def clean(self):
        data = super().clean()
        if data.get("gevoerd"):
            for name in ("op", "met_wie", "reactie"):
                if name in data and not data.get(name):
                    self.add_error(name, REQUIRED)
        elif not data.get("geen_gesprek_reden", "").strip():
            self.add_error(
                "geen_gesprek_reden",
                _("Leg vast waarom er geen gesprek over de signalen is gevoerd."),
            )
        if data.get("melding_aangekondigd") and not data.get("reactie_op_melding", "").strip():
            self.add_error(
                "reactie_op_melding", _("Leg de reactie op de aangekondigde melding vast.")
            )
        return data


ANTWOORD = [("ja", _("Ja")), ("nee", _("Nee"))]


class WegingForm(CarefulForm):
    """Stap 4 en 5: the five questions one at a time. Answers given so far travel as hidden
    fields; `beslis` says which question comes next, so the form works without JavaScript.
    `stap` is 'volgende' (answer the current question) or 'opslaan' (save the weighing)."""

    op = forms.DateField(label=_("Datum van de weging"), widget=DateInput(), required=False)
    overwegingen = forms.CharField(label=_("De weging"), widget=forms.Textarea, required=False)
    afspraken = forms.CharField(
        label=_("Afspraken over melden en hulp"), widget=forms.Textarea, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in VRAGEN:
            self.fields[f"antwoord_{n}"] = forms.ChoiceField(
                label=inhoud.vraag(n)["vraag"],
                choices=ANTWOORD,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"samen_{n}"] = forms.BooleanField(
                label=_("Samen met Veilig Thuis beantwoord"), required=False
            )
        self.fields["op"].validators.append(validate_not_future)
        self.antwoorden: dict[int, bool] = {}
        self.besluit: Besluit = beslis({})

    def _answers(self, data) -> dict[int, bool]:
        antwoorden = {}
        for n in VRAGEN:
            value = data.get(f"antwoord_{n}")
            if value:
                antwoorden[n] = value == "ja"
        return antwoorden

    def clean(self):
        data = super().clean()
        self.antwoorden = self._answers(data)
        try:
            self.besluit = beslis(self.antwoorden)
        except ValueError:
            self.antwoorden, self.besluit = {}, beslis({})
            raise ValidationError(
                _("De antwoorden passen niet bij het afwegingskader; begin opnieuw.")
            ) from None
        return data

    @property
    def samen(self) -> list[int]:
        return [n for n in self.antwoorden if self.cleaned_data.get(f"samen_{n}")]

    def vragen(self):
        """The questions as the page shows them: answered ones, then the current one."""
        rows = []
        for n in VRAGEN:
            if n in self.antwoorden or n == self.besluit.volgende_vraag:
                rows.append(
                    {
                        "nummer": n,
                        "vraag": inhoud.vraag(n),
                        "antwoord": self.antwoorden.get(n),
                        "huidig": n == self.besluit.volgende_vraag,
                        "antwoord_veld": self[f"antwoord_{n}"],
                        "samen_veld": self[f"samen_{n}"],
                    }
                )
        return rows

    def check_for_save(self) -> bool:
        """The extra checks when saving: the path complete, a date and the weighing."""
        if not self.besluit.compleet:
            self.add_error(f"antwoord_{self.besluit.volgende_vraag}", _("Kies ja of nee."))
        if not self.cleaned_data.get("op"):
            self.add_error("op", REQUIRED)
        if not self.cleaned_data.get("overwegingen", "").strip():
            self.add_error("overwegingen", _("Leg de weging vast."))
        return not self.errors


class MeldingForm(CarefulModelForm):
    class Meta:
        model = VtMelding
        fields = ["op", "inhoud", "referentie"]
        widgets = {"op": DateInput(), "inhoud": forms.Textarea}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["op"].validators.append(validate_not_future)


class TerugkoppelingForm(CarefulModelForm):
    class Meta:
        model = VtMelding
        fields = ["terugkoppeling_op", "terugkoppeling"]
        widgets = {"terugkoppeling_op": DateInput(), "terugkoppeling": forms.Textarea}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].required = True
        self.fields["terugkoppeling_op"].validators.append(validate_not_future)


class GebeurtenisForm(CarefulModelForm):
    class Meta:
        model = Gebeurtenis
        fields = ["soort", "op", "toelichting"]
        widgets = {"op": DateInput(), "toelichting": forms.Textarea}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["op"].validators.append(validate_not_future)
        self.fields["soort"].choices = [
            (
                s.value,
                f"{s.label} ({_('vraagt altijd een melding')})" if s.vraagt_melding else s.label,
            )
            for s in GebeurtenisSoort
        ]


class SluitenForm(CarefulForm):
    reden = forms.ChoiceField(label=_("Reden van afsluiten"), choices=Sluitreden.choices)
    toelichting = forms.CharField(
        label=_("Toelichting: waarom wordt het dossier afgesloten?"), widget=forms.Textarea
    )


class ToegangForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Persoon"),
        queryset=None,
        help_text=_(
            "Een actieve medewerker in de regio, bijvoorbeeld de aandachtsfunctionaris "
            "huiselijk geweld die u raadpleegde."
        ),
        error_messages={
            "required": _("Kies een persoon."),
            "invalid_choice": _("Kies een persoon."),
        },
    )
    reden = forms.CharField(
        label=_("Reden"),
        max_length=300,
        error_messages={"required": _("Geef aan waarom deze persoon toegang krijgt.")},
    )

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.email} ({u.organisatie})"
        )


class AfschermForm(CarefulForm):
    reden = forms.ChoiceField(label=_("Reden"), choices=AfschermReden.choices)
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea)


# --- acuut gevaar and the beheerder's pages ------------------------------------------


# Dutch numbers: 112, service numbers (0800/0900 with 4-7 digits, 14 + area code), regular
# and mobile numbers (10 digits) and international ones (+31 ...).
class CrisisContactForm(PhoneCleaningMixin, forms.ModelForm):
    """The shared phone check accepts what crisis lines use: 112, 0800-2000, 14 + area code."""

    class Meta:
        model = CrisisContact
        fields = ["naam", "telefoon", "toelichting", "volgorde"]
        labels = {"volgorde": _("Volgorde op de pagina")}


class CrisisOproepForm(CarefulModelForm):
    class Meta:
        model = CrisisOproep
        fields = ["contact", "telefoon", "op", "toelichting"]
        widgets = {
            "op": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "toelichting": forms.Textarea,
        }

    def clean_op(self):
        from django.utils import timezone

        op = self.cleaned_data["op"]
        if op > timezone.now():
            raise ValidationError(_("Deze datum kan niet in de toekomst liggen."))
        return op


class ScholingForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Medewerker"),
        queryset=None,
        error_messages={
            "required": _("Kies een medewerker."),
            "invalid_choice": _("Kies een medewerker."),
        },
    )
    instrument = forms.ChoiceField(label=_("Instrument"), choices=Instrument.choices)
    geschoold_op = forms.DateField(
        label=_("Geschoold op"), widget=DateInput(), validators=[validate_not_future]
    )

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.email} ({u.organisatie})"
        )
