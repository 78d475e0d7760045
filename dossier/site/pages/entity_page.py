"""The page of a person, country, organization or event."""

from __future__ import annotations

from typing import Any, NamedTuple

from ...kinds import Kind
from ...model import Claim, DateValue, Entity, Status, date_start
from ..maps.map_pages import entity_map
from ..page import RenderedPage, Toc
from ..rendering.html import markdown_inline
from ..rendering.json_ld import entity_json_ld, wikidata_url
from ..rendering.links import DISCREPANCIES, SOURCES_INDEX, article_page, entity_page, listing_page
from ..rendering.parts import STATUS_ORDER, ClaimCard, Link, Parts, TimelineEntry
from ..rendering.sentences import sentence_around
from .discrepancy import VALUES_SHOWN, DiscrepancyView, discrepancy_view
from .entity_lists import MENTION_ARTICLES_SHOWN, ClaimTable, claim_table, mention_paging
from .timeline_page import entity_timeline_page

# An entity page stays small however often the entity is cited: what does not fit is
# listed compactly on pages of its own (people/<id>/claims/2.md, people/<id>/mentions/2.md).
CLAIM_CARDS_ALL = 20  # up to this many claims, every claim is shown in full, grouped by status
CLAIM_CARDS = 5  # beyond, the most notable ones in full, and every claim in a table
TIMELINE_SHOWN = 50  # the latest events and dated claims
RELATED_SHOWN = 30
DISCREPANCIES_SHOWN = 5
AS_SOURCE_SHOWN = 50  # claims a source supports (and, apart, contradicts) listed on its page
# A page a reader scrolls through on a phone: of each long list the first few show, the rest
# is folded behind a <details> that says how many it holds (nothing is left out).
SHOWN_FIRST = {"cards_open": 2, "discrepancies": 1, "related": 10, "as_source": 5, "mentions": 3}


class SourcedClaim(NamedTuple):
    claim: Link
    status: Status


class AsSource(NamedTuple):
    """What an entity says as an origin of evidence (or as the outlet of articles)."""

    articles: int  # articles it published
    evidence_for: int  # evidence items it is the origin of, supporting their claim
    evidence_against: int
    supports: list[SourcedClaim]  # the first AS_SOURCE_SHOWN of them
    supports_total: int
    contradicts: list[SourcedClaim]
    contradicts_total: int
    sources_href: str  # the Sources page


def _as_source(parts: Parts, entity: Entity) -> AsSource | None:
    data = parts.data
    source = data.source_of(entity.id)
    if source is None:
        return None

    def listed(claim_ids: dict[str, None]) -> list[SourcedClaim]:
        shown = list(claim_ids)[:AS_SOURCE_SHOWN]
        return [SourcedClaim(parts.claim_link(data.dossier.claims[c]), data.status(c)) for c in shown]

    return AsSource(
        len(source.articles),
        source.evidence_for,
        source.evidence_against,
        listed(source.supports),
        len(source.supports),
        listed(source.contradicts),
        len(source.contradicts),
        parts.href(SOURCES_INDEX),
    )


class CardGroup(NamedTuple):
    status: Status
    cards: list[ClaimCard]


class EntityClaims(NamedTuple):
    total: int
    cards_shown: int
    groups: list[CardGroup]  # claims in full, grouped by status
    table: ClaimTable | None  # every claim, when there are too many to show in full
    open: frozenset[str]  # the claims whose cards show their evidence at once (the first few)


class MentionItem(NamedTuple):
    article: Link  # to the paragraph of its first mention
    outlet: str
    published: DateValue | None
    mentions: int
    before: str  # the sentence of the first mention: before it, the name as written, after it
    name: str
    after: str


class Mentions(NamedTuple):
    items: list[MentionItem]
    total: int
    more_pages: int  # later pages listing the others
    more_href: str  # the first of them


def entity_search_text(entity: Entity) -> str:
    """What the search index gets besides the name: the kind, the summary and every alias.

    The search indexes words with the punctuation that follows them ("Tikhanovskaya," is
    a word of its own), which a misspelt query, retried with one letter off, would not
    find: so the aliases come last, apart from each other, with nothing after the last.
    """
    summary = f" {entity.summary}" if entity.summary else ""
    aliases = f" Also known as: {' · '.join(entity.aliases)}" if entity.aliases else ""
    return f"{entity.kind.value.capitalize()}.{summary}{aliases}"


def _claims(parts: Parts, entity: Entity) -> EntityClaims:
    data = parts.data
    claim_ids = data.claims_about.get(entity.id, [])
    if len(claim_ids) <= CLAIM_CARDS_ALL:
        groups = _groups(parts, [data.dossier.claims[c] for c in claim_ids])
        return EntityClaims(len(claim_ids), len(claim_ids), groups, None, _opened(groups))
    ranked = data.claims_ranked(entity.id)
    groups = _groups(parts, ranked[:CLAIM_CARDS])
    return EntityClaims(len(claim_ids), CLAIM_CARDS, groups, claim_table(parts, entity, 1), _opened(groups))


def _opened(groups: list[CardGroup]) -> frozenset[str]:
    """The first cards in the order shown: their evidence is open, the others' folded."""
    ids = [card.id for group in groups for card in group.cards]
    return frozenset(ids[: SHOWN_FIRST["cards_open"]])


def _groups(parts: Parts, claims: list[Claim]) -> list[CardGroup]:
    """Claims in full (statement, status, evidence for and against), grouped by status."""
    groups = []
    for status in STATUS_ORDER:
        group = [parts.claim_card(claim) for claim in claims if parts.data.status(claim.id) is status]
        if group:
            groups.append(CardGroup(status, group))
    return groups


def _mentions(parts: Parts, entity: Entity) -> Mentions:
    data = parts.data
    items = []
    for article_id, found in data.mentions_newest_first(entity.id)[:MENTION_ARTICLES_SHOWN]:
        article = data.dossier.articles[article_id]
        first = found[0]
        start, end = sentence_around(article.body, first.start, first.end, data.paragraphs(article_id)[first.paragraph])
        items.append(
            MentionItem(
                Link(parts.href(article_page(article_id), f"p-{first.paragraph + 1}"), article.title),
                article.outlet,
                article.published,
                len(found),
                article.body[start : first.start],
                article.body[first.start : first.end],
                article.body[first.end : end],
            )
        )
    paging = mention_paging(parts, entity)
    more_href = parts.href(listing_page(entity_page(entity.kind, entity.id), 2, "mentions")) if paging.pages > 1 else ""
    return Mentions(items, paging.total, paging.pages - 1, more_href)


class CitedCoverage(NamedTuple):
    """An article covering an event without naming it: a claim about the event cites it."""

    article: Link
    outlet: str
    published: DateValue | None


def _cited_coverage(parts: Parts, entity: Entity) -> list[CitedCoverage]:
    """For an event: the articles that claims about it cite but that never name it, newest first."""
    data = parts.data
    if entity.kind is not Kind.EVENT:
        return []
    named = data.mentions_of.get(entity.id, {})
    articles = [data.dossier.articles[a] for a in data.covered_by.get(entity.id, {}) if a not in named]
    articles.sort(key=lambda a: (date_start(a.published).toordinal() if a.published else 0, a.id), reverse=True)
    return [CitedCoverage(parts.article_link(a.id), a.outlet, a.published) for a in articles[:MENTION_ARTICLES_SHOWN]]


def _sections(parts: Parts, entity: Entity, toc: Toc) -> dict[str, Any]:
    """Discrepancies, timeline and related entities, each with its heading when it has content."""
    data = parts.data
    discrepancies = data.discrepancies_of(entity.id)
    shown: list[DiscrepancyView] = [discrepancy_view(parts, d, limit=VALUES_SHOWN) for d in discrepancies[:DISCREPANCIES_SHOWN]]
    headings = {}
    if shown:
        headings["discrepancies"] = toc.add(2, "discrepancies", f"Discrepancies ({len(discrepancies)})")
    timeline = data.timeline(entity.id)
    entries: list[TimelineEntry] = [parts.timeline_entry(item) for item in timeline[-TIMELINE_SHOWN:]]
    if entries:
        headings["timeline"] = toc.add(2, "timeline", "Timeline")
    related = sorted((data.related.get(entity.id) or {}).items(), key=lambda kv: (-kv[1], data.dossier.entities[kv[0]].name))
    if related:
        headings["related"] = toc.add(2, "related", "Related")
    as_source = _as_source(parts, entity)
    if as_source is not None:
        headings["as_source"] = toc.add(2, "as-source", "As a source")
    return {
        "headings": headings,
        "as_source": as_source,
        "discrepancies": {"shown": shown, "total": len(discrepancies), "href": parts.href(DISCREPANCIES)},
        "timeline": {"entries": entries, "total": len(timeline), "href": parts.href(entity_timeline_page(entity.id)) if timeline else ""},
        "related": {"entries": [(parts.entity_link(o), n) for o, n in related[:RELATED_SHOWN]], "total": len(related)},
    }


def render_entity(parts: Parts, entity: Entity) -> RenderedPage:
    toc = Toc()
    connections = entity_map(parts, entity, toc)  # a map of the entities it is connected to, or None
    claims = _claims(parts, entity)
    claims_heading = toc.add(2, "claims", f"Claims ({claims.total})")
    sections = _sections(parts, entity, toc)
    mentions = _mentions(parts, entity)
    cited = _cited_coverage(parts, entity)
    if entity.kind is Kind.EVENT:  # events are rarely named literally: their coverage counts the articles cited about them
        covered = len(parts.data.covered_by.get(entity.id, {}))
        mentions_heading = toc.add(2, "mentions", f"Covered by ({covered} article{'s' * (covered != 1)})")
    else:
        mentions_heading = toc.add(2, "mentions", f"Mentioned in ({mentions.total} article{'s' * (mentions.total != 1)})")
    html = parts.render(
        "pages/entity.html",
        entity=entity,
        kind_label=entity.kind.value.capitalize(),
        is_event=entity.kind is Kind.EVENT,
        summary=markdown_inline(entity.summary) if entity.summary else None,
        participants=parts.entity_links(entity.participants),
        countries=parts.entity_links(entity.countries),
        wikidata=wikidata_url(entity.wikidata) if entity.wikidata else "",
        toc={"claims": claims_heading, "mentions": mentions_heading, **sections.pop("headings")},
        claims=claims,
        mentions=mentions,
        cited=cited,
        first=SHOWN_FIRST,
        json_ld=entity_json_ld(parts, entity),
        connections=connections,
        **sections,
    )
    search = parts.render("search.html", title=entity.name, text=entity_search_text(entity))
    return RenderedPage(html, tuple(toc.entries), search)
