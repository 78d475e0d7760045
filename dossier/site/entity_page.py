"""The page of a person, country, organization or event."""

from __future__ import annotations

from ..model import Claim, Entity, Kind
from .html import esc, json_ld, markdown_inline
from .links import DISCREPANCIES, article_page, entity_page, listing_page
from .page import PageWriter, Paging, RenderedPage, pager, table
from .parts import STATUS_LABELS, STATUS_ORDER, Parts, date_html, status_badge
from .discrepancy import VALUES_SHOWN, discrepancy_table
from .sentences import sentence_around

SCHEMA_TYPES = {Kind.PERSON: "Person", Kind.COUNTRY: "Country", Kind.ORGANIZATION: "Organization", Kind.EVENT: "Event"}

# An entity page stays small however often the entity is cited: what does not fit is
# listed compactly on pages of its own (people/<id>/claims/2.md, people/<id>/mentions/2.md).
CLAIM_CARDS_ALL = 20  # up to this many claims, every claim is shown in full, grouped by status
CLAIM_CARDS = 5  # beyond, the most notable ones in full, and every claim in a table
CLAIM_ROWS = 50  # rows of that table per page
MENTION_ARTICLES_SHOWN = 50  # articles shown with the sentence that mentions the entity
MENTION_ROWS = 250  # rows per page of the further articles
TIMELINE_SHOWN = 50  # the latest events and dated claims
RELATED_SHOWN = 30
DISCREPANCIES_SHOWN = 5


def claim_paging(parts: Parts, entity: Entity) -> Paging:
    return Paging(len(parts.data.claims_about.get(entity.id, [])), CLAIM_ROWS, CLAIM_ROWS)


def mention_paging(parts: Parts, entity: Entity) -> Paging:
    return Paging(len(parts.data.mentions_of.get(entity.id, {})), MENTION_ARTICLES_SHOWN, MENTION_ROWS)


def entity_search(entity: Entity) -> str:
    """What the search index gets: the name, the kind, every alias and the summary."""
    aliases = f" Also known as: {esc(', '.join(entity.aliases))}." if entity.aliases else ""
    summary = f" {esc(entity.summary)}" if entity.summary else ""
    return f"<h1 id=\"top\">{esc(entity.name)}</h1><p>{esc(entity.kind.value.capitalize())}.{aliases}{summary}</p>"


def wikidata_url(qid: str) -> str:
    return f"https://www.wikidata.org/wiki/{qid}"


def entity_json_ld(entity: Entity) -> str:
    data: dict[str, object] = {"@context": "https://schema.org", "@type": SCHEMA_TYPES[entity.kind], "name": entity.name}
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if entity.summary:
        data["description"] = entity.summary
    if entity.wikidata:
        data["sameAs"] = [wikidata_url(entity.wikidata)]
    if entity.kind is Kind.EVENT and entity.date is not None:
        start = getattr(entity.date, "start", entity.date)
        end = getattr(entity.date, "end", entity.date)
        data.update({key: day.isoformat() for key, day in (("startDate", start), ("endDate", end)) if day is not None})
    return json_ld(data)


def render_entity(parts: Parts, entity: Entity) -> RenderedPage:
    data = parts.data
    page = PageWriter()
    page.add(f'<h1>{esc(entity.name)}</h1>')
    page.add(f'<p class="dossier-kind">{esc(entity.kind.value.capitalize())}</p>')
    if entity.summary:
        page.add(f'<p class="dossier-summary">{markdown_inline(entity.summary)}</p>')
    facts = []
    if entity.aliases:
        facts.append(("Also known as", ", ".join(f'<span class="dossier-alias">{esc(a)}</span>' for a in entity.aliases)))
    if entity.kind is Kind.EVENT:
        facts.append(("Date", date_html(entity.date)))
        if entity.participants:
            facts.append(("Participants", parts.entity_links(entity.participants)))
    if entity.countries:
        facts.append(("Countries", parts.entity_links(entity.countries)))
    if entity.wikidata:
        facts.append(("Wikidata", f'<a href="{esc(wikidata_url(entity.wikidata))}" rel="noopener">{esc(entity.wikidata)}</a>'))
    if facts:
        page.add('<dl class="dossier-facts-list">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")

    claim_ids = data.claims_about.get(entity.id, [])
    page.heading(2, "claims", f"Claims ({len(claim_ids)})")
    if not claim_ids:
        page.add('<p class="dossier-empty">No claim is about this entity yet.</p>')
    if len(claim_ids) <= CLAIM_CARDS_ALL:
        _claim_cards(page, parts, [data.dossier.claims[c] for c in claim_ids])
    else:
        ranked = data.claims_ranked(entity.id)
        page.add(
            f'<p class="dossier-hint">The {CLAIM_CARDS} most notable of {len(claim_ids)} claims in full '
            "(contested and disputed first, then those with the most origins); every claim is in the table below.</p>"
        )
        _claim_cards(page, parts, ranked[:CLAIM_CARDS])
        page.heading(3, "all-claims", f"All {len(claim_ids)} claims", in_toc=False)
        page.add(_claim_table(parts, entity, 1))

    discrepancies = data.discrepancies_of(entity.id)
    if discrepancies:
        page.heading(2, "discrepancies", f"Discrepancies ({len(discrepancies)})")
        for d in discrepancies[:DISCREPANCIES_SHOWN]:
            page.add(discrepancy_table(parts, d, limit=VALUES_SHOWN))
        if len(discrepancies) > DISCREPANCIES_SHOWN:
            page.add(
                f'<p class="dossier-hint">{DISCREPANCIES_SHOWN} of {len(discrepancies)} are shown; '
                f'all are on the <a href="{parts.href(DISCREPANCIES)}">discrepancies</a> pages.</p>'
            )

    timeline = data.timeline(entity.id)
    if timeline:
        page.heading(2, "timeline", "Timeline")
        if len(timeline) > TIMELINE_SHOWN:
            page.add(
                f'<p class="dossier-hint">The latest {TIMELINE_SHOWN} of {len(timeline)} dated events and claims; '
                "the table of claims above sorts by date.</p>"
            )
        rows = []
        for item in timeline[-TIMELINE_SHOWN:]:
            if item.entity is not None:
                what = f'<span class="dossier-badge dossier-kind-event">Event</span> {parts.entity_link(item.entity.id)}'
            else:
                what = f"{status_badge(data.status(item.claim.id))} {parts.claim_link(item.claim)}"
            rows.append(f"<li>{date_html(item.date)} — {what}</li>")
        page.add(f'<ol class="dossier-timeline">{"".join(rows)}</ol>')

    related = data.related.get(entity.id)
    if related:
        page.heading(2, "related", "Related")
        items = sorted(related.items(), key=lambda kv: (-kv[1], data.dossier.entities[kv[0]].name))
        more = f" The {RELATED_SHOWN} most related of {len(items)} are listed." if len(items) > RELATED_SHOWN else ""
        page.add(
            '<ul class="dossier-related">'
            + "".join(
                f'<li>{parts.entity_link(other)} <span class="dossier-count">{count}</span></li>'
                for other, count in items[:RELATED_SHOWN]
            )
            + "</ul>"
            + f'<p class="dossier-hint">Counts: claims about both, and events linking them.{more}</p>'
        )

    mentions = data.mentions_of.get(entity.id, {})
    page.heading(2, "mentions", f"Mentioned in ({len(mentions)} article{'s' * (len(mentions) != 1)})")
    if not mentions:
        page.add('<p class="dossier-empty">No article mentions it by name or alias.</p>')
    shown = data.mentions_newest_first(entity.id)[:MENTION_ARTICLES_SHOWN]
    items = []
    for article_id, found in shown:
        article = data.dossier.articles[article_id]
        paragraphs = data.paragraphs(article_id)
        first = found[0]
        start, end = sentence_around(article.body, first.start, first.end, paragraphs[first.paragraph])
        sentence = (
            esc(article.body[start : first.start])
            + f"<strong>{esc(article.body[first.start : first.end])}</strong>"
            + esc(article.body[first.end : end])
        )
        count = f' <span class="dossier-count">{len(found)} mention{"s" * (len(found) != 1)}</span>'
        link = parts.href(article_page(article_id), f"p-{first.paragraph + 1}")
        items.append(
            f'<li><a href="{link}">{esc(article.title)}</a> — {esc(article.outlet)}'
            f"{', ' + date_html(article.published) if article.published else ''}{count}"
            f'<blockquote class="dossier-mention-sentence"><p>{sentence}</p></blockquote></li>'
        )
    if items:
        page.add(f'<ul class="dossier-mentions">{"".join(items)}</ul>')
    paging = mention_paging(parts, entity)
    if paging.pages > 1:
        first = listing_page(entity_page(entity.kind, entity.id), 2, "mentions")
        page.add(
            f'<p class="dossier-hint">The {MENTION_ARTICLES_SHOWN} most recent of {len(mentions)} articles are shown; '
            f'<a href="{parts.href(first)}">the {len(mentions) - MENTION_ARTICLES_SHOWN} others</a> are listed on '
            f"{paging.pages - 1} more page{'s' * (paging.pages > 2)}, and every mention is in <code>dossier.json</code>.</p>"
        )
    page.add(entity_json_ld(entity))
    page.searchable(entity_search(entity))
    return page.done()


def _claim_cards(page: PageWriter, parts: Parts, claims: list[Claim]) -> None:
    """Claims in full (statement, status, evidence for and against), grouped by status."""
    for status in STATUS_ORDER:
        group = [claim for claim in claims if parts.data.status(claim.id) is status]
        if group:
            page.heading(3, f"status-{status.value}", f"{status_badge(status)} ({len(group)})", in_toc=False)
            page.add(f'<p class="dossier-status-meaning">{esc(STATUS_LABELS[status][2].capitalize())}.</p>')
            page.add("".join(parts.claim_card(claim) for claim in group))


def _claim_table(parts: Parts, entity: Entity, number: int) -> str:
    """Page `number` of the table of every claim about the entity, most notable first."""
    ranked = parts.data.claims_ranked(entity.id)
    paging = claim_paging(parts, entity)
    start, end = paging.bounds(number)
    rows = []
    for claim in ranked[start:end]:
        a = parts.data.analysis.assessments[claim.id]
        rows.append(
            [
                (parts.claim_link(claim), claim.text.casefold()),
                (status_badge(a.status, compact=True), STATUS_ORDER.index(a.status)),
                (str(len(a.supporting_origins)), len(a.supporting_origins)),
                (str(len(a.contradicting_origins)), len(a.contradicting_origins)),
                (date_html(claim.date), claim.date and claim.date.isoformat()),
            ]
        )
    home = entity_page(entity.kind, entity.id)
    nav = pager(number, paging.pages, lambda n: parts.href(listing_page(home, n, "claims"), "all-claims" if n == 1 else ""))
    of = f"{start + 1}–{end} of {paging.total}" if paging.pages > 1 else ""
    return nav + table(["Claim", "Status", "Origins for", "Origins against", "Date"], rows, of=of) + nav


def render_entity_claims(parts: Parts, entity: Entity, number: int) -> RenderedPage:
    """A later page of the table of claims about an entity."""
    page = PageWriter()
    page.add(f"<h1>Claims about {esc(entity.name)}</h1>")
    page.add(f'<p>Back to <a href="{parts.href(entity_page(entity.kind, entity.id))}">{esc(entity.name)}</a>.</p>')
    page.add(_claim_table(parts, entity, number))
    return page.done()


def render_entity_mentions(parts: Parts, entity: Entity, number: int) -> RenderedPage:
    """A later page of the articles that mention an entity, newest first."""
    data = parts.data
    paging = mention_paging(parts, entity)
    start, end = paging.bounds(number)
    rows = []
    for article_id, found in data.mentions_newest_first(entity.id)[start:end]:
        article = data.dossier.articles[article_id]
        rows.append(
            [
                (date_html(article.published) or "unknown", article.published.isoformat() if article.published else ""),
                (f'<a href="{parts.href(article_page(article_id), f"p-{found[0].paragraph + 1}")}">{esc(article.title)}</a>', article.title.casefold()),
                (esc(article.outlet), article.outlet.casefold()),
                (str(len(found)), len(found)),
            ]
        )
    home = entity_page(entity.kind, entity.id)
    page = PageWriter()
    page.add(f"<h1>Articles mentioning {esc(entity.name)}</h1>")
    page.add(
        f'<p>{paging.total} articles mention <a href="{parts.href(home)}">{esc(entity.name)}</a> by name or alias; '
        f"the {MENTION_ARTICLES_SHOWN} most recent are on its page, with the sentence that names it.</p>"
    )
    nav = pager(number, paging.pages, lambda n: parts.href(listing_page(home, n, "mentions"), "mentions" if n == 1 else ""))
    page.add(nav + table(["Published", "Title", "Outlet", "Mentions"], rows, of=f"{start + 1}–{end} of {paging.total}") + nav)
    return page.done()

