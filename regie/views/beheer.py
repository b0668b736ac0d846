"""Beheer: organisations and accounts, kept by the beheerder (who sees no case content)."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie import access, audit, selectors, services
from regie.constants import AuditActie, AuditUitkomst, Rol
from regie.forms import CompetentieFormSet, OrganisatieForm, UserForm
from regie.models import User
from regie.views.common import paginate, render_htmx

beheerder_only = access.require_role(Rol.BEHEERDER)


@beheerder_only
@require_GET
def organisatie_list(request):
    q = request.GET.get("q", "").strip()
    context = {"page": paginate(request, selectors.organisaties_zoeken(request.user, q)), "q": q}
    return render_htmx(
        request,
        "regie/beheer/organisatie_list.html",
        "regie/beheer/_organisatie_rows.html",
        context,
    )


@beheerder_only
@require_http_methods(["GET", "POST"])
def organisatie_edit(request, pk=None):
    organisatie = access.get_organisatie_for_user(request, pk) if pk else None
    form = OrganisatieForm(request.POST or None, instance=organisatie)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = services.organisatie_save(organisatie=organisatie, **form.cleaned_data)
            audit.log(
                request, action=AuditActie.UPDATE if organisatie else AuditActie.CREATE, obj=saved
            )
        messages.success(request, _("Organisatie “%(naam)s” is opgeslagen.") % {"naam": saved.naam})
        return redirect("beheer:organisaties")
    return render(
        request, "regie/beheer/organisatie_form.html", {"form": form, "organisatie": organisatie}
    )


@beheerder_only
@require_GET
def user_list(request):
    q = request.GET.get("q", "").strip()
    rol = request.GET.get("rol", "")
    page = paginate(request, selectors.users_zoeken(request.user, q, rol))
    # Professionals' names and e-mail addresses are personal data: the list read is logged.
    audit.log(
        request,
        action=AuditActie.SEARCH if q else AuditActie.READ,
        object_type=User._meta.label,
        detail=f"lijst pagina {page.number}; zoek={q}",
    )
    context = {"page": page, "q": q, "rol": rol, "rollen": Rol.choices}
    return render_htmx(
        request, "regie/beheer/user_list.html", "regie/beheer/_user_rows.html", context
    )


@beheerder_only
@require_GET
def user_detail(request, pk):
    user = access.get_user_for_user(request, pk)
    audit.log(request, action=AuditActie.READ, obj=user)
    return render(request, "regie/beheer/user_detail.html", {"account": user})


@beheerder_only
@require_http_methods(["GET", "POST"])
def user_edit(request, pk=None):
    user = access.get_user_for_user(request, pk) if pk else None
    form = UserForm(request.POST or None, instance=user, actor=request.user)
    formset = CompetentieFormSet(request.POST or None, instance=user or User(), prefix="comp")
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            try:
                return _user_save(request, user, form, formset)
            except services.OwnRolesRefused as refused:
                form.add_error(
                    "rollen", forms.ValidationError(refused.args[0], code=UserForm.OWN_ROLES)
                )
        if form.has_error("rollen", code=UserForm.OWN_ROLES):
            # Outside the rolled-back transaction, so the attempt stays in the log.
            asked = tuple(r for r in Rol.values if r in request.POST.getlist("rollen"))
            change = services.RoleChange(before=tuple(user.rollen), after=asked)
            audit.log(
                request,
                action=AuditActie.UPDATE,
                obj=user,
                outcome=AuditUitkomst.DENIED,
                detail=f"eigen rollen wijzigen geweigerd; {change.detail}",
            )
    if user is not None:
        audit.log(request, action=AuditActie.READ, obj=user)
    return render(
        request, "regie/beheer/user_form.html", {"form": form, "formset": formset, "account": user}
    )


def _user_save(request, user, form, formset):
    """Create or update the account; every role change goes into the audit row's detail."""
    data = dict(form.cleaned_data)
    rollen = data.pop("rollen")
    recipients = None
    with transaction.atomic():
        if user is None:
            user = services.user_create(rollen=rollen, actor=request.user, **data)
            change = services.RoleChange(before=(), after=tuple(user.rollen))
            action = AuditActie.CREATE
        else:
            change = services.user_update(user=user, rollen=rollen, actor=request.user, **data)
            action = AuditActie.UPDATE
        formset.instance = user
        formset.save()
        detail = change.detail if change.changed else ""
        if change.granted_notified:
            recipients = services.role_notice_recipients(user=user, actor=request.user)
            told = ", ".join(r.email for r in recipients) or "niemand"
            detail += f"; bericht aan: {told}"
        audit.log(request, action=action, obj=user, detail=detail)
    if action == AuditActie.CREATE:
        messages.success(request, _("Account aangemaakt; de uitnodiging is verstuurd."))
    else:
        messages.success(request, _("Account is opgeslagen."))
    if recipients:
        messages.info(
            request,
            _("Van de nieuwe rol krijgen bericht: %(namen)s.")
            % {"namen": ", ".join(str(r) for r in recipients)},
        )
    elif recipients is not None:
        messages.warning(
            request,
            _(
                "Niemand heeft bericht gekregen van de nieuwe rol: %(organisatie)s heeft geen "
                "actieve privacyfunctionaris en geen andere beheerder. Wijs zo snel mogelijk "
                "een privacyfunctionaris aan; tot dan staat deze toekenning alleen in het "
                "auditlog."
            )
            % {"organisatie": user.organisatie or _("de organisatie")},
        )
    return redirect("beheer:gebruiker", pk=user.pk)


@beheerder_only
@require_http_methods(["GET", "POST"])
def user_set_active(request, pk):
    """GET asks for confirmation, POST carries it out."""
    user = access.get_user_for_user(request, pk)
    if request.method == "POST":
        if user == request.user:
            messages.error(request, _("U kunt uw eigen account niet deactiveren."))
        else:
            with transaction.atomic():
                services.user_set_active(user=user, actief=not user.is_active)
                audit.log(
                    request,
                    action=AuditActie.UPDATE,
                    obj=user,
                    detail="geactiveerd" if user.is_active else "gedeactiveerd",
                )
            messages.success(
                request,
                _("Account is geactiveerd.")
                if user.is_active
                else _("Account is gedeactiveerd; de medewerker kan niet meer inloggen."),
            )
        return redirect("beheer:gebruiker", pk=user.pk)
    audit.log(request, action=AuditActie.READ, obj=user)
    return render(request, "regie/beheer/user_confirm_active.html", {"account": user})


@beheerder_only
@require_POST
def user_unlock(request, pk):
    user = access.get_user_for_user(request, pk)
    with transaction.atomic():
        services.user_unlock(user=user)
        audit.log(request, action=AuditActie.UPDATE, obj=user, detail="blokkade opgeheven")
    messages.success(request, _("De blokkade na mislukte inlogpogingen is opgeheven."))
    return redirect("beheer:gebruiker", pk=user.pk)


@beheerder_only
@require_POST
def user_invite(request, pk):
    user = access.get_user_for_user(request, pk)
    with transaction.atomic():
        services.user_invite(user=user)
        audit.log(request, action=AuditActie.UPDATE, obj=user, detail="uitnodiging verstuurd")
    messages.success(
        request, _("De uitnodiging is opnieuw verstuurd naar %(email)s.") % {"email": user.email}
    )
    return redirect("beheer:gebruiker", pk=user.pk)
