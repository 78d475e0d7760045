"""The full-text search page (`search.md`): a form the site's script answers with Pagefind."""

from __future__ import annotations

from ..page import Listing, Pager, RenderedPage
from ..rendering.fulltext import BUNDLE, SEARCH_TITLE
from ..rendering.links import HOME
from ..rendering.parts import Parts
from .index_pages import render_listing

INTRO = (
    "Find a word or a phrase in the text of every article, claim and entity page; each claim found shows its status. "
    "Only the dossier is searched, not the guide for analysts."
)
NAMES_HINT = (
    "Looking for a person, country or organization by name, perhaps misspelt or in another transliteration? "
    "The search box at the top of every page forgives spelling."
)


def render_search(parts: Parts) -> RenderedPage:
    page = Listing(SEARCH_TITLE, INTRO, 1, 1, Pager([]), "")
    return render_listing(parts, "pages/search.html", page, bundle=parts.href(HOME) + BUNDLE + "/", names_hint=NAMES_HINT)
