"""Who may change what in a traject (issue #16; `huishoudens.policy`).

002 ch. 3 (Rollen): the procesregisseur runs the process; the casusregisseur carries out
the casusregie actions ("Casusregie" of each phase) and so ticks them. 002 fase 1,
Toelichting: whoever processes an aanmelding may start 1G1P1R, so before a procesregisseur
is assigned every involved professional in a case role runs the process.
"""

import pytest

from huishoudens.constants import TrajectRol
from huishoudens.policy import (
    handover_roles,
    has_procesregisseur,
    may_edit_household,
    may_mark_action,
    may_run_process,
)
from regie.constants import Rol
from tests.factories import TrajectFactory, UserFactory

pytestmark = pytest.mark.django_db

PR, CR = TrajectRol.PROCESREGISSEUR, TrajectRol.CASUSREGISSEUR


def _als(user, rol):
    user.active_role = rol
    return user


def test_a_casusregisseur_ticks_their_own_actions_but_not_the_procesregisseur_s(
    traject, procesregisseur, casusregisseur
):
    karim = _als(casusregisseur, Rol.CASUSREGISSEUR)
    assert has_procesregisseur(traject)
    assert may_mark_action(karim, traject, CR)
    assert not may_mark_action(karim, traject, PR)
    assert not may_run_process(karim, traject)


def test_the_procesregisseur_ticks_both(traject, procesregisseur):
    petra = _als(procesregisseur, Rol.PROCESREGISSEUR)
    assert may_run_process(petra, traject)
    assert may_mark_action(petra, traject, PR) and may_mark_action(petra, traject, CR)


def test_someone_in_a_case_role_not_on_the_traject_ticks_nothing(traject, buitenstaander):
    bob = _als(buitenstaander, Rol.PROCESREGISSEUR)
    assert not may_run_process(bob, traject)
    assert not may_mark_action(bob, traject, CR)
    assert not may_mark_action(bob, traject, PR)
    assert handover_roles(bob, traject) == []


def test_before_a_procesregisseur_is_assigned_every_case_role_runs_the_process(
    casusregisseur, buitenstaander, manager
):
    traject = TrajectFactory(casusregisseurs=[casusregisseur])
    assert not has_procesregisseur(traject)
    for user, rol in ((casusregisseur, Rol.CASUSREGISSEUR), (buitenstaander, Rol.PROCESREGISSEUR)):
        _als(user, rol)
        assert may_run_process(user, traject)
        assert may_mark_action(user, traject, PR) and may_mark_action(user, traject, CR)
    # Only the case roles (002 ch. 3): a manager never runs a traject's process.
    _als(manager, Rol.MANAGER)
    assert may_run_process(manager, traject) is False  # a bool, as the views render it
    assert not may_mark_action(manager, traject, PR)
    assert not may_mark_action(manager, traject, CR)


def test_a_casusregisseur_acting_in_another_role_ticks_nothing(traject, casusregisseur):
    karim = _als(casusregisseur, Rol.MANAGER)
    assert not may_mark_action(karim, traject, PR)
    assert not may_edit_household(karim)
    assert may_edit_household(_als(casusregisseur, Rol.CASUSREGISSEUR))


def test_handover_roles_are_the_user_s_active_roles(traject, procesregisseur):
    petra = _als(procesregisseur, Rol.PROCESREGISSEUR)
    assert handover_roles(petra, traject) == [PR]
    both = TrajectFactory(procesregisseur=petra, casusregisseurs=[petra])
    assert handover_roles(petra, both) == [CR, PR]
    assert handover_roles(_als(UserFactory(), Rol.PROCESREGISSEUR), both) == []
