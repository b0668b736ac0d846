"""regie.registry.Registry: the one shape of the registries apps fill in ready() (issue #13)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from regie.registry import Registry


def first():
    return "first"


def second():
    return "second"


def test_entries_are_iterated_in_the_order_they_were_registered():
    registry = Registry("guard")
    registry.register(second)
    registry.register(first)
    assert list(registry) == [second, first]
    assert len(registry) == 2
    assert registry[0] is second


def test_register_returns_the_entry_so_it_works_as_a_decorator():
    registry = Registry("guard")

    @registry.register
    def guard():
        return []

    assert guard in registry
    assert guard() == []


def test_registering_the_identical_entry_again_is_harmless():
    """Running AppConfig.ready() twice must not double a menu item or a guard."""
    registry = Registry("guard")
    registry.register(first)
    registry.register(first)
    assert list(registry) == [first]
    assert registry.count(first) == 1


def test_an_equal_entry_under_a_derived_key_is_harmless_too():
    pages = Registry("start page", key=lambda page: page[0])
    pages.register(("manager", "a.html", first))
    pages.register(("manager", "a.html", first))
    assert list(pages) == [("manager", "a.html", first)]


def test_a_different_entry_under_a_taken_key_raises_instead_of_replacing():
    """Issue #13: a second start page for a role used to replace the first silently."""
    pages = Registry("start page", key=lambda page: page[0])
    pages.register(("manager", "a.html", first))
    with pytest.raises(ImproperlyConfigured, match="start page 'manager'"):
        pages.register(("manager", "b.html", second))
    assert pages.get("manager") == ("manager", "a.html", first)


def test_distinct_keys_are_kept_side_by_side():
    pages = Registry("start page", key=lambda page: page[0])
    pages.register(("manager", "a.html", first))
    pages.register(("beheerder", "b.html", second))
    assert pages.get("beheerder") == ("beheerder", "b.html", second)
    assert pages.get("onbekend") is None


def test_remove_takes_an_entry_out_and_refuses_one_that_is_not_there():
    registry = Registry("guard")
    registry.register(first)
    registry.remove(first)
    assert first not in registry
    assert not registry
    with pytest.raises(ValueError):
        registry.remove(first)


def test_registering_while_iterating_does_not_break_the_iteration():
    registry = Registry("guard")
    registry.register(first)
    for _entry in registry:
        registry.register(second)
    assert list(registry) == [first, second]


def test_an_unhashable_or_foreign_value_is_simply_not_contained():
    pages = Registry("start page", key=lambda page: page[0])
    pages.register(("manager", "a.html", first))
    assert ["manager"] not in Registry("guard")
    assert 42 not in pages


# --- the registries of the apps ------------------------------------------------------

OUR_APPS = ("regie", "huishoudens", "plannen", "regiekaart", "meldcode", "implementatie")


def _registries():
    from huishoudens import panels, workflow
    from regie import context_processors, visibility
    from regie.views import start

    return {
        "household relations": visibility._household_relations,
        "start pages": start._start_pages,
        "menu items": context_processors._menu_items,
        "close guards": workflow._close_guards,
        "traject panels": panels._panels,
        "trajecten columns": panels._kolommen,
    }


def test_running_ready_again_changes_no_registry():
    """Issue #13: re-running AppConfig.ready() doubled the menu items of every role."""
    from django.apps import apps

    before = {name: list(registry) for name, registry in _registries().items()}
    for name in OUR_APPS:
        apps.get_app_config(name).ready()
    assert {name: list(registry) for name, registry in _registries().items()} == before


def test_a_second_start_page_for_a_role_is_refused_not_silently_replacing_the_first():
    """Issue #13: a second start page registered for a role replaced the first unseen."""
    from regie.constants import Rol
    from regie.views.start import register_start_page

    with pytest.raises(ImproperlyConfigured):
        register_start_page(Rol.MANAGER, "regie/start/manager.html", lambda request: {})
