"""Forms of the regie app, with Dutch validation messages."""

from __future__ import annotations

import datetime

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regie.constants import AuditActie, AuditUitkomst, Rol
from regie.models import Competentie, Organisatie, User
from regie.validators import validate_telefoon


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PhoneCleaningMixin:
    """Forms with a `telefoon` field: whitespace collapsed and checked as a Dutch number
    (also service numbers such as 0800-2000, 112 or 14 0182) or an international one."""

    def clean_telefoon(self):
        telefoon = " ".join(self.cleaned_data.get("telefoon", "").split())
        validate_telefoon(telefoon)
        return telefoon


class OrganisatieForm(forms.ModelForm):
    class Meta:
        model = Organisatie
        fields = ["naam", "soort", "gemeente", "actief"]

    def clean_naam(self):
        return " ".join(self.cleaned_data["naam"].split())


class UserForm(PhoneCleaningMixin, forms.ModelForm):
    # Error code of a change of one's own roles; the view logs it as a denied attempt.
    OWN_ROLES = "eigen_rollen"

    rollen = forms.MultipleChoiceField(
        label=_("Rollen"),
        choices=Rol.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één rol.")},
    )

    class Meta:
        model = User
        fields = [
            "email",
            "first_name",
            "last_name",
            "organisatie",
            "functie",
            "telefoon",
            "manager",
        ]
        help_texts = {
            "email": _("Hiermee logt de medewerker in; de uitnodiging gaat naar dit adres.")
        }

    def __init__(self, *args, actor: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].required = True
        self.fields["organisatie"].queryset = Organisatie.objects.actief()
        managers = User.objects.with_role(Rol.MANAGER).filter(is_active=True)
        if self.instance.pk:
            managers = managers.exclude(pk=self.instance.pk)
            self.initial.setdefault("rollen", self.instance.rollen)
        self.fields["manager"].queryset = managers.distinct()
        self.fields["manager"].required = False
        # Nobody changes their own roles (issue #11): shown, not editable.
        self.own_account = bool(actor and self.instance.pk and self.instance.pk == actor.pk)
        if self.own_account:
            self.fields["rollen"].disabled = True
            self.fields["rollen"].help_text = _(
                "U kunt uw eigen rollen niet wijzigen. Vraag dit aan een andere beheerder; "
                "de privacyfunctionaris van uw organisatie krijgt bericht van een nieuwe rol "
                "privacyfunctionaris of beheerder."
            )

    def clean(self):
        data = super().clean()
        # A disabled field keeps its initial value whatever is posted, and browsers do not
        # send it at all. Roles sent anyway for one's own account are a forged request:
        # refuse it visibly (the view logs it as denied) instead of ignoring it silently.
        sent = []
        if self.own_account:
            key = self.add_prefix("rollen")
            getlist = getattr(self.data, "getlist", None)
            sent = getlist(key) if getlist else self.data.get(key) or []
            sent = [sent] if isinstance(sent, str) else sent
        if sent and set(sent) != set(self.instance.rollen):
            self.add_error(
                "rollen",
                forms.ValidationError(
                    _("U kunt uw eigen rollen niet wijzigen."), code=self.OWN_ROLES
                ),
            )
        return data

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        clash = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Er bestaat al een account met dit e-mailadres."))
        return email


class CompetentieForm(forms.ModelForm):
    class Meta:
        model = Competentie
        fields = ["profiel", "getraind_op"]
        widgets = {"getraind_op": DateInput()}

    def clean_getraind_op(self):
        datum = self.cleaned_data["getraind_op"]
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(_("De trainingsdatum kan niet in de toekomst liggen."))
        return datum


CompetentieFormSet = inlineformset_factory(
    User, Competentie, form=CompetentieForm, extra=1, can_delete=True, max_num=6
)


class AuditSearchForm(forms.Form):
    # The whole address, matched exactly: a substring scan of millions of rows is not an
    # option (issue #15), and addresses are stored lower-case (UserManager.create_user).
    gebruiker = forms.EmailField(
        label=_("Gebruiker (e-mail)"),
        required=False,
        help_text=_("Het volledige e-mailadres."),
    )
    persoon = forms.IntegerField(label=_("Persoon (nummer)"), required=False, min_value=1)
    huishouden = forms.IntegerField(label=_("Huishouden (nummer)"), required=False, min_value=1)
    van = forms.DateField(label=_("Van"), required=False, widget=DateInput())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DateInput())
    actie = forms.ChoiceField(
        label=_("Actie"), required=False, choices=[("", _("Alle acties")), *AuditActie.choices]
    )
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"), required=False, choices=[("", _("Alle")), *AuditUitkomst.choices]
    )

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            raise forms.ValidationError(_("De begindatum ligt na de einddatum."))
        return data

    def filter(self, qs):
        data = self.cleaned_data
        if data.get("gebruiker"):
            qs = qs.filter(user_email=data["gebruiker"].strip().lower())
        if data.get("persoon"):
            qs = qs.filter(person_id=data["persoon"])
        if data.get("huishouden"):
            qs = qs.filter(household_id=data["huishouden"])
        tz = timezone.get_current_timezone()
        if data.get("van"):
            qs = qs.filter(
                timestamp__gte=datetime.datetime.combine(data["van"], datetime.time.min, tz)
            )
        if data.get("tot"):
            end = data["tot"] + datetime.timedelta(days=1)
            qs = qs.filter(timestamp__lt=datetime.datetime.combine(end, datetime.time.min, tz))
        if data.get("actie"):
            qs = qs.filter(action=data["actie"])
        if data.get("uitkomst"):
            qs = qs.filter(outcome=data["uitkomst"])
        return qs

    def describe(self) -> str:
        """The search as text for the audit row of the search itself."""
        return "; ".join(f"{k}={v}" for k, v in self.cleaned_data.items() if v not in (None, ""))
