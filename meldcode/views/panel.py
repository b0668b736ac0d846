"""The meldcode's panel on the traject page (registered in meldcode/apps.py)."""

from meldcode import selectors
from regie.constants import CASE_ROLES
from regie.visibility import has_role


def traject_panel(request, traject):
    """For the case roles involved (the traject page is theirs only): the panel, no content."""
    if not has_role(request.user, *CASE_ROLES):
        return None
    return "meldcode/_traject_panel.html", selectors.traject_panel(traject)
