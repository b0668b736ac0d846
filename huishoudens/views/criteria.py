"""The organisation's own start criteria (002 fase 2 step 3: "Start ... volgens de criteria
die binnen jouw organisatie of regio zijn vastgesteld"), kept by its aandachtsfunctionaris.
The six criteria of a kwetsbaar huishouden (002 ch. 4) always apply and are read-only."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from huishoudens import services
from huishoudens.models import StartCriterium
from huishoudens.selectors import criteria_inleiding
from regie import access, audit
from regie.constants import AuditActie, Rol

aandachtsfunctionaris_only = access.require_role(Rol.AANDACHTSFUNCTIONARIS)


class CriteriumForm(forms.Form):
    tekst = forms.CharField(
        label=gettext_lazy("Nieuw criterium van uw organisatie"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@aandachtsfunctionaris_only
@require_http_methods(["GET", "POST"])
def criteria(request):
    organisatie = request.user.organisatie
    form = CriteriumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            criterium = services.startcriterium_add(
                organisatie=organisatie, tekst=form.cleaned_data["tekst"]
            )
            audit.log(request, action=AuditActie.CREATE, obj=criterium)
        messages.success(
            request, _("Het criterium is toegevoegd; het staat voortaan bij elke intake.")
        )
        return redirect("huishoudens:criteria")
    return render(
        request,
        "huishoudens/criteria.html",
        {
            "form": form,
            "algemeen": StartCriterium.objects.filter(organisatie__isnull=True, actief=True),
            "inleiding": criteria_inleiding(),
            "eigen": StartCriterium.objects.filter(organisatie=organisatie),
        },
    )


@aandachtsfunctionaris_only
@require_POST
def criterium_toggle(request, pk):
    criterium = get_object_or_404(StartCriterium, pk=pk, organisatie=request.user.organisatie)
    with transaction.atomic():
        services.startcriterium_set_active(criterium=criterium, actief=not criterium.actief)
        audit.log(
            request, action=AuditActie.UPDATE, obj=criterium, detail=f"actief={criterium.actief}"
        )
    return redirect("huishoudens:criteria")
