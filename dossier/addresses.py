"""Where each generated page lives: its source path (`src_uri`) and the URL MkDocs gives it.

Shared by the site (links between pages) and the data exports (links to pages), so it
belongs to neither: both import it from here.
"""

from __future__ import annotations

from .kinds import KINDS, Kind

HOME = "index.md"
CLAIMS_INDEX = "claims.md"
ARTICLES_INDEX = "articles.md"
SOURCES_INDEX = "sources.md"
TIMELINE = "timeline.md"
DISCREPANCIES = "discrepancies.md"


# Looked up for every link to an entity: the registry's folders, by kind, in a plain dict.
_FOLDER = {spec.kind: spec.folder for spec in KINDS}


def entity_page(kind: Kind, entity_id: str) -> str:
    return f"{_FOLDER[kind]}/{entity_id}.md"


def kind_index(kind: Kind) -> str:
    return f"{_FOLDER[kind]}.md"


def claim_page(claim_id: str) -> str:
    return f"claims/{claim_id}.md"


def article_page(article_id: str) -> str:
    return f"articles/{article_id}.md"


def url_of(src_uri: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page built from `src_uri` (relative to the site root)."""
    stem = src_uri[: -len(".md")]
    if directory_urls:
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"
    return stem + ".html"


def listing_page(first_src: str, number: int, what: str = "page") -> str:
    """Page `number` (from 1) of a long list whose first page is `first_src`.

    Later pages live in a folder named after the first page (`claims.md` → `claims/page/2.md`,
    `people/x.md` → `people/x/claims/2.md`): ids are single path segments, so no entity,
    claim or article page can ever have one of these paths.
    """
    return first_src if number <= 1 else f"{first_src[: -len('.md')]}/{what}/{number}.md"
