"""Structured data for search engines: schema.org JSON-LD for entity, claim and article pages.

Only schema.org types and properties, each used on a type in its domain (tests/test_json_ld.py
checks every page against a pinned copy of the vocabulary). Every node has an `@id` and a
`url`: the page that is about it, absolute when the site's address (`site_url`) is known,
else relative to the page, which JSON-LD resolves against the page's own address, so one
thing has one `@id` on every page that names it. `@id`s carry a fragment (`#entity`,
`#claim`, `#article`): the thing is not the page about it.
"""

from __future__ import annotations

import functools
from typing import Any

from markupsafe import Markup

from ...commonmark import safe_url
from ...formats.common import SiteAddress
from ...kinds import BY_KIND, Kind
from ...model import Article, Claim, DateRange, Entity, Stance
from .html import json_ld_payload
from .links import SOURCES_INDEX, article_page, claim_page
from .parts import Parts
from .templating import machine_date

CONTEXT = "https://schema.org"
_PUBLISHER_TYPES = ("Organization", "Person")  # what schema.org's `publisher` takes
Node = dict[str, Any]
# An article is named in the JSON-LD of every claim that quotes it: its date written once per value.
_machine_date = functools.lru_cache(maxsize=8192)(machine_date)


def wikidata_url(qid: str) -> str:
    return f"https://www.wikidata.org/wiki/{qid}"


def page_url(parts: Parts, src_uri: str) -> str:
    """The address of a page: absolute with the site's address, else relative to the page rendered."""
    if parts.linker.site_url:
        return SiteAddress(parts.linker.site_url, parts.linker.directory_urls).url(src_uri)
    return parts.href(src_uri)


def _node(parts: Parts, schema_type: str, src_uri: str, fragment: str) -> Node:
    url = page_url(parts, src_uri)
    return {"@type": schema_type, "@id": f"{url}#{fragment}", "url": url}


@functools.lru_cache(maxsize=16384)  # authors and outlets recur on every page that cites their articles
def _slug(name: str) -> str:
    """A fragment for a thing known only by its name: letters and digits, dashes between."""
    return "-".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())


def entity_node(parts: Parts, entity_id: str) -> Node:
    """An entity as others name it: its type, `@id`, page and name."""
    entity = parts.data.dossier.entities[entity_id]
    node = _node(parts, BY_KIND[entity.kind].schema_type, parts.data.entity_pages[entity_id], "entity")
    node["name"] = entity.name
    return node


def publisher_node(parts: Parts, article: Article) -> Node:
    """The outlet: its entity when it is one, else the origin as the Sources page lists it."""
    source = parts.data.outlet_of.get(article.id)
    if source is not None and source.entity_id is not None:
        node = entity_node(parts, source.entity_id)
        if node["@type"] not in _PUBLISHER_TYPES:  # a country as an outlet: its state media
            node["@type"] = "Organization"
        return node
    # Not an entity of the dossier: identified by its spelling, on the Sources page.
    node = _node(parts, "Organization", SOURCES_INDEX, f"outlet-{_slug(article.outlet)}")
    node["name"] = source.name if source is not None else article.outlet
    return node


def _author(parts: Parts, article: Article, name: str) -> Node:
    """An author: the person of the dossier of that name, else identified on the article's page."""
    person = parts.data.person_named.get(name.casefold())
    if person is not None:
        return entity_node(parts, person)
    node = _node(parts, "Person", article_page(article.id), f"author-{_slug(name)}")
    node["name"] = name
    return node


def article_node(parts: Parts, article: Article) -> Node:
    """A NewsArticle: headline, publisher, date, authors; `url` the original when known, else its page here."""
    node = _node(parts, "NewsArticle", article_page(article.id), "article")
    if article.url and safe_url(article.url):  # as the page links it: never a script's address
        node["url"] = article.url
    node["headline"] = article.title
    node["publisher"] = publisher_node(parts, article)
    if article.published is not None:
        node["datePublished"] = _machine_date(article.published)
    if article.authors:
        node["author"] = [_author(parts, article, name) for name in article.authors]
    if article.language:
        node["inLanguage"] = article.language
    return node


def article_json_ld(parts: Parts, article: Article) -> Markup:
    return json_ld_payload({"@context": CONTEXT, **article_node(parts, article)})


def claim_json_ld(parts: Parts, claim: Claim) -> Markup:
    """A Claim: its statement, what it is about, and the articles it appears in (supporting ones only).

    schema.org's `appearance` is "an occurrence of a Claim in some CreativeWork": an article
    that contradicts the claim is no occurrence of it, and schema.org has no property for
    it, so the JSON-LD leaves it out (the page itself shows both sides).
    """
    articles = parts.data.dossier.articles
    supporting = dict.fromkeys(item.article for item in claim.evidence if item.stance is Stance.SUPPORTS)
    node = _node(parts, "Claim", claim_page(claim.id), "claim")
    node["text"] = claim.text
    node["about"] = [entity_node(parts, e) for e in claim.about]
    if supporting:
        node["appearance"] = [article_node(parts, articles[a]) for a in supporting]
    return json_ld_payload({"@context": CONTEXT, **node})


def entity_json_ld(parts: Parts, entity: Entity) -> Markup:
    data: Node = {"@context": CONTEXT, **entity_node(parts, entity.id)}
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if entity.summary:
        data["description"] = entity.summary
    if entity.wikidata:
        data["sameAs"] = [wikidata_url(entity.wikidata)]
    if entity.kind is Kind.EVENT and entity.date is not None:
        start, end = (entity.date.start, entity.date.end) if isinstance(entity.date, DateRange) else (entity.date, entity.date)
        # As written ("2025-09" is an ISO 8601 date too); an open end is left out.
        data.update({key: day.isoformat() for key, day in (("startDate", start), ("endDate", end)) if day is not None})
    return json_ld_payload(data)
