"""Writes of the plannen app, one module per subject: `plan` (the Ondersteuningsplan),
`veiligheidsplan`, `overleg` (meetings) and `uitnodiging` (sending the invitations).

Modules of plannen import the subject module itself; the names below are the public
surface for other apps and the tests."""

from plannen.services.overleg import overleg_plan
from plannen.services.plan import (
    PlanConflict,
    actie_add,
    content_hash,
    doel_add,
    eerdere_hulp_add,
    kracht_zorg_add,
    plan_ensure,
    plan_fix,
    plan_sections_save,
)
from plannen.services.uitnodiging import herinneringen_send, uitnodigingen_send
from plannen.services.veiligheidsplan import veiligheidsplan_start

__all__ = [
    "PlanConflict",
    "actie_add",
    "content_hash",
    "doel_add",
    "eerdere_hulp_add",
    "herinneringen_send",
    "kracht_zorg_add",
    "overleg_plan",
    "plan_ensure",
    "plan_fix",
    "plan_sections_save",
    "veiligheidsplan_start",
    "uitnodigingen_send",
]
