"""annotations.json: every evidence item as a W3C Web Annotation (JSON-LD), in one collection.

The annotated text is the article's body as stored in `content/articles/<id>.md` after its
front matter (verbatim, line ends as `\\n`): the `text` column of dossier.db's `articles`
table. Positions count Unicode code points from 0 in that text, as the Web Annotation model
says; the end is exclusive. Each annotation's target is the article: its `url` when it has
one, else its page on the site.

One annotation per evidence item, id `#<claim>-<n>` (n from 1) in this file. Its `target` is
a list with one specific resource per passage of the quote (one for a plain quote, one per
part of an elided quote), each with two selectors of the same passage: a `TextQuoteSelector`
(the exact text, 32 characters before and after it, as Hypothesis uses) and a
`TextPositionSelector`. Its `body` is the claim: what the passage does to it (`assessing`:
"Supports the claim: ..."), a link to the claim's page, and the analyst's note and
translation when there are.
"""

from __future__ import annotations

import json
from typing import Any

from .common import ExportInput, Record, as_list, evidence_id

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32  # of prefix and suffix, as Hypothesis records them
STANCES = {"supports": "Supports", "contradicts": "Contradicts"}


def selectors(text: str, start: int, end: int) -> list[dict[str, Any]]:
    return [
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - CONTEXT_CHARS) : start],
            "suffix": text[end : end + CONTEXT_CHARS],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def _targets(source: ExportInput, article: Record | None, item: Record) -> list[dict[str, Any]]:
    article_id = item["article"]
    address = (article or {}).get("url") or source.site.article(article_id)
    text = source.bodies.get(article_id)
    spans = as_list(item.get("passage"))
    if text is None or not spans:
        # No text to point into: the quote alone still lets a reader's tool search for it.
        return [
            {
                "type": "SpecificResource",
                "source": address,
                "selector": {"type": "TextQuoteSelector", "exact": item.get("excerpt") or item.get("quote")},
            }
        ]
    return [{"type": "SpecificResource", "source": address, "selector": selectors(text, span["start"], span["end"])} for span in spans]


def _bodies(source: ExportInput, claim: Record, item: Record) -> list[dict[str, Any]]:
    stance = item.get("stance") or ""
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "purpose": "assessing",
            "value": f"{STANCES.get(stance, stance.capitalize())} the claim: {claim.get('text')}",
            "format": "text/plain",
        },
        {"type": "SpecificResource", "purpose": "linking", "source": source.site.claim(claim["id"])},
    ]
    if item.get("note"):
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": item["note"], "format": "text/plain"})
    if item.get("translation"):
        translation = {"type": "TextualBody", "purpose": "describing", "value": item["translation"], "language": "en"}
        bodies.append(translation | {"format": "text/plain"})
    return bodies


def annotation(source: ExportInput, address: str, article: Record | None, claim: Record, number: int, item: Record) -> dict[str, Any]:
    return {
        "id": f"{address}#{evidence_id(claim['id'], number)}",
        "type": "Annotation",
        "motivation": "assessing",
        "body": _bodies(source, claim, item),
        "target": _targets(source, article, item),
    }


def collection(source: ExportInput, filename: str = "annotations.json") -> dict[str, Any]:
    """The collection published as `filename` (its address is the base of the annotations' ids)."""
    address = source.site.file(filename)
    articles = {a["id"]: a for a in source.records("articles")}
    items = [
        annotation(source, address, articles.get(item["article"]), claim, number, item)
        for claim in source.records("claims")
        for number, item in enumerate(as_list(claim.get("evidence")), 1)
    ]
    return {
        "@context": CONTEXT,
        "id": address,
        "type": "AnnotationCollection",
        "label": f"{source.title}: evidence for and against its claims",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


PUBLISHED = "annotations.json"  # where the site publishes the collection


def write_annotations(source: ExportInput, filename: str = PUBLISHED) -> dict[str, bytes]:
    """The collection, written to `filename`; its ids are the published collection's address
    (relative to the site, or under --site-url), never the path of the file written."""
    return {filename: json.dumps(collection(source, PUBLISHED), ensure_ascii=False, separators=(",", ":")).encode()}
