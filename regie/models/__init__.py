from .audit import AuditEntry
from .organisations import Gemeente, Organisatie, Regio
from .outbox import Bericht
from .users import Competentie, RoleAssignment, User

__all__ = [
    "AuditEntry",
    "Bericht",
    "Competentie",
    "Gemeente",
    "Organisatie",
    "Regio",
    "RoleAssignment",
    "User",
]
