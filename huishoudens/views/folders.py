"""The folders of 1Gezin1Plan1Regisseur for a traject (002 DEEL F) and phase 2's "folder
meegeven": view, print, give on paper or e-mail, with a record of each (see
`huishoudens.folders`). Everyone involved in the traject in a case role may do so."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from huishoudens import folders as fl
from huishoudens.constants import Fase
from huishoudens.models import FolderOntvanger, FolderSoort, FolderWijze
from huishoudens.selectors import get_traject_for_user
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie

case_roles_only = access.require_role(*CASE_ROLES)

GROEPEN = {
    FolderOntvanger.GEZINSLID: gettext_lazy("Gezinsleden"),
    FolderOntvanger.NETWERKLID: gettext_lazy("Netwerk"),
    FolderOntvanger.PROFESSIONAL: gettext_lazy("Betrokken professionals"),
}


class UitreikenForm(forms.Form):
    ontvanger = forms.ChoiceField(label=gettext_lazy("Aan wie"))
    wijze = forms.ChoiceField(
        label=gettext_lazy("Hoe"),
        choices=FolderWijze.choices,
        widget=forms.RadioSelect,
        initial=FolderWijze.PAPIER,
    )

    def __init__(self, *args, ontvangers, **kwargs):
        super().__init__(*args, **kwargs)
        groepen = []
        for soort, label in GROEPEN.items():
            keuzes = [
                (
                    o.sleutel,
                    f"{o.naam} ({o.omschrijving}), "
                    + (o.email if o.email else _("geen e-mailadres")),
                )
                for o in ontvangers
                if o.soort == soort
            ]
            if keuzes:
                groepen.append((label, keuzes))
        self.fields["ontvanger"].choices = [("", _("Kies...")), *groepen]


def _page(request, traject, form, *, status=200):
    huishouden = traject.huishouden
    return render(
        request,
        "huishoudens/folders/folders.html",
        {
            "traject": traject,
            "huishouden": huishouden,
            "klantfolder": fl.klantfolder(huishouden),
            "professionalfolder": fl.folder(FolderSoort.PROFESSIONAL),
            "form": form,
            "uitgereikt": traject.folders.select_related("door", "bericht"),
            "gesloten": traject.fase == Fase.GESLOTEN,
        },
        status=status,
    )


@case_roles_only
@require_GET
def folders(request, pk):
    traject = get_traject_for_user(request, pk)
    audit.log(request, action=AuditActie.READ, obj=traject, detail="folders")
    return _page(request, traject, UitreikenForm(ontvangers=fl.ontvangers(traject)))


def _folder_or_404(soort):
    if soort not in FolderSoort.values:
        raise Http404
    return fl.folder(soort)


@case_roles_only
@require_GET
def folder(request, pk, soort):
    traject = get_traject_for_user(request, pk)
    f = _folder_or_404(soort)
    audit.log(request, action=AuditActie.READ, obj=traject, detail=f"folder {soort}")
    return render(request, "huishoudens/folders/folder.html", {"traject": traject, "folder": f})


@case_roles_only
@require_GET
def folder_pdf(request, pk, soort):
    traject = get_traject_for_user(request, pk)
    _folder_or_404(soort)
    pdf = fl.folder_pdf(soort)
    audit.log(request, action=AuditActie.PRINT, obj=traject, detail=f"folder {soort}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="folder-1gezin1plan1regisseur-{soort}.pdf"'
    return response


@case_roles_only
@require_POST
def folder_uitreiken(request, pk):
    """Give on paper (record only) or e-mail (outbox, with the PDF) the folder that fits
    the recipient; an invalid choice shows the page again with the errors."""
    traject = get_traject_for_user(request, pk)
    form = UitreikenForm(request.POST, ontvangers=fl.ontvangers(traject))
    if traject.fase == Fase.GESLOTEN:
        form.add_error(None, _("Dit traject is afgesloten."))
    if not form.is_valid():
        return _page(request, traject, form)
    ontvanger = fl.ontvanger(traject, form.cleaned_data["ontvanger"])
    per_email = form.cleaned_data["wijze"] == FolderWijze.EMAIL
    try:
        with transaction.atomic():
            service = fl.folder_send if per_email else fl.folder_record
            record = service(traject=traject, ontvanger=ontvanger, door=request.user)
            audit.log(
                request,
                action=AuditActie.CREATE,
                obj=record,
                detail=f"{record.folder} {record.wijze} aan {record.soort_ontvanger}",
            )
    except ValidationError as error:
        form.add_error(None, error)
        return _page(request, traject, form)
    if per_email:
        messages.success(
            request,
            _("De %(folder)s gaat per e-mail naar %(naam)s.")
            % {"folder": record.get_folder_display().lower(), "naam": ontvanger.naam},
        )
    else:
        messages.success(
            request,
            _("Vastgelegd: de %(folder)s is op papier meegegeven aan %(naam)s.")
            % {"folder": record.get_folder_display().lower(), "naam": ontvanger.naam},
        )
    return redirect("huishoudens:folders", pk=traject.pk)
