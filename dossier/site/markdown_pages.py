"""The site as Markdown files: a docs folder that any MkDocs-like generator builds without our plugin.

`dossier pages` (dossier/pages_command.py) writes it. There is one road to a page's HTML:
each page is `Site.render`'s HTML, the same as the plugin's, in one raw HTML block under a
front matter with its title; the assets and data exports are `Site.outputs`' own, which the
plugin publishes too. What differs is only what the plugin does through the generator: a
generic generator builds the page's table of contents from Markdown headings (these pages
have none), indexes the whole page for search (the plugin indexes a short view of it; pages
it keeps out of the index are excluded here too), and adds no Content-Security-Policy.

Links. Generators read a Markdown page's relative links from the page's source file (Zensical
rewrites them in raw HTML too: `../b/x/` becomes `../../b/x/` in a directory URL). The pages
are therefore rendered for URLs without directories (`claims/x.html`), where a link relative
to the page's URL is also relative to its source file (`claims/x.md`), for every generator:
the configuration written with them says `use_directory_urls: false`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import PurePosixPath

from jinja2 import TemplateError
from markupsafe import Markup

from .page import RenderedPage
from .preview.prerender import SiteSettings
from .rendering.html import title_html
from .rendering.links import HOME
from .rendering.templating import template_error_message
from .site import ASSETS, Output, PlannedPage, Site


class PageError(Exception):
    """A page that could not be rendered: the message names the template, its line and the page."""


HOME_TITLE = "Overview"  # the home page in the navigation, as the plugin names it
PAGE_TEMPLATE = "pages/markdown_page.html"


def front_matter(title: str, search_boost: float | None = None, unsearched: bool = False) -> str:
    """YAML front matter: the title as the generator's templates print it (escaped, see title_html),
    and Material's (and Zensical's) search settings: the page's boost, or its exclusion."""
    # A JSON string is a YAML double-quoted scalar: any title, whatever its colons or quotes.
    lines = ["---", f"title: {json.dumps(title_html(title), ensure_ascii=False)}"]
    if unsearched:
        lines.append("search:\n  exclude: true")
    elif search_boost:
        lines.append(f"search:\n  boost: {search_boost}")
    return "\n".join([*lines, "---", "", ""])


def page_markdown(site: Site, page: PlannedPage, rendered: RenderedPage) -> str:
    """A generated page as a Markdown file: front matter, then its HTML in one block."""
    body = site.templates.render(PAGE_TEMPLATE, html=Markup(rendered.html))
    # A page the plugin keeps out of the search index (its search view is empty: the later
    # pages of long lists) is excluded here too; the others are indexed whole.
    return front_matter(page.title, page.search_boost, rendered.search == "") + body + "\n"


def home_markdown(site: Site, site_name: str, own_home: str | None) -> str:
    """The home page: the content folder's own `index.md` followed by the summary, or the plugin's generated one."""
    if own_home is None:
        body = site.templates.render(PAGE_TEMPLATE, html=Markup(site.home_page(site_name)))
        return front_matter(site_name) + body + "\n"
    summary = site.templates.render(PAGE_TEMPLATE, html=Markup(site.home_summary()))
    return own_home.rstrip("\n") + "\n\n" + summary + "\n"


def markdown_site(settings: SiteSettings, site: Site, site_name: str, own_home: str | None) -> Iterator[Output]:
    """Every file the site adds, pages as Markdown: the plugin's outputs (`SiteSettings.outputs`), each page rendered.

    `own_home` is the text of the content folder's `index.md`, if it has one.
    """
    yield Output(HOME, home_markdown(site, site_name, own_home))
    for output in settings.outputs(site):
        if output.page is None:
            yield output
            continue
        try:
            rendered = site.render(output.src_uri)
        except TemplateError as error:  # a custom template that does not fit
            raise PageError(template_error_message(error, output.src_uri)) from None
        yield Output(output.src_uri, page_markdown(site, output.page, rendered))


def navigation(site: Site, own_pages: list[str]) -> list[object]:
    """The navigation as MkDocs' `nav` setting: home, the dossier's indexes in reading order, then the content's own pages.

    The content's own pages are grouped by their first folder, as MkDocs' automatic navigation does.
    """
    nav: list[object] = [{HOME_TITLE: HOME}]
    nav += [{page.title: uri} for uri, page in site.pages.items() if page.in_nav]
    sections: dict[str, list[object]] = {}
    for uri in sorted(own_pages):
        if uri == HOME:
            continue
        parts = PurePosixPath(uri).parts
        if len(parts) == 1:
            nav.append(uri)
        else:
            if parts[0] not in sections:
                sections[parts[0]] = []
                nav.append({parts[0].replace("-", " ").replace("_", " ").capitalize(): sections[parts[0]]})
            sections[parts[0]].append(uri)
    return nav


def off_nav(site: Site) -> str:
    """The generated pages left out of the navigation, as MkDocs' `not_in_nav` patterns: their
    folders, and the pages of the top folder by name."""
    hidden = [uri for uri, page in site.pages.items() if not page.in_nav]
    patterns = sorted({f"/{uri.split('/', 1)[0]}/" if "/" in uri else f"/{uri}" for uri in hidden})
    return "".join(f"{pattern}\n" for pattern in patterns)


def generator_config(site_name: str, site_url: str, nav: list[object], not_in_nav: str) -> dict[str, object]:
    """A configuration for MkDocs, ProperDocs or Zensical without our plugin (they all read `mkdocs.yml`)."""
    config: dict[str, object] = {"site_name": site_name}
    if site_url:
        config["site_url"] = site_url
    config.update(
        docs_dir="docs",
        site_dir="site",
        use_directory_urls=False,  # see the module's docstring: links are the same for every generator
        theme={"name": "material", "font": False, "features": ["navigation.tabs", "navigation.top"]},
        extra_css=[asset for asset in ASSETS if asset.endswith(".css")],
        extra_javascript=[asset for asset in ASSETS if asset.endswith(".js")],
        markdown_extensions=["admonition", "attr_list", "tables", {"toc": {"permalink": True}}],
        nav=nav,
        not_in_nav=not_in_nav,  # entity, claim and article pages: reached from the indexes, like the plugin's
    )
    return config
