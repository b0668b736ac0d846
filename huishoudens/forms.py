"""Forms of the huishoudens app, with Dutch validation messages."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huishoudens.constants import Leefgebied, Steun, Toestemmer, ToestemmingStatus, TrajectRol
from huishoudens.models import (
    BetrokkenProfessional,
    Gezinslid,
    Huishouden,
    NazorgAfspraak,
    Netwerklid,
    Overdracht,
    Toestemming,
    Traject,
)
from huishoudens.selectors import criteria_inleiding
from regie.constants import Rol
from regie.forms import DateInput, PhoneCleaningMixin
from regie.models import User
from regie.validators import validate_not_future, validate_telefoon


class HuishoudenForm(PhoneCleaningMixin, forms.ModelForm):
    class Meta:
        model = Huishouden
        fields = [
            "naam",
            "adres",
            "postcode",
            "woonplaats",
            "gemeente",
            "telefoon",
            "email",
            "aanspreekvorm",
        ]

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].replace(" ", "").upper()
        if postcode and not (
            len(postcode) == 6 and postcode[:4].isdigit() and postcode[4:].isalpha()
        ):
            raise forms.ValidationError(_("Vul een postcode in als 2801 LS."))
        return f"{postcode[:4]} {postcode[4:]}" if postcode else ""


class GezinslidForm(PhoneCleaningMixin, forms.ModelForm):
    class Meta:
        model = Gezinslid
        fields = [
            "voornaam",
            "achternaam",
            "geslacht",
            "geboortedatum",
            "rol_in_gezin",
            "gezag",
            "burgerlijke_staat",
            "beroep",
            "adres",
            "telefoon",
            "email",
            "vertegenwoordiging",
            "vertegenwoordiger",
            "vir_signaal",
            "woonplaatsbeginsel_gecontroleerd",
            "legitimatie_gecontroleerd",
        ]
        widgets = {
            "geboortedatum": DateInput(),
            "vir_signaal": forms.NullBooleanSelect(),
        }

    def clean_geboortedatum(self):
        datum = self.cleaned_data["geboortedatum"]
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(_("De geboortedatum kan niet in de toekomst liggen."))
        return datum

    def clean(self):
        data = super().clean()
        geboren = data.get("geboortedatum")
        if geboren:
            lid = Gezinslid(geboortedatum=geboren)
            if lid.minderjarig and not data.get("gezag"):
                self.add_error("gezag", _("Vul in wie het gezag heeft over deze minderjarige."))
            if not lid.minderjarig and data.get("vir_signaal") is not None:
                self.add_error("vir_signaal", _("Een VIR-signaal geldt alleen voor minderjarigen."))
        if data.get("vertegenwoordiging") and not data.get("vertegenwoordiger"):
            self.add_error("vertegenwoordiger", _("Vul de naam van de vertegenwoordiger in."))
        return data


class AanmeldingForm(forms.ModelForm):
    """Fase 1: the question, who reports it and the first check on basiszorg and veiligheid."""

    class Meta:
        model = Traject
        fields = [
            "vraag",
            "melder_naam",
            "melder_organisatie",
            "melder_telefoon",
            "zorgen_basiszorg",
            "zorgen_veiligheid",
            "acuut",
        ]
        widgets = {"vraag": forms.Textarea(attrs={"rows": 4})}

    def clean_melder_telefoon(self):
        telefoon = self.cleaned_data["melder_telefoon"].strip()
        validate_telefoon(telefoon)
        return telefoon

    def clean(self):
        data = super().clean()
        if data.get("acuut"):
            data["zorgen_veiligheid"] = True
        return data


class NetwerklidForm(PhoneCleaningMixin, forms.ModelForm):
    steun = forms.MultipleChoiceField(
        label=_("Soort steun"),
        choices=Steun.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Netwerklid
        fields = ["naam", "rol", "email", "telefoon", "steun"]


class ProfessionalForm(PhoneCleaningMixin, forms.ModelForm):
    class Meta:
        model = BetrokkenProfessional
        fields = ["user", "naam", "organisatie", "functie", "email", "telefoon", "lifetime"]
        help_texts = {
            "user": _(
                "Kies een collega die Regie gebruikt, of vul hieronder een externe contactpersoon in."
            )
        }

    def __init__(self, *args, huishouden=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.huishouden = huishouden
        self.fields["user"].queryset = (
            User.objects.filter(is_active=True).select_related("organisatie").order_by("last_name")
        )
        self.fields["user"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("user") and not data.get("naam"):
            raise forms.ValidationError(_("Kies een gebruiker van Regie of vul een naam in."))
        if (
            data.get("user")
            and self.huishouden
            and self.huishouden.professionals.filter(user=data["user"]).exists()
        ):
            self.add_error("user", _("Deze professional is al betrokken bij het huishouden."))
        return data


class ToestemmingForm(forms.ModelForm):
    class Meta:
        model = Toestemming
        fields = ["toestemmer", "naam_toestemmer", "status", "datum", "toelichting"]
        widgets = {"datum": DateInput()}

    def __init__(self, *args, lid: Gezinslid, **kwargs):
        super().__init__(*args, **kwargs)
        self.lid = lid
        from huishoudens.consent import consent_states

        self.states = consent_states(lid)
        self.fields["toestemmer"].choices = [(s.toestemmer.value, s.label) for s in self.states]
        self.fields["status"].choices = ToestemmingStatus.choices
        self.fields["datum"].initial = timezone.localdate()
        self.fields["datum"].validators.append(validate_not_future)

    def clean(self):
        """With two parents with gezag each records their own consent (002 ch. 7): a parent
        named on one parent's line cannot be recorded on the other's (issue #12)."""
        data = super().clean()
        toestemmer, naam = data.get("toestemmer"), (data.get("naam_toestemmer") or "").strip()
        ouders = {Toestemmer.GEZAGHEBBENDE, Toestemmer.GEZAGHEBBENDE_2}
        if toestemmer in ouders and naam:
            for s in self.states:
                if (
                    s.toestemmer in ouders
                    and s.toestemmer != toestemmer
                    and s.record is not None
                    and s.record.naam_toestemmer.strip().casefold() == naam.casefold()
                ):
                    self.add_error(
                        "naam_toestemmer",
                        _(
                            "%(naam)s staat al als %(rol)s vastgelegd. Leg de toestemming van "
                            "elke ouder met gezag apart vast, ieder op de eigen regel."
                        )
                        % {"naam": naam, "rol": s.label.lower()},
                    )
        return data


class IntakeForm(forms.Form):
    criteria = forms.MultipleChoiceField(
        label=_("Criteria die van toepassing zijn"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    toelichting = forms.CharField(
        label=_("Toelichting op de criteria"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    besluit_start = forms.TypedChoiceField(
        label=_("Start 1Gezin1Plan1Regisseur?"),
        widget=forms.RadioSelect,
        choices=[("ja", _("Ja, start 1Gezin1Plan1Regisseur")), ("nee", _("Nee, geen start"))],
        coerce=lambda v: v == "ja",
        error_messages={"required": _("Kies of 1Gezin1Plan1Regisseur start.")},
    )
    besluit_reden = forms.CharField(
        label=_("Reden van het besluit"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Leg het besluit uit; het wordt vastgelegd in de tijdlijn.")},
    )

    def __init__(self, *args, criteria, geen_start_geweigerd: str = "", **kwargs):
        """`geen_start_geweigerd`: why "Nee, geen start" is not offered (see
        `services.no_start_refusal`); the choice is then "Ja" only, with the reason."""
        super().__init__(*args, **kwargs)
        # The six criteria complete one sentence (002 ch. 4): keep its lead-in above them.
        algemeen = [(str(c.pk), c.tekst) for c in criteria if c.organisatie_id is None]
        eigen = [(str(c.pk), c.tekst) for c in criteria if c.organisatie_id is not None]
        self.fields["criteria"].choices = [(criteria_inleiding()["tekst"], algemeen)] + (
            [(_("Eigen criteria van uw organisatie"), eigen)] if eigen else []
        )
        self.geen_start_geweigerd = geen_start_geweigerd
        if geen_start_geweigerd:
            field = self.fields["besluit_start"]
            field.choices = [c for c in field.choices if c[0] == "ja"]
            field.initial = "ja"
            field.error_messages["invalid_choice"] = geen_start_geweigerd


class RegisseurForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Professional"), queryset=User.objects.none())
    rol = forms.ChoiceField(label=_("Rol in dit traject"), choices=TrajectRol.choices)
    leefgebieden = forms.MultipleChoiceField(
        label=_("Leefgebieden (casusregie)"),
        choices=Leefgebied.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(
                is_active=True, role_assignments__rol__in=[Rol.PROCESREGISSEUR, Rol.CASUSREGISSEUR]
            )
            .select_related("organisatie")
            .distinct()
            .order_by("last_name")
        )
        self.fields["user"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.organisatie})"

    def clean(self):
        data = super().clean()
        if data.get("rol") == TrajectRol.CASUSREGISSEUR and not data.get("leefgebieden"):
            self.add_error(
                "leefgebieden", _("Kies de leefgebieden waarvoor deze casusregisseur regie voert.")
            )
        return data


class SignaalForm(forms.Form):
    omschrijving = forms.CharField(
        label=_("Wat is er gezien of gehoord?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Feiten: wat, wanneer, door wie. Gaat het om huiselijk geweld of kindermishandeling, volg dan de meldcode."
        ),
    )


class VanafVandaagMixin:
    """A handover (fase 6a) takes effect today or later."""

    def clean_per(self):
        per = self.cleaned_data["per"]
        if per < timezone.localdate():
            raise forms.ValidationError(_("Een overdracht gaat in op vandaag of later."))
        return per


class OverdrachtForm(VanafVandaagMixin, forms.ModelForm):
    class Meta:
        model = Overdracht
        fields = ["rol", "naar", "per", "toelichting"]
        widgets = {"per": DateInput(), "toelichting": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, rollen: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rol"].choices = [(r, TrajectRol(r).label) for r in rollen]
        self.fields["naar"].queryset = RegisseurForm().fields["user"].queryset
        self.fields["per"].initial = timezone.localdate()


# --- fase 6a and 6b, who holds regie (issue #12) ------------------------------------------


class NazorgPlanForm(forms.ModelForm):
    """004 fase 6.2: is a follow-up wanted, and when does the traject close."""

    class Meta:
        model = Traject
        fields = ["vervolg_wenselijk", "afsluitdatum"]
        widgets = {
            "vervolg_wenselijk": forms.RadioSelect(
                choices=[(True, _("Ja, er is een vervolg")), (False, _("Nee, geen vervolg"))]
            ),
            "afsluitdatum": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vervolg_wenselijk"].required = True
        self.fields["vervolg_wenselijk"].error_messages["required"] = _(
            "Kies of een vervolg wenselijk is."
        )
        self.fields["afsluitdatum"].required = True


class NazorgAfspraakForm(forms.ModelForm):
    """ "Leg vast wie, wat, wanneer en hoe vaak inzet nodig is en wie kan ondersteunen bij
    vragen" (004 fase 6.2 step 1)."""

    class Meta:
        model = NazorgAfspraak
        fields = ["wie", "wat", "wanneer", "hoe_vaak", "vragen_bij"]
        widgets = {"wat": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "wie": _("Bijvoorbeeld: de wijkcoach, de oma, de huisarts."),
            "vragen_bij": _("Naam en hoe te bereiken, bijvoorbeeld het wijkteam en zijn nummer."),
        }


class BetrokkenheidAfsluitenForm(VanafVandaagMixin, forms.Form):
    """002 fase 6a "Bij afsluiten betrokkenheid" (casusregie 2)."""

    rol = forms.ChoiceField(label=_("Welke rol sluit u af?"))
    per = forms.DateField(
        label=_("Per"),
        widget=DateInput(),
        help_text=_("De eerste dag zonder uw betrokkenheid."),
    )
    ondersteuning_gewenst = forms.TypedChoiceField(
        label=_("Is er nog ondersteuning gewenst op het leefgebied?"),
        widget=forms.RadioSelect,
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda v: v == "ja",
        error_messages={"required": _("Stel vast of er nog ondersteuning gewenst is.")},
    )
    restproblematiek = forms.CharField(
        label=_("Wie kan ondersteunen bij eventuele vragen of restproblematiek?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Bespreek en noteer wie kan ondersteunen.")},
    )
    afspraken = forms.CharField(
        label=_("Afspraken"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, rollen: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rol"].choices = [(r, TrajectRol(r).label) for r in rollen]
        self.fields["per"].initial = timezone.localdate()


class VoorkeurForm(forms.ModelForm):
    class Meta:
        model = Traject
        fields = ["voorkeur_procesregisseur"]
        widgets = {"voorkeur_procesregisseur": forms.Textarea(attrs={"rows": 2})}


class InformeleCasusregisseurForm(forms.Form):
    """A member or network member as casusregisseur (002 ch. 5 Niveau 1)."""

    persoon = forms.ChoiceField(label=_("Wie voert de casusregie?"))
    leefgebieden = forms.MultipleChoiceField(
        label=_("Leefgebieden"),
        choices=Leefgebied.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies de leefgebieden waarvoor deze persoon regie voert.")},
    )

    def __init__(self, *args, huishouden: Huishouden, **kwargs):
        super().__init__(*args, **kwargs)
        self.leden = {f"lid-{g.pk}": g for g in huishouden.leden.all()}
        self.netwerk = {f"netwerk-{n.pk}": n for n in huishouden.netwerk.all()}
        self.fields["persoon"].choices = [
            (_("Gezinsleden"), [(k, str(g)) for k, g in self.leden.items()]),
            (_("Netwerk"), [(k, str(n)) for k, n in self.netwerk.items()]),
        ]

    def clean(self):
        data = super().clean()
        keuze = data.get("persoon", "")
        data["gezinslid"] = self.leden.get(keuze)
        data["netwerklid"] = self.netwerk.get(keuze)
        return data
