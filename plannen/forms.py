"""Forms of the plannen app; help texts are the quality criteria of seed 002 ch. 8."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plannen.constants import ActieStatus
from plannen.models import (
    Actie,
    Doel,
    EerdereHulp,
    KrachtZorg,
    Ondersteuningsplan,
    Ondertekening,
    PlanningOverleg,
    Schaalscore,
    Veiligheidsafspraak,
    VeiligheidsContact,
    Veiligheidsplan,
)
from plannen.selectors import sections
from regie.forms import DateInput
from regie.models import User
from regie.validators import validate_telefoon


def _criterium(code: str) -> str:
    return sections()[code]["criterium"]


class PlanTekstForm(forms.ModelForm):
    revisie = forms.IntegerField(widget=forms.HiddenInput)
    zorgen_veiligheid = forms.NullBooleanField(
        label=_("Zijn er zorgen over basiszorg en/of veiligheid?"),
        widget=forms.NullBooleanSelect,
        required=False,
        help_text=_criterium("zorgen_veiligheid"),
    )

    class Meta:
        model = Ondersteuningsplan
        fields = [
            "aanleiding",
            "integrale_analyse",
            "gewenst_resultaat",
            "zorgen_veiligheid",
            "samenvatting",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in ["aanleiding", "integrale_analyse", "gewenst_resultaat", "samenvatting"]
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in ["aanleiding", "integrale_analyse", "gewenst_resultaat"]:
            self.fields[code].help_text = _criterium(code)
        if not self.is_bound:
            self.initial["revisie"] = self.instance.revisie


class KrachtZorgForm(forms.ModelForm):
    class Meta:
        model = KrachtZorg
        fields = ["soort", "wie", "wat", "citaat", "sinds", "gevolgen", "leefgebied"]
        widgets = {
            "wat": forms.Textarea(attrs={"rows": 2}),
            "gevolgen": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "wat": _("Citeer letterlijk wat iemand zegt en vink dan ‘letterlijk citaat’ aan.")
        }


class EerdereHulpForm(forms.ModelForm):
    class Meta:
        model = EerdereHulp
        fields = ["hulp", "door", "wanneer", "resultaat"]
        widgets = {"resultaat": forms.Textarea(attrs={"rows": 2})}


class DoelForm(forms.ModelForm):
    class Meta:
        model = Doel
        fields = ["tekst", "leefgebied"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"tekst": _criterium("doelen")}


class ActieForm(forms.ModelForm):
    class Meta:
        model = Actie
        fields = ["wat", "wie_user", "wie", "wanneer"]
        widgets = {"wat": forms.Textarea(attrs={"rows": 2}), "wanneer": DateInput()}
        help_texts = {
            "wat": _criterium("acties"),
            "wie": _("Een gezinslid, iemand uit het netwerk of een externe professional."),
        }

    def __init__(self, *args, mensen: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wie_user"].queryset = User.objects.filter(is_active=True).order_by("last_name")
        self.fields["wie_user"].required = False
        if mensen:
            self.fields["wie"].widget = forms.TextInput(attrs={"list": "plan-mensen"})
        self.mensen = mensen or []

    def clean(self):
        data = super().clean()
        if not data.get("wie_user") and not data.get("wie", "").strip():
            raise forms.ValidationError(_("Vul in wie de actie uitvoert: wie doet wat wanneer."))
        return data


class ActieUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActieStatus.choices)
    notitie = forms.CharField(
        label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class VaststellenForm(forms.Form):
    overleg = forms.CharField(
        label=_("Vastgesteld in welk overleg?"),
        max_length=200,
        help_text=_("Bijvoorbeeld: startoverleg 12 maart 2026."),
    )


class VeiligheidsplanStartForm(forms.Form):
    namen = forms.CharField(
        label=_("Wie houden zich aan de veiligheidsafspraken?"),
        max_length=300,
        help_text=_(
            "Deze namen komen in het standaarddoel in het Ondersteuningsplan: "
            "“[namen] houden zich aan de veiligheidsafspraken van dit veiligheidsplan.”"
        ),
    )


class VeiligheidsplanForm(forms.ModelForm):
    revisie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Veiligheidsplan
        fields = [
            "doel_opheffen",
            "doel_oorzaak",
            "doel_herstel",
            "veiligheidsvoorwaarden",
            "zorgen_onveiligheid",
            "grootste_zorg",
            "complicerende_factoren",
            "bestaande_veiligheid",
            "datum_vervolgevaluatie",
        ]
        widgets = {
            **{
                f: forms.Textarea(attrs={"rows": 3})
                for f in [
                    "veiligheidsvoorwaarden",
                    "zorgen_onveiligheid",
                    "grootste_zorg",
                    "complicerende_factoren",
                    "bestaande_veiligheid",
                ]
            },
            "datum_vervolgevaluatie": DateInput(),
        }
        help_texts = {
            "zorgen_onveiligheid": _(
                "Beschrijf wie zich zorgen maakt om welk gedrag en wat het gevolg is voor u/jou of gezinsleden."
            ),
            "grootste_zorg": _(
                "Formuleer met elkaar de grootste zorg. Beschrijf wie de zorg omschrijft en wat de zorg is."
            ),
            "complicerende_factoren": _("Complicerende factoren/triggers/stressoren."),
            "bestaande_veiligheid": _(
                "Beschrijf wie de kracht omschrijft, wat er goed gaat, indien relevant sinds wanneer het goed gaat "
                "en wat de gevolgen voor u/jou of gezinsleden zijn."
            ),
            "veiligheidsvoorwaarden": _(
                "Veiligheidsvoorwaarden kunnen al bekend zijn of worden tijdens het overleg geformuleerd."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["revisie"] = self.instance.revisie


class AfspraakForm(forms.ModelForm):
    class Meta:
        model = Veiligheidsafspraak
        fields = [
            "minimaal",
            "concreet",
            "nodig",
            "toezicht",
            "als_nagekomen",
            "als_niet_nagekomen",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 2})
            for f in ["minimaal", "concreet", "nodig", "als_nagekomen", "als_niet_nagekomen"]
        }


class ContactForm(forms.ModelForm):
    class Meta:
        model = VeiligheidsContact
        fields = ["naam", "wanneer_bellen", "telefoon", "email"]

    def clean_telefoon(self):
        telefoon = self.cleaned_data["telefoon"].strip()
        validate_telefoon(telefoon)
        return telefoon


class ScoreForm(forms.ModelForm):
    class Meta:
        model = Schaalscore
        fields = ["overleg", "datum", "naam", "score", "toelichting"]
        widgets = {"datum": DateInput(), "score": forms.NumberInput(attrs={"min": 0, "max": 10})}
        error_messages = {
            "score": {
                "max_value": _("Het cijfer is 0 tot en met 10."),
                "min_value": _("Het cijfer is 0 tot en met 10."),
            }
        }


class OndertekenForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=150)
    hoedanigheid = forms.ChoiceField(
        label=_("Hoedanigheid"), choices=Ondertekening.Hoedanigheid.choices
    )
    wijze = forms.ChoiceField(
        label=_("Wijze"), choices=Ondertekening.Wijze.choices, widget=forms.RadioSelect
    )


class PlanningForm(forms.ModelForm):
    class Meta:
        model = PlanningOverleg
        fields = ["overleg", "datum", "tijd", "locatie"]
        widgets = {
            "datum": DateInput(),
            "tijd": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
