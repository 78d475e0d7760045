"""Ids: what an id may look like, and the registry that refuses reserved and duplicate ones."""

from __future__ import annotations

import re

from ..kinds import all_sections_phrase
from ..problems import Location, ProblemList

ID_PATTERN = re.compile(r"[a-z0-9-]+\Z")
# An id becomes a page `<folder>/<id>.md`; `index` would take the place of the folder's index page.
RESERVED_IDS = frozenset({"index"})

ENTITY_IDS = "entity"
CLAIM_IDS = "claim"
MEASURE_IDS = "measure"
ARTICLE_IDS = "article"  # registered only so that no measure takes an article's id
# The namespaces an id of each namespace must not repeat: a measure's id is unique across ALL ids.
_CLASHES = {
    ENTITY_IDS: (ENTITY_IDS, MEASURE_IDS),
    CLAIM_IDS: (CLAIM_IDS, MEASURE_IDS),
    MEASURE_IDS: (MEASURE_IDS, ENTITY_IDS, CLAIM_IDS, ARTICLE_IDS),
    ARTICLE_IDS: (),
}


class IdRegistry:
    """Every entity and claim id seen so far, with where it was first given."""

    def __init__(self, problems: ProblemList) -> None:
        self.problems = problems
        self.first_seen: dict[tuple[str, str], Location] = {}

    def register(self, entry_id: str, where: Location, namespace: str) -> bool:
        """True when the id is new in its namespace; otherwise reports why it cannot be used."""
        if entry_id in RESERVED_IDS:
            self.problems.error(
                where, f"the id '{entry_id}' is reserved for the site's index pages", "choose another id", code="reserved-id"
            )
            return False
        clash = next((n for n in _CLASHES[namespace] if (n, entry_id) in self.first_seen), None)
        if clash is not None:
            self.problems.error(
                where,
                f"duplicate id '{entry_id}': already used at {self.first_seen[(clash, entry_id)]}",
                "every id must be unique" + _among(namespace, clash),
                code="duplicate-id",
            )
            return False
        self.first_seen[(namespace, entry_id)] = where
        return True


def _among(namespace: str, clash: str) -> str:
    if MEASURE_IDS in (namespace, clash):
        return " across all ids: a measure's id may not be the id of an entity, a claim, an article or another measure"
    return f" across {all_sections_phrase()}" if namespace == ENTITY_IDS else " among claims"
