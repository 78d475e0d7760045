"""References between ids, collected while loading and checked once every id is known."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import schema
from ..kinds import Kind
from ..problems import Location
from ..yamlsource import PathKey, YamlDocument


@dataclass(frozen=True)
class Reference:
    """An id written somewhere that must name an existing thing of an allowed kind."""

    target: str
    kinds: frozenset[Kind] | None  # None: an article id
    location: Location
    field: str  # where it is written, for messages: "claim 'x', 'about'"


class ReferenceCollector:
    """The references of every entry, in the order they are written."""

    def __init__(self) -> None:
        self.references: list[Reference] = []

    def add_list(self, doc: YamlDocument, path: PathKey, targets: Sequence[str], kinds: frozenset[Kind], what: str | None = None) -> None:
        """The ids of the list at `path`, each of which must name an entity of one of `kinds`;
        `what` is the list's label if the caller knows it (else found here)."""
        if not targets:
            return
        if what is None:
            what = schema.label(doc, path)  # once per list: labels are only read when a reference fails
        for index, target in enumerate(targets):
            self.references.append(Reference(target, kinds, doc.location(path + (index,)), what))

    def add_article(self, target: str, where: Location, what: str) -> None:
        self.references.append(Reference(target, None, where, what))
