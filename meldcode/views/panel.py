"""The meldcode's panels on the traject page and the case roles' start pages (registered
in meldcode/apps.py)."""

from django.utils import timezone

from meldcode import selectors
from regie.constants import CASE_ROLES
from regie.visibility import has_role


def traject_panel(request, traject):
    """For the case roles involved (the traject page is theirs only): the panel, no content."""
    if not has_role(request.user, *CASE_ROLES):
        return None
    return "meldcode/_traject_panel.html", selectors.traject_panel(traject)


def start_panel(request):
    """The owner's due weighings and meldingen waiting for Veilig Thuis ("Als zorgen
    blijven", 002 ch. 2): the traject number and dates only."""
    today = timezone.localdate()
    wegingen = selectors.herinneringen_voor(request.user, today)
    meldingen = selectors.wacht_op_veilig_thuis_voor(request.user, today)
    if not (wegingen or meldingen):
        return None
    return "meldcode/_start_panel.html", {"wegingen": wegingen, "meldingen": meldingen}
