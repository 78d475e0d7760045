"""dossier.ftm.json: the export as FollowTheMoney entities, one JSON object per line.

Every entity is made with the `followthemoney` model's own API (`model.make_entity`, then
`add`, which cleans each value as the model's types do: names, dates, country codes, URLs).

    person, organization      Person, Organization (countries as `country` codes)
    event                     Event (participants as `involved`, dates as start/end)
    country                   Territory (its code as `country` and `territoryCode`)
    article                   Article (title, author, publisher, publishedAt, bodyText)
    claim                     Note (the statement, the entities it is about, its status)
    evidence item             Documentation: the article documents the claim's entities and
                              the claim; its role says "supports"/"contradicts" which claim

Ids are derived from the dossier's ids: `person-<id>`, `article-<id>`, `claim-<id>`,
`evidence-<claim>-<n>` (n from 1), ... The measures and the discrepancies have no
FollowTheMoney schema and are left to dossier.json and dossier.db.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry
from followthemoney.types.common import PropertyType
from followthemoney.util import ENTITY_ID_LEN, make_entity_id
from rigour.territories import get_territories, lookup_by_identifier

from ..text import fold
from .common import ExportInput, Record, SiteAddress, as_list, date_ends, date_text, evidence_id, value_text

SCHEMATA = {"person": "Person", "organization": "Organization", "event": "Event", "country": "Territory"}
FALLBACK_SCHEMA = "LegalEntity"  # a kind the export gains that has no schema here yet
TEXT_LIMIT = 65000  # the longest value of a `text` property the model accepts
ROLE_LIMIT = 1000  # a `string` property (such as a role) takes at most 1,024 characters


@functools.lru_cache(maxsize=1 << 16)
def _clean(property_type: PropertyType, value: str, format: str | None) -> str | None:
    return property_type.clean(value, format=format)


def _add(proxy: EntityProxy, name: str, values: Any) -> None:
    """`proxy.add(name, values)`, with the model's own cleaning of each value remembered:
    dates, countries, languages and ids repeat across thousands of entities, and cleaning
    them again was most of the time of this format at 10,000 articles."""
    prop = proxy.schema.properties[name]
    for value in values if isinstance(values, list) else [values]:
        if value is None or value == "":
            continue
        if prop.type in (registry.text, registry.string):  # long and mostly unique: not remembered
            cleaned = prop.type.clean(value, format=prop.format)
        else:
            cleaned = _clean(prop.type, str(value), prop.format)
        if cleaned is not None:
            proxy.unsafe_add(prop, cleaned, cleaned=True)


def ftm_id(prefix: str, dossier_id: str) -> str:
    """`<prefix>-<dossier id>`; a hash of both if that is not a valid FollowTheMoney id."""
    readable = f"{prefix}-{dossier_id}"
    if len(readable) <= ENTITY_ID_LEN and registry.entity.REGEX.match(readable):
        return readable
    return f"{prefix}-{make_entity_id(prefix, dossier_id)}"


def entity_ftm_id(kind: str, dossier_id: str) -> str:
    return ftm_id(kind or "entity", dossier_id)


def _set_date(proxy: EntityProxy, value: Any, single: str = "date") -> None:
    start, end = date_ends(value)
    if start is not None and start == end:
        _add(proxy, single, start)
        return
    _add(proxy, "startDate", start)
    _add(proxy, "endDate", end)


def _chunks(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """The text in consecutive pieces the model accepts, cut at paragraph breaks when possible."""
    pieces = []
    while len(text) > limit:
        cut = text.rfind("\n\n", 0, limit)
        cut = cut + 2 if cut > 0 else limit
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text] if text else pieces


def country_codes(entities: list[Record]) -> dict[str, str]:
    """Country entity id -> the model's country code (as its `country` type cleans them).

    Tried in turn: the entity's Wikidata id, then its name and aliases as a territory's name
    or code, then the model's own name cleaning, which is exact but builds an index of every
    territory's names in every language the first time (seconds), so it is the last resort.
    """
    territories = get_territories()
    by_name = {fold(name): t.ftm_country for t in territories if t.ftm_country for name in (t.name, t.full_name)}
    codes = {}
    for entity in entities:
        if entity.get("kind") == "country":
            code = _code_of(entity, by_name)
            if code:
                codes[entity["id"]] = code
    return codes


def _code_of(entity: Record, by_name: dict[str, str]) -> str | None:
    names = [n for n in [entity.get("name"), *as_list(entity.get("aliases"))] if n]
    for code in (_territory_code(entity.get("wikidata")), *(by_name.get(fold(n)) or _territory_code(n) for n in names)):
        if code:
            return code
    return next((c for c in map(registry.country.clean, names) if c), None)


def _territory_code(identifier: str | None) -> str | None:
    """The country code of a territory known by this code or Wikidata id, if any."""
    territory = lookup_by_identifier(identifier) if identifier else None
    return territory.ftm_country if territory is not None else None


def entity_proxy(entity: Record, codes: dict[str, str], kinds: dict[str, str]) -> EntityProxy:
    kind = entity.get("kind") or ""
    proxy = model.make_entity(SCHEMATA.get(kind, FALLBACK_SCHEMA))
    proxy.id = entity_ftm_id(kind, entity["id"])
    _add(proxy, "name", entity.get("name"))
    _add(proxy, "alias", as_list(entity.get("aliases")))
    _add(proxy, "summary", entity.get("summary"))
    _add(proxy, "wikidataId", entity.get("wikidata"))
    if kind == "country":
        _add(proxy, "country", codes.get(entity["id"]))
        _add(proxy, "territoryCode", codes.get(entity["id"]))
        _add(proxy, "level", "country")
    else:
        _add(proxy, "country", [codes[c] for c in as_list(entity.get("countries")) if c in codes])
    if kind == "event":
        _set_date(proxy, entity.get("date"))
        _add(proxy, "involved", [entity_ftm_id(kinds.get(p, ""), p) for p in as_list(entity.get("participants"))])
    return proxy


def article_proxy(article: Record, body: str | None) -> EntityProxy:
    proxy = model.make_entity("Article")
    proxy.id = ftm_id("article", article["id"])
    _add(proxy, "fileName", f"{article['id']}.md")
    _add(proxy, "title", article.get("title"))
    _add(proxy, "author", as_list(article.get("author")))
    _add(proxy, "publisher", article.get("outlet"))
    start, _ = date_ends(article.get("published"))
    _add(proxy, "publishedAt", start)
    _add(proxy, "sourceUrl", [article.get("url"), article.get("archived")])
    _add(proxy, "language", article.get("language"))
    _add(proxy, "bodyText", _chunks(body or ""))
    return proxy


def claim_summary(claim: Record) -> str:
    supporting, contradicting = as_list(claim.get("supporting_origins")), as_list(claim.get("contradicting_origins"))
    lines = [
        f"Status: {claim.get('status')}.",
        f"Supporting origins: {', '.join(supporting) or 'none'}.",
        f"Contradicting origins: {', '.join(contradicting) or 'none'}.",
    ]
    if claim.get("date"):
        lines.append(f"Date: {date_text(claim.get('date'))}.")
    quantity = claim.get("quantity")
    if quantity:
        approximate = "about " if quantity.get("approximate") else ""
        unit = f" {quantity['unit']}" if quantity.get("unit") else ""
        lines.append(f"Quantity ({quantity.get('measure')}): {approximate}{value_text(quantity.get('value'))}{unit}.")
    return "\n".join(lines)


def claim_proxy(claim: Record, kinds: dict[str, str], site: SiteAddress) -> EntityProxy:
    proxy = model.make_entity("Note")
    proxy.id = ftm_id("claim", claim["id"])
    _add(proxy, "description", claim.get("text"))
    _add(proxy, "entity", [entity_ftm_id(kinds.get(e, ""), e) for e in as_list(claim.get("about"))])
    _add(proxy, "summary", claim_summary(claim))
    _add(proxy, "keywords", claim.get("status"))
    _add(proxy, "sourceUrl", site.claim(claim["id"]))
    return proxy


def _role(stance: str, text: str) -> str:
    if len(text) > ROLE_LIMIT:
        text = text[: ROLE_LIMIT - 1].rstrip() + "…"  # the whole statement is on the claim's Note
    return f"{stance} the claim “{text}”"


def evidence_proxy(claim: Record, number: int, item: Record, kinds: dict[str, str]) -> EntityProxy:
    proxy = model.make_entity("Documentation")
    proxy.id = ftm_id("evidence", evidence_id(claim["id"], number))
    _add(proxy, "document", ftm_id("article", item["article"]))
    about = [entity_ftm_id(kinds.get(e, ""), e) for e in as_list(claim.get("about"))]
    _add(proxy, "entity", [*about, ftm_id("claim", claim["id"])])
    _add(proxy, "role", _role(item.get("stance") or "", claim.get("text") or ""))
    _add(proxy, "summary", item.get("excerpt") or item.get("quote"))
    _add(proxy, "description", item.get("note"))
    if item.get("translation"):
        _add(proxy, "description", f"Translation: {item['translation']}")
    _add(proxy, "publisher", item.get("origin"))
    _add(proxy, "recordId", evidence_id(claim["id"], number))
    _set_date(proxy, claim.get("date"))
    return proxy


def ftm_entities(source: ExportInput) -> Iterator[EntityProxy]:
    entities = source.records("entities")
    codes = country_codes(entities)
    kinds = {e["id"]: e.get("kind") or "" for e in entities}
    for entity in entities:
        yield entity_proxy(entity, codes, kinds)
    for article in source.records("articles"):
        yield article_proxy(article, source.bodies.get(article["id"]))
    for claim in source.records("claims"):
        yield claim_proxy(claim, kinds, source.site)
        for number, item in enumerate(as_list(claim.get("evidence")), 1):
            yield evidence_proxy(claim, number, item, kinds)


def write_ftm(source: ExportInput, filename: str = "dossier.ftm.json") -> dict[str, bytes]:
    lines = [json.dumps(proxy.to_dict(), ensure_ascii=False, separators=(",", ":")) for proxy in ftm_entities(source)]
    return {filename: ("\n".join(lines) + "\n").encode()}
