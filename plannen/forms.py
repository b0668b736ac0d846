"""Forms of the plannen app; help texts are the quality criteria of seed 002 ch. 8."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plannen.constants import ActieStatus
from plannen.models import Actie, Doel, EerdereHulp, KrachtZorg, Ondersteuningsplan
from plannen.selectors import sections
from regie.forms import DateInput
from regie.models import User


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
