"""Indexes over a checked dossier that the pages need, computed once in linear passes."""

from __future__ import annotations

import copy
import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..dates import sort_key
from ..kinds import Kind
from ..model import Analysis, Article, Claim, DateValue, Discrepancy, Dossier, Entity, Mention, Stance, Status, date_start
from ..origins import ENTITY_KEY, Origin
from ..quotes import paragraph_spans
from .rendering.links import entity_page

# Contested and disputed first: where the sources disagree is what a reader looks for.
_T = TypeVar("_T")
# How an order is got: (its name, its key, the computation) -> the order.
OrderSource = Callable[[str, object, Callable[[], Any]], Any]

STATUS_ORDER = [Status.CONTESTED, Status.DISPUTED, Status.CORROBORATED, Status.SINGLE_SOURCE]


@dataclass
class Source:
    """An origin: an outlet that published articles and/or a source credited with `via`;
    one per origin key, so that the spellings of one entity (or "The X" and "X") count once."""

    name: str
    entity_id: str | None = None  # the entity the origin resolved to
    articles: list[str] = field(default_factory=list)
    evidence: int = 0
    evidence_for: int = 0
    evidence_against: int = 0
    # Claim ids in input order (dicts, not sets: pages list them in a stable order).
    supports: dict[str, None] = field(default_factory=dict)
    contradicts: dict[str, None] = field(default_factory=dict)


@dataclass(frozen=True)
class TimelineItem:
    date: DateValue
    entity: Entity | None
    claim: Claim | None

    @property
    def sort_key(self) -> tuple[tuple[dt.date, dt.date], str, int]:
        """By date (first day, then last: a day before the month that starts with it), each
        date's events before its claims; within those, input order (the sort is stable)."""
        return (sort_key(self.date), self.date.isoformat(), 0 if self.entity else 1)


@functools.lru_cache(maxsize=8192)
def _written(value: DateValue | None) -> str:
    """A date as written (its sort key among an entity's mentions), or "": once per distinct date."""
    return str(value or "")


def _by_date(entity: Entity) -> tuple[bool, tuple[dt.date, dt.date]]:
    """Dated entities first, by first then last day; undated ones last (in the order given)."""
    return (entity.date is None, sort_key(entity.date) if entity.date is not None else (dt.date.min, dt.date.min))


class SiteData:
    def __init__(self, dossier: Dossier, analysis: Analysis) -> None:
        self.dossier = dossier
        self.analysis = analysis
        self.claims_about: dict[str, list[str]] = defaultdict(list)
        self.events_of: dict[str, list[str]] = defaultdict(list)
        self.related: dict[str, Counter[str]] = defaultdict(Counter)
        self.citations: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.sources: dict[str, Source] = {}
        self.discrepancy_of: dict[str, Discrepancy] = {d.measure: d for d in analysis.discrepancies}
        self.discrepancy_number: dict[str, int] = {d.measure: n for n, d in enumerate(analysis.discrepancies)}
        self.mentions_of: dict[str, dict[str, list[Mention]]] = defaultdict(dict)
        # An event's coverage: the articles that mention it or that claims about it cite (events
        # are rarely named literally), article id -> None in the order found.
        self.covered_by: dict[str, dict[str, None]] = defaultdict(dict)
        self.entity_pages = {e.id: entity_page(e.kind, e.id) for e in dossier.entities.values()}  # linked to often
        self._discrepancies_about: dict[str, list[Discrepancy]] = defaultdict(list)
        # Lookups for the JSON-LD of article pages (an article's outlet; a person by an author's
        # name): structures of their own, so that the preview records each lookup (dependencies.py).
        self.outlet_of: dict[str, Source] = {}
        self.person_named = {name.casefold(): e.id for e in dossier.entities.values() if e.kind is Kind.PERSON for name in e.names}
        # Orders computed once, on first use, so that rendering one page of a long list
        # costs what that page shows, not a sort of the whole dossier.
        self._orders: dict[tuple[str, object], Any] = {}
        self._index()

    def _source(self, origin: Origin) -> Source:
        return self.sources.setdefault(origin.key, Source(origin.display, origin.entity_id))

    def source_of(self, entity_id: str) -> Source | None:
        """The entity as an origin of evidence or an outlet, if it is one."""
        return self.sources.get(ENTITY_KEY + entity_id)

    def _index(self) -> None:
        d = self.dossier
        for article in d.articles.values():
            outlet = self.outlet_of[article.id] = self._source(self.analysis.outlet_origins[article.id])
            outlet.articles.append(article.id)
        for claim in d.claims.values():
            for entity_id in claim.about:
                self.claims_about[entity_id].append(claim.id)
                for other in claim.about:
                    if other != entity_id:
                        self.related[entity_id][other] += 1
            origins = self.analysis.assessments[claim.id].evidence_origins
            for index, (item, origin) in enumerate(zip(claim.evidence, origins, strict=True)):
                self.citations[item.article].append((claim.id, index))
                source = self._source(origin)
                source.evidence += 1
                if item.stance is Stance.SUPPORTS:
                    source.evidence_for += 1
                    source.supports[claim.id] = None
                else:
                    source.evidence_against += 1
                    source.contradicts[claim.id] = None
        for entity in d.entities.values():
            if entity.kind is Kind.EVENT:
                for other in (*entity.participants, *entity.countries):
                    self.events_of[other].append(entity.id)
                    self.related[entity.id][other] += 1
                    self.related[other][entity.id] += 1
            for country in entity.countries if entity.kind is not Kind.EVENT else ():
                self.related[entity.id][country] += 1
                self.related[country][entity.id] += 1
        for article_id, mentions in self.analysis.mentions.items():
            for mention in mentions:
                for entity_id in mention.entities:
                    self.mentions_of[entity_id].setdefault(article_id, []).append(mention)
        for entity in d.entities.values():
            if entity.kind is Kind.EVENT:
                covered = self.covered_by[entity.id]
                covered.update(dict.fromkeys(self.mentions_of.get(entity.id, {})))
                for claim_id in self.claims_about.get(entity.id, ()):
                    covered.update(dict.fromkeys(item.article for item in d.claims[claim_id].evidence))

        for discrepancy in self.analysis.discrepancies:
            entities = dict.fromkeys(e for v in discrepancy.values for e in d.claims[v.claim].about)
            for entity_id in entities:
                self._discrepancies_about[entity_id].append(discrepancy)

    def _order(self, name: str, key: object, compute: Callable[[], _T]) -> _T:
        """The order `name` (the method computing it) for `key` (its argument; None for none)."""
        value: _T | None = self._orders.get((name, key))
        if value is None:
            value = self._orders[(name, key)] = compute()
        return value

    def twin(self) -> SiteData:
        """A copy sharing the values, with its own orders: the preview's recording copy
        (preview/dependencies.py) replaces its structures and watches its orders, never these."""
        twin = copy.copy(self)
        twin._orders = dict(self._orders)
        return twin

    def watch_orders(self, wrap: Callable[[OrderSource], OrderSource]) -> None:
        """The preview's seam (dependencies.py): from now on every order is got through
        `wrap(the cached computation)`. Orders of one entry (keyed by an id) computed so far
        are forgotten, so that they are computed again through it and their reads recorded;
        orders of the whole dossier are kept (see `_instrument` there for why)."""
        for planned in [order for order in self._orders if isinstance(order[1], str)]:
            del self._orders[planned]
        self._order = wrap(self._order)  # type: ignore[method-assign,assignment]  # this instance's orders only

    def order(self, name: str, key: object) -> Any:
        """An order by its name and key, as the method of that name returns it (the preview
        computes again in a new build the orders pages read: dependencies.py)."""
        method = getattr(self, name)
        return method() if key is None else method(key)

    def claims_ranked(self, entity_id: str) -> list[Claim]:
        """Claims about an entity, most notable first: by status (contested first), then
        by the number of origins supporting them, then newest."""

        def compute() -> list[Claim]:
            claims = [self.dossier.claims[c] for c in self.claims_about.get(entity_id, [])]
            return sorted(claims, key=self._claim_rank)

        return self._order("claims_ranked", entity_id, compute)

    def _claim_rank(self, claim: Claim) -> tuple[int, int, int]:
        a = self.analysis.assessments[claim.id]
        day = -date_start(claim.date).toordinal() if claim.date is not None else 0
        return (STATUS_ORDER.index(a.status), -len(a.supporting_origins) - len(a.contradicting_origins), day)

    def claims_by_status(self) -> list[Claim]:
        """Every claim, contested first (the order of STATUS_ORDER), in input order within a status."""

        def compute() -> list[Claim]:
            rank = {s: n for n, s in enumerate(STATUS_ORDER)}
            return sorted(self.dossier.claims.values(), key=lambda c: rank[self.status(c.id)])

        return self._order("claims_by_status", None, compute)

    def claims_with_status(self, status: Status) -> list[Claim]:
        """The claims of one status, those with the most origins (for and against) first."""

        def compute() -> list[Claim]:
            claims = [c for c in self.claims_by_status() if self.status(c.id) is status]
            return sorted(claims, key=self._claim_rank)

        return self._order("claims_with_status", status, compute)

    def status_counts(self) -> dict[Status, tuple[int, int]]:
        """For each status: (number of claims, position of its first claim in claims_by_status())."""

        def compute() -> list[dict[Status, tuple[int, int]]]:
            counts: dict[Status, tuple[int, int]] = dict.fromkeys(STATUS_ORDER, (0, 0))
            for index, claim in enumerate(self.claims_by_status()):
                n, first = counts[self.status(claim.id)]
                counts[self.status(claim.id)] = (n + 1, first if n else index)
            return [counts]

        return self._order("status_counts", None, compute)[0]

    def entities_by_name(self, kind: Kind) -> list[Entity]:
        return self._order(
            "entities_by_name",
            kind,
            lambda: sorted((e for e in self.dossier.entities.values() if e.kind is kind), key=lambda e: e.name.casefold()),
        )

    def entities_listed(self, kind: Kind) -> list[Entity]:
        """The entities of a kind as their index lists them: events by date (an imprecise date by its first day), others by name."""
        if kind is not Kind.EVENT:
            return self.entities_by_name(kind)
        return self._order("entities_listed", kind, lambda: sorted(self.entities_by_name(kind), key=_by_date))

    def sources_by_name(self) -> list[Source]:
        return self._order("sources_by_name", None, lambda: sorted(self.sources.values(), key=lambda s: s.name.casefold()))

    def articles_newest_first(self) -> list[Article]:
        return self._order(
            "articles_newest_first",
            None,
            lambda: sorted(
                self.dossier.articles.values(), key=lambda a: (sort_key(a.published) if a.published else (), a.id), reverse=True
            ),
        )

    def mentions_newest_first(self, entity_id: str) -> list[tuple[str, list[Mention]]]:
        """(article id, its mentions of the entity), newest article first."""
        articles = self.dossier.articles
        return self._order(
            "mentions_newest_first",
            entity_id,
            lambda: sorted(
                self.mentions_of.get(entity_id, {}).items(),
                key=lambda kv: (_written(articles[kv[0]].published), kv[0]),
                reverse=True,
            ),
        )

    def paragraphs(self, article_id: str) -> tuple[tuple[int, int], ...]:
        """(start, end) of each paragraph of an article's body, computed once per article."""
        return self._order("paragraphs", article_id, lambda: paragraph_spans(self.dossier.articles[article_id].body))

    def status(self, claim_id: str) -> Status:
        return self.analysis.assessments[claim_id].status

    def timeline(self, entity_id: str | None = None) -> list[TimelineItem]:
        """Events and dated claims in date order; for one entity, those concerning it."""
        return self._order("timeline", entity_id, lambda: self._timeline(entity_id))

    def _timeline(self, entity_id: str | None) -> list[TimelineItem]:
        d = self.dossier
        items: list[TimelineItem] = []
        if entity_id is None:
            events = [e for e in d.entities.values() if e.kind is Kind.EVENT]
            claims = [c for c in d.claims.values() if c.date is not None]
        else:
            own = d.entities[entity_id]
            events = [d.entities[e] for e in self.events_of.get(entity_id, [])]
            if own.kind is Kind.EVENT:
                events.insert(0, own)
            claims = [d.claims[c] for c in self.claims_about.get(entity_id, []) if d.claims[c].date is not None]
        items += [TimelineItem(e.date, e, None) for e in events if e.date is not None]
        items += [TimelineItem(c.date, None, c) for c in claims if c.date is not None]
        return sorted(items, key=lambda item: item.sort_key)

    def discrepancies_of(self, entity_id: str) -> list[Discrepancy]:
        """Discrepancies with a value from a claim about the entity (indexed once, not searched per page)."""
        return self._discrepancies_about.get(entity_id, [])
