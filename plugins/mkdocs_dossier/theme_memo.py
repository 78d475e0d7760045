"""Parts of Material's page template rendered once per folder of pages outside the
navigation, not once per page: the navigation sidebar, the search box, the logo and the
configuration block.

Material writes the whole navigation (`partials/nav.html`), a search box with its labels,
and a configuration block (the `config` block of `base.html`: translations, features, the
search worker's address) into every page. With thousands of generated pages they were
nearly a third of the build's own process (1,000 articles: ~2.3 of 8 s). For a page that
is not itself in the navigation, what Material's templates write there depends on the
page only through addresses made relative to it (the `url` filter, `base_url`): no item of the navigation is the page or
holds it, so none is marked active and no table of contents is opened (`nav-item.html`:
`nav_item == page`, `page in nav_item.pages`). Two pages make the same relative addresses
when they share a parent folder and none of those addresses points inside either page's
own folder: `people/a/` and `people/b/` both reach `claims/` as `../../claims/`. So what
was rendered for the first page of a folder is what every other page of it would get.

Sound only for Material's own templates, which are known to read nothing else of the page:
each memo is used only when the templates it covers are Material's, not a `custom_dir`'s,
and only while the plugins that run are known not to change the navigation page by page (as
the build's second process requires, `incremental.KNOWN_PLUGINS`). A memo lasts one build:
the navigation may change from one preview rebuild to the next. `tests/test_theme_memo.py`
compares every page of sites built with and without them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, TemplateNotFound
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_theme_dir

from .compat.material import MAIN, MEMO_READS, memo_templates_hold

_ORIGINALS = "dossier-theme-memo/original/"  # the theme's own template, under this prefix


def _wrapper(name: str) -> str:
    if name == MAIN:
        return (
            '{% extends "' + _ORIGINALS + MAIN + '" %}{% block config %}{{ dossier_theme_memo.part("config", page, super) }}{% endblock %}'
        )
    return (
        '{%- macro dossier_original() -%}{% include "' + _ORIGINALS + name + '" %}{%- endmacro -%}'
        '{{ dossier_theme_memo.part("' + name + '", page, dossier_original) }}'
    )


class ThemeMemo:
    """The theme's parts (sidebar, search box, logo, configuration block) of each folder's pages, for one build."""

    def __init__(self, nav: Navigation, config: MkDocsConfig) -> None:
        # By identity (pages compare by URL); the pages are held so that no other object can take one's identity.
        self._in_nav = {id(page): page for page in nav.pages}
        # Every address these parts make relative to the page: the links, the home page's,
        # the logo's, and the theme's assets (the search worker's).
        extra_home = config.extra.get("homepage")
        logo = config.theme.get("logo")
        home = nav.homepage.url if nav.homepage else ""
        self._targets = (*_link_targets(nav.items), home, str(extra_home or ""), str(logo or ""), "assets/")
        self._kept: dict[tuple[str, str], Markup] = {}
        self._last: tuple[Page | None, str | None] = (None, None)  # a page's key, asked for by each of its parts

    def key(self, page: Page | None) -> str | None:
        """Which pages share this page's parts, or None when they must be rendered for this page alone."""
        if page is not None and page is self._last[0]:
            return self._last[1]
        key = self._key(page)
        self._last = (page, key)
        return key

    def _key(self, page: Page | None) -> str | None:
        if page is None or id(page) in self._in_nav:
            return None
        url = page.url
        if not url.endswith("/"):  # `people/a.html`: addresses are made from the page's folder
            return "in:" + posixpath.dirname(url)
        # `people/a/`: addresses are made from inside the page's own folder; its siblings
        # make the same ones unless one points into that folder.
        if any(target == url[:-1] or target.startswith(url) for target in self._targets):
            return None
        return "under:" + posixpath.dirname(url[:-1])

    def part(self, part: str, page: Page | None, render: Callable[[], str]) -> Markup:
        """The part as kept for the page's folder, or rendered (and kept) now."""
        key = self.key(page)
        if key is None:
            return Markup(render())
        kept = self._kept.get((part, key))
        if kept is None:
            kept = self._kept[part, key] = Markup(render())
        return kept


def _link_targets(items: Iterable[Any]) -> Iterator[str]:
    for item in items:
        if getattr(item, "children", None):
            yield from _link_targets(item.children)
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url


class _MemoLoader(BaseLoader):
    """The theme's loader, with the memo's wrapper answering for each template it keeps; the
    wrapper renders the theme's own template, under another name, when the memo has nothing."""

    def __init__(self, theme: BaseLoader, wrapped: Iterable[str]) -> None:
        self.theme = theme
        self.wrapped = frozenset(wrapped)

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Any]:
        if template in self.wrapped:
            return _wrapper(template), None, lambda: True
        return self.theme.get_source(environment, template.removeprefix(_ORIGINALS))

    def list_templates(self) -> list[str]:
        return self.theme.list_templates()


def _materials_own(env: Environment, names: Iterable[str]) -> bool:
    assert env.loader is not None
    material = Path(get_theme_dir("material")).resolve()
    for name in names:
        try:
            _, filename, _ = env.loader.get_source(env, name)
        except TemplateNotFound:  # not Material's
            return False
        if filename is None or not Path(filename).resolve().is_relative_to(material):
            return False
    return True


def use_theme_memo(env: Environment, nav: Navigation, config: MkDocsConfig) -> None:
    """Give this build's pages outside the navigation the parts of Material's template that are Material's own once per folder."""
    if config.theme.name != "material" or env.loader is None or isinstance(env.loader, _MemoLoader):
        return
    wrapped = [name for name, reads in MEMO_READS.items() if _materials_own(env, reads) and not memo_templates_hold(env, name)]
    if wrapped:
        env.loader = _MemoLoader(env.loader, wrapped)
        env.globals["dossier_theme_memo"] = ThemeMemo(nav, config)
