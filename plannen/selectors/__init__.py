"""Reads of the plannen app, one module per subject: `plan` (the Ondersteuningsplan),
`veiligheidsplan`, `overleg` (meetings) and `uitnodiging` (the invitation texts).

Modules of plannen import the subject module itself; the names below are the public
surface for other apps (the regiekaart asks `heeft_veiligheidsplan`) and the tests."""

from plannen.selectors.plan import (
    diff,
    mijn_acties,
    plan_with_everything,
    quality_issues,
    sections,
    snapshot,
)
from plannen.selectors.uitnodiging import invullen, uitnodigingen
from plannen.selectors.veiligheidsplan import heeft_veiligheidsplan

__all__ = [
    "diff",
    "heeft_veiligheidsplan",
    "invullen",
    "mijn_acties",
    "plan_with_everything",
    "quality_issues",
    "sections",
    "snapshot",
    "uitnodigingen",
]
