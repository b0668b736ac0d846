"""The start page per role, the role switch and a health check."""

from collections.abc import Callable
from typing import NamedTuple

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from regie.access import login_required
from regie.constants import Rol
from regie.middleware import SESSION_ROLE
from regie.registry import Registry

START_TEMPLATES = {
    Rol.PROCESREGISSEUR: "regie/start/procesregisseur.html",
    Rol.CASUSREGISSEUR: "regie/start/casusregisseur.html",
    Rol.MANAGER: "regie/start/manager.html",
    Rol.AANDACHTSFUNCTIONARIS: "regie/start/aandachtsfunctionaris.html",
    Rol.AGENDAHOUDER: "regie/start/agendahouder.html",
    Rol.REGIOCOORDINATOR: "regie/start/regiocoordinator.html",
    Rol.BEHEERDER: "regie/start/beheerder.html",
    Rol.PRIVACYFUNCTIONARIS: "regie/start/privacyfunctionaris.html",
}


class StartPage(NamedTuple):
    rol: str
    template: str
    context: Callable  # request -> dict


# Feature apps replace a role's start page through this registry (in AppConfig.ready()),
# so regie never imports them. One page per role: a second, different one raises.
_start_pages: Registry[StartPage] = Registry("start page", key=lambda page: page.rol)


def register_start_page(rol: Rol, template: str, context: Callable) -> None:
    _start_pages.register(StartPage(rol, template, context))


@require_GET
@login_required
def start(request):
    rol = request.user.active_role
    page = _start_pages.get(rol)
    if page is not None:
        return render(request, page.template, page.context(request))
    return render(request, START_TEMPLATES.get(rol, "regie/start/geen_rol.html"))


@require_POST
@login_required
def switch_role(request):
    rol = request.POST.get("rol")
    if rol in request.user.rollen:
        request.session[SESSION_ROLE] = rol
        messages.success(request, _("U werkt nu als %(rol)s.") % {"rol": Rol(rol).label})
    else:
        messages.error(request, _("Deze rol is niet aan uw account toegekend."))
    return redirect("start")


@require_GET
def health(request):
    """For the load balancer and docker-compose: answers without touching personal data."""
    return HttpResponse("ok", content_type="text/plain")
