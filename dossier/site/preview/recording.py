"""Mappings and sequences that record what is looked up in them while a page renders.

The preview re-renders a page only when something it read changed (dependencies.py). To know
what a page read, the site's data is given to the renderer in these wrappers: a lookup of a
key records `(structure, key)`; a mapping's `len` records `(structure, LENGTH)`; anything else
that reads the structure as a whole (iteration, `values()`, a comparison, a copy, a sequence's
`len`) records `(structure, ALL)`. `SiteData`'s orders have a wrapper of their own (`RecordingOrder`). Reads are recorded into
the innermost active recorder of `RECORDERS`; with none active, nothing is recorded.

Every reading method of `dict` and `tuple` is overridden: one that is not would be a read the
preview does not see, and a page could then be left stale. The wrapped values themselves (a
claim, a list of claim ids) are not wrapped: a dependency's fingerprint covers its whole value.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from typing import Any, Self

Dependency = tuple[str, Hashable]


class _All:
    """The key of a dependency on a whole structure (a singleton, never a real key)."""

    def __repr__(self) -> str:
        return "ALL"


ALL = _All()


class _Length:
    """The key of a dependency on a mapping's number of keys (`len`, `bool`): a singleton."""

    def __repr__(self) -> str:
        return "LENGTH"


LENGTH = _Length()


class _Missing:
    """The value of a dependency on a key that is not there."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()

# The stack of active recorders: a page's, and inside it an order being computed for the first time.
RECORDERS: list[set[Dependency]] = []


def record(name: str, key: Hashable) -> None:
    if RECORDERS:
        RECORDERS[-1].add((name, key))


class RecordingDict(dict[Any, Any]):
    """A copy of a dict (or a defaultdict, whose default it keeps) that records lookups."""

    __slots__ = ("default_factory", "name")

    def __init__(self, name: str, source: dict[Any, Any], default_factory: Callable[[], Any] | None = None) -> None:
        super().__init__(source)
        self.name = name
        self.default_factory = default_factory

    def __missing__(self, key: Any) -> Any:
        if self.default_factory is None:
            raise KeyError(key)
        value = self[key] = self.default_factory()
        return value

    def __getitem__(self, key: Any) -> Any:
        record(self.name, key)
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        record(self.name, key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        record(self.name, key)  # a key that is not hashable raises below, as a dict does
        return super().__contains__(key)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        record(self.name, key)
        return super().setdefault(key, default)

    def pop(self, key: Any, *default: Any) -> Any:
        record(self.name, key)
        return super().pop(key, *default)

    def _whole(self) -> None:
        record(self.name, ALL)

    def __iter__(self) -> Iterator[Any]:
        self._whole()
        return super().__iter__()

    def __reversed__(self) -> Iterator[Any]:
        self._whole()
        return super().__reversed__()

    def __len__(self) -> int:
        record(self.name, LENGTH)  # how many keys, not which: a count of claims is not every claim
        return super().__len__()

    def __bool__(self) -> bool:
        record(self.name, LENGTH)
        return super().__len__() > 0

    def keys(self) -> Any:
        self._whole()
        return super().keys()

    def values(self) -> Any:
        self._whole()
        return super().values()

    def items(self) -> Any:
        self._whole()
        return super().items()

    def copy(self) -> dict[Any, Any]:
        self._whole()
        return dict(super().items())

    def __eq__(self, other: object) -> bool:
        self._whole()
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        self._whole()
        return super().__ne__(other)

    def __or__(self, other: Any) -> Any:
        self._whole()
        return dict(super().items()) | other

    def __ror__(self, other: Any) -> Any:
        self._whole()
        return other | dict(super().items())

    __hash__ = None  # as a dict

    def value_of(self, key: Hashable) -> Any:
        """The value at `key` without recording: the default's value for a missing key of a defaultdict."""
        value = dict.get(self, key, MISSING)
        if value is MISSING and self.default_factory is not None:
            return self.default_factory()
        return value

    def whole(self) -> list[tuple[Any, Any]]:
        return list(dict.items(self))


class RecordingTuple(tuple[Any, ...]):
    """A tuple (or a copy of a list) whose every read records the whole: a position depends on every item."""

    name: str

    def __new__(cls, name: str, items: Any) -> Self:
        instance = super().__new__(cls, items)
        instance.name = name
        return instance

    def _whole(self) -> None:
        record(self.name, ALL)

    def __iter__(self) -> Iterator[Any]:
        self._whole()
        return super().__iter__()

    def __reversed__(self) -> Iterator[Any]:
        self._whole()
        return iter(tuple(super().__iter__())[::-1])

    def __len__(self) -> int:
        self._whole()
        return super().__len__()

    def __bool__(self) -> bool:
        self._whole()
        return super().__len__() > 0

    def __getitem__(self, index: Any) -> Any:
        self._whole()
        return super().__getitem__(index)

    def __contains__(self, value: object) -> bool:
        self._whole()
        return super().__contains__(value)

    def index(self, value: Any, *args: Any) -> int:
        self._whole()
        return super().index(value, *args)

    def count(self, value: Any) -> int:
        self._whole()
        return super().count(value)

    def __eq__(self, other: object) -> bool:
        self._whole()
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        self._whole()
        return super().__ne__(other)

    def __add__(self, other: Any) -> Any:
        self._whole()
        return tuple(super().__iter__()) + tuple(other)

    __hash__ = None  # type: ignore[assignment]  # never a key: it stands for a list as well

    def whole(self) -> tuple[Any, ...]:
        return tuple(super().__iter__())


ORDER = "order"  # the structure name of every order's reads (see RecordingOrder)


class RecordingOrder(RecordingTuple):
    """One of `SiteData`'s orders (a sorted list the pages read a page's worth of), recording
    what is read of it: its length, a slice or an item, or else the whole. Dependencies are
    `(ORDER, (order name, order key, read))`; a read is `("len",)`, `("slice", start, stop,
    step)`, `("item", index)` or `("all",)`, and its value is what that read returns from the
    order computed in the data of the build it is fingerprinted in (dependencies.py). A page
    listing claims 101 to 200 thus depends on those 100 claims and the count, not on every
    claim the sort looked at."""

    order: tuple[str, Hashable]

    def __new__(cls, order: tuple[str, Hashable], items: Any) -> Self:
        instance = super().__new__(cls, ORDER, items)
        instance.order = order
        return instance

    def _read(self, *read: Hashable) -> None:
        record(ORDER, (*self.order, read))

    def _whole(self) -> None:
        self._read("all")

    def __len__(self) -> int:
        self._read("len")
        return tuple.__len__(self)

    def __bool__(self) -> bool:
        self._read("len")
        return tuple.__len__(self) > 0

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice) and all(v is None or type(v) is int for v in (index.start, index.stop, index.step)):
            self._read("slice", index.start, index.stop, index.step)
        elif type(index) is int:
            self._read("item", index)
        else:
            self._whole()
        return tuple.__getitem__(self, index)


def order_read(items: tuple[Any, ...], read: tuple[Any, ...]) -> Any:
    """What `read` (a RecordingOrder's) returns from an order's `items`: MISSING for an item out of range."""
    if read[0] == "len":
        return len(items)
    if read[0] == "slice":
        return items[slice(*read[1:])]
    if read[0] == "item":
        return items[read[1]] if -len(items) <= read[1] < len(items) else MISSING
    return items
