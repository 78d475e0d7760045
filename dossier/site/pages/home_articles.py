"""The home page's list of sources: the dossier's articles, each linked to its page."""

from __future__ import annotations

from typing import NamedTuple

from ...dates import sort_key
from ...model import Article, DateValue
from ..rendering.links import ARTICLES_INDEX, article_page
from ..rendering.parts import Link, Parts

# Newest first, up to this many: at 10,000 articles the home page would be the articles
# index again. The articles index lists them all, and the list links to it.
HOME_ARTICLES = 100


class HomeArticle(NamedTuple):
    link: Link  # its page, labelled with its title
    outlet: str
    published: DateValue | None
    authors: tuple[str, ...]


class HomeArticles(NamedTuple):
    items: list[HomeArticle]
    total: int
    index_href: str  # the articles index


def _newest_first(articles: list[Article]) -> list[Article]:
    dated = [a for a in articles if a.published is not None]
    dated.sort(key=lambda a: (sort_key(a.published), a.id), reverse=True)  # type: ignore[arg-type]
    undated = sorted((a for a in articles if a.published is None), key=lambda a: (a.title.casefold(), a.id))
    return dated + undated


def home_articles(parts: Parts) -> HomeArticles:
    """The articles, newest first (undated last), each linked to its page with its outlet and date."""
    articles = list(parts.data.dossier.articles.values())
    items = [
        HomeArticle(Link(parts.href(article_page(a.id)), a.title), a.outlet, a.published, a.authors)
        for a in _newest_first(articles)[:HOME_ARTICLES]
    ]
    return HomeArticles(items, len(articles), parts.href(ARTICLES_INDEX))
