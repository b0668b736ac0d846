"""Forms of the plannen app; help texts are the quality criteria of seed 002 ch. 8."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plannen.constants import VP_TEXT, ActieStatus
from plannen.datum import datum_nl
from plannen.models import (
    Actie,
    Doel,
    EerdereHulp,
    KrachtZorg,
    Ondersteuningsplan,
    Ondertekening,
    Overleg,
    Schaalscore,
    UitnodigingSjabloon,
    Veiligheidsafspraak,
    VeiligheidsContact,
    Veiligheidsplan,
)
from plannen.models.veiligheidsplan import AfspraakNakoming
from plannen.selectors.overleg import overleg_begonnen
from plannen.selectors.plan import sections
from plannen.selectors.uitnodiging import invulvelden_geldig
from plannen.selectors.veiligheidsplan import keuze_overleggen
from regie.forms import DateInput, PhoneCleaningMixin
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
            "aanvraag_beschikking",
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

    def __init__(self, *args, uitvoerders, mensen: list[str] | None = None, **kwargs):
        """`uitvoerders`: the accounts that can be named (huishoudens.selectors.betrokken_users),
        as a list, so a page with a form per goal reads them once."""
        super().__init__(*args, **kwargs)
        veld = self.fields["wie_user"]
        veld.queryset = User.objects.filter(pk__in=[u.pk for u in uitvoerders])
        veld.choices = [("", "---------")] + [(u.pk, u.get_full_name()) for u in uitvoerders]
        veld.required = False
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


class OverlegKeuzeField(forms.ModelChoiceField):
    """One of the traject's meetings (issue #12): held ones first, each with kind, date and
    state. A meeting of another traject is not among the choices and is refused in Dutch."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Overleg.objects.none())
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": _("Kies een overleg van dit traject."),
                "required": _("Kies het overleg."),
            },
        )
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return (
            f"{obj.get_soort_display()}, {datum_nl(obj.datum)} ({obj.get_status_display().lower()})"
        )


class OverlegKeuzeMixin:
    """Forms that name a meeting of the traject: pass `traject=`."""

    overleg_veld = "overleg"

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields[self.overleg_veld]
        veld.queryset = keuze_overleggen(traject)
        if not veld.queryset.exists():
            veld.help_text = _(
                "Dit traject heeft nog geen overleg. Plan het overleg of leg een gehouden "
                "overleg vast onder Overleggen."
            )


class VaststellenForm(OverlegKeuzeMixin, forms.Form):
    overleg = OverlegKeuzeField(label=_("Vastgesteld in welk overleg?"))


class VeiligheidsplanStartForm(forms.Form):
    namen = forms.CharField(
        label=_("Wie houden zich aan de veiligheidsafspraken?"),
        max_length=300,
        help_text=_(
            "Deze namen komen in het standaarddoel in het Ondersteuningsplan: "
            "“Ik, [naam], hou mij aan de veiligheidsafspraken van dit veiligheidsplan.” "
            "Bij meer namen: “Wij, [namen], houden ons aan …”."
        ),
    )


class VeiligheidsplanForm(forms.ModelForm):
    revisie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Veiligheidsplan
        fields = VP_TEXT
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


class ContactForm(PhoneCleaningMixin, forms.ModelForm):
    class Meta:
        model = VeiligheidsContact
        fields = ["naam", "wanneer_bellen", "telefoon", "email"]


class ScoreForm(OverlegKeuzeMixin, forms.ModelForm):
    overleg_veld = "gegeven_in"
    gegeven_in = OverlegKeuzeField(label=_("In welk overleg?"))

    class Meta:
        model = Schaalscore
        fields = ["gegeven_in", "naam", "score", "toelichting"]
        widgets = {"score": forms.NumberInput(attrs={"min": 0, "max": 10})}
        error_messages = {
            "score": {
                "max_value": _("Het cijfer is 0 tot en met 10."),
                "min_value": _("Het cijfer is 0 tot en met 10."),
            }
        }


class NakomingForm(OverlegKeuzeMixin, forms.Form):
    """Per veiligheidsafspraak, at one overleg: nagekomen, niet nagekomen or niet besproken
    (the default). 002 fase 5b stap 4: "bespreek of de veiligheidsafspraken zijn behaald"."""

    overleg = OverlegKeuzeField(label=_("Besproken in welk overleg?"))

    def __init__(self, *args, afspraken, **kwargs):
        super().__init__(*args, **kwargs)
        self.afspraken = list(afspraken)
        for nummer, afspraak in enumerate(self.afspraken, start=1):
            self.fields[f"status_{afspraak.pk}"] = forms.ChoiceField(
                label=_("Afspraak %(n)s: %(afspraak)s")
                % {"n": nummer, "afspraak": afspraak.minimaal[:80]},
                choices=AfspraakNakoming.Status.choices,
                initial=AfspraakNakoming.Status.NIET_BESPROKEN,
                widget=forms.RadioSelect,
                required=False,  # left open: not discussed, the default
            )
            self.fields[f"toelichting_{afspraak.pk}"] = forms.CharField(
                label=_("Toelichting bij afspraak %(n)s") % {"n": nummer},
                max_length=500,
                required=False,
            )

    def statussen(self) -> dict[int, tuple[str, str]]:
        return {
            a.pk: (
                self.cleaned_data[f"status_{a.pk}"] or AfspraakNakoming.Status.NIET_BESPROKEN,
                self.cleaned_data[f"toelichting_{a.pk}"].strip(),
            )
            for a in self.afspraken
        }


class OndertekenForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=150)
    hoedanigheid = forms.ChoiceField(
        label=_("Hoedanigheid"), choices=Ondertekening.Hoedanigheid.choices
    )
    wijze = forms.ChoiceField(
        label=_("Wijze"), choices=Ondertekening.Wijze.choices, widget=forms.RadioSelect
    )


class OverlegTijdForm(forms.ModelForm):
    """When and where: shared by planning a meeting and changing a planned one."""

    online_link = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    verleden_toegestaan = False

    class Meta:
        model = Overleg
        fields = ["datum", "begin", "eind", "locatie", "voorzitter", "notulist"]
        widgets = {
            "datum": DateInput(),
            "begin": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "eind": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, voorzitters, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(
            ["soort", "datum", "begin", "eind", "locatie", "online_link", "voorzitter", "notulist"]
        )
        self.fields["voorzitter"].queryset = voorzitters

    def clean(self):
        data = super().clean()
        begin, eind, datum = data.get("begin"), data.get("eind"), data.get("datum")
        if begin and eind and eind <= begin:
            self.add_error("eind", _("De eindtijd ligt voor of op de begintijd."))
        if datum and datum < timezone.localdate() and not self.verleden_toegestaan:
            self.add_error(
                "datum",
                _(
                    "Deze datum ligt in het verleden. Vink ‘al gehouden’ aan om een gehouden "
                    "overleg vast te leggen."
                )
                if "verslag" in self.fields
                else _("Een gepland overleg ligt vandaag of later."),
            )
        if not data.get("locatie") and not data.get("online_link"):
            self.add_error("locatie", _("Vul een locatie of een online link in."))
        return data


class OverlegWijzigForm(OverlegTijdForm):
    """A planned meeting: when and where, and people to invite who were forgotten."""

    extra_genodigden = forms.MultipleChoiceField(
        label=_("Genodigden toevoegen"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Zijn de uitnodigingen al verstuurd, dan krijgen zij de hunne meteen."),
    )

    def __init__(self, *args, mensen: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.mensen = {m["key"]: m for m in mensen}
        self.fields["extra_genodigden"].choices = [
            (m["key"], f"{m['naam']} ({m['rol']})" if m["rol"] else m["naam"]) for m in mensen
        ]
        if not mensen:
            del self.fields["extra_genodigden"]

    def extra_genodigden_data(self) -> list[dict]:
        return [
            {**{k: self.mensen[key][k] for k in ("naam", "email", "rol", "soort")}, "moet": False}
            for key in self.cleaned_data.get("extra_genodigden", [])
        ]


class OverlegForm(OverlegTijdForm):
    genodigden = forms.MultipleChoiceField(
        label=_("Genodigden"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Nodig ten minste één persoon uit.")},
    )
    moet_aanwezig = forms.MultipleChoiceField(
        label=_("Moet zeker aanwezig zijn"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Zonder deze personen gaat het overleg niet door."),  # 002 fase 3a, stap 9-10
    )
    verslag = forms.BooleanField(
        label=_("Dit overleg is al gehouden (vastleggen als verslag)"), required=False
    )

    class Meta(OverlegTijdForm.Meta):
        fields = ["soort", *OverlegTijdForm.Meta.fields]

    def __init__(self, *args, mensen: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [
            (m["key"], f"{m['naam']} ({m['rol']})" if m["rol"] else m["naam"]) for m in mensen
        ]
        self.fields["genodigden"].choices = keuzes
        self.fields["moet_aanwezig"].choices = keuzes
        self.mensen = {m["key"]: m for m in mensen}

    def clean(self):
        self.verleden_toegestaan = bool(self.cleaned_data.get("verslag"))
        data = super().clean()
        datum, begin = data.get("datum"), data.get("begin")
        if data.get("verslag") and datum and begin and not overleg_begonnen(datum, begin):
            self.add_error(
                "datum",
                _(
                    "Een overleg dat nog niet begonnen is, kan niet als gehouden worden "
                    "vastgelegd. Vink ‘al gehouden’ uit om het te plannen."
                ),
            )
        niet_genodigd = set(data.get("moet_aanwezig", [])) - set(data.get("genodigden", []))
        if niet_genodigd:
            self.add_error(
                "moet_aanwezig", _("Wie zeker aanwezig moet zijn, moet ook worden uitgenodigd.")
            )
        return data

    def genodigden_data(self) -> list[dict]:
        moet = set(self.cleaned_data.get("moet_aanwezig", []))
        return [
            {
                **{k: self.mensen[key][k] for k in ("naam", "email", "rol", "soort")},
                "moet": key in moet,
            }
            for key in self.cleaned_data["genodigden"]
        ]


class AfrondenForm(forms.Form):
    volgende_datum = forms.DateField(
        label=_("Datum volgend overleg"), widget=DateInput(), required=False
    )
    volgende_begin = forms.TimeField(
        label=_("Begintijd"), widget=forms.TimeInput(attrs={"type": "time"}), required=False
    )
    volgende_eind = forms.TimeField(
        label=_("Eindtijd"), widget=forms.TimeInput(attrs={"type": "time"}), required=False
    )

    def clean(self):
        data = super().clean()
        velden = [data.get("volgende_datum"), data.get("volgende_begin"), data.get("volgende_eind")]
        if any(velden) and not all(velden):
            raise forms.ValidationError(
                _("Vul voor het volgende overleg datum, begin- en eindtijd in.")
            )
        if all(velden):
            if velden[2] <= velden[1]:
                self.add_error("volgende_eind", _("De eindtijd ligt voor of op de begintijd."))
            if velden[0] < timezone.localdate():
                self.add_error(
                    "volgende_datum", _("Het volgende overleg moet vandaag of later zijn.")
                )
        return data

    def volgende(self) -> dict | None:
        d = self.cleaned_data
        if not d.get("volgende_datum"):
            return None
        return {
            "datum": d["volgende_datum"],
            "begin": d["volgende_begin"],
            "eind": d["volgende_eind"],
        }


class SjabloonForm(forms.ModelForm):
    """An organisation's own invitation text. Only {datum}, {begin} and {eind} are filled in."""

    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Eén agendapunt per regel."),
        error_messages={"required": _("Zet ten minste één agendapunt in de agenda.")},
    )

    class Meta:
        model = UitnodigingSjabloon
        fields = [
            "onderwerp",
            "uitnodiging",
            "doel",
            "agenda_intro",
            "agenda",
            "slot",
            "afsluiting",
            "groet",
        ]
        labels = {
            "agenda_intro": _("Inleiding op de agenda"),
            "slot": _("Slotalinea"),
            "afsluiting": _("Afsluiting"),
            "groet": _("Groet"),
        }
        help_texts = {
            "uitnodiging": _(
                "Gebruik {datum}, {begin} en {eind}; die worden per overleg ingevuld."
            ),
        }
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in ("uitnodiging", "doel", "slot", "afsluiting")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.agenda and not self.is_bound:
            self.initial["agenda"] = "\n".join(self.instance.agenda)

    def clean_onderwerp(self):
        onderwerp = self.cleaned_data["onderwerp"]
        if "\n" in onderwerp or "\r" in onderwerp:
            raise forms.ValidationError(_("Het onderwerp is één regel."))
        return onderwerp

    def clean_uitnodiging(self):
        tekst = self.cleaned_data["uitnodiging"]
        if not invulvelden_geldig(tekst):
            raise forms.ValidationError(
                _("Gebruik alleen {datum}, {begin} en {eind} tussen accolades.")
            )
        return tekst

    def clean_agenda(self):
        punten = [regel.strip() for regel in self.cleaned_data["agenda"].splitlines()]
        punten = [p for p in punten if p]
        if not punten:
            raise forms.ValidationError(_("Zet ten minste één agendapunt in de agenda."))
        return punten
