"""One shape for the registries through which higher apps plug into lower ones.

A lower layer must sometimes respect a rule of a higher one (who is involved with a
household, a role's start page and menu, why a traject may not close, a panel on the traject
page) without importing it (docs/ARCHITECTURE.md, "Dependency direction"). The lower layer
then owns a `Registry`, and the higher app fills it in its `AppConfig.ready()`:

    close_guards = Registry("close guard")          # huishoudens/workflow.py
    close_guards.register(meldcode_open)            # meldcode/apps.py, ready()
    reasons = [r for guard in close_guards for r in guard(traject)]

Every entry has a key (by default the entry itself; `key=` derives it, e.g. the role of a
start page). The rule on duplicates is the same for every registry:

* registering an entry that is already there (same key, equal entry) does nothing, so
  running `ready()` twice is harmless;
* registering a *different* entry under a key that is taken raises `ImproperlyConfigured`:
  a second start page for a role, or a second column with the same cell template, is a
  mistake to see at start-up, not a silent replacement.

Entries are kept, and iterated, in the order they were registered.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Generic, TypeVar, overload

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")


def _itself(entry):
    return entry


class Registry(Sequence, Generic[T]):
    """An ordered, keyed collection of entries filled at start-up (see the module docstring)."""

    def __init__(self, name: str, *, key: Callable[[T], Hashable] = _itself) -> None:
        self.name = name
        self._key = key
        self._entries: dict[Hashable, T] = {}

    def register(self, entry: T) -> T:
        """Add `entry`; returns it, so a function can be registered with a decorator."""
        key = self._key(entry)
        if key in self._entries:
            if self._entries[key] == entry:
                return entry
            raise ImproperlyConfigured(
                f"{self.name} {key!r} is already registered as {self._entries[key]!r}; "
                f"refusing to replace it with {entry!r}."
            )
        self._entries[key] = entry
        return entry

    def remove(self, entry: T) -> None:
        """Take `entry` out again (tests that register a temporary entry clean up with it)."""
        key = self._key(entry)
        if self._entries.get(key) != entry:
            raise ValueError(f"{entry!r} is not registered as {self.name}.")
        del self._entries[key]

    def get(self, key: Hashable, default: T | None = None) -> T | None:
        """The entry registered under `key`, or `default`."""
        return self._entries.get(key, default)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index):
        return list(self._entries.values())[index]

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[T]:
        # A copy: an entry that registers another while being iterated does not break it.
        return iter(list(self._entries.values()))

    def __contains__(self, entry: object) -> bool:
        try:
            return self._entries[self._key(entry)] == entry
        except (KeyError, TypeError, AttributeError, IndexError):
            return False

    def __repr__(self) -> str:
        return f"<Registry {self.name}: {len(self)} entries>"
