"""The `dossier` MkDocs plugin: checks the dossier through the core and adds its pages.

A thin adapter. Generated pages reach MkDocs with an empty Markdown source, and their
HTML, rendered by `dossier.site` from untrusted text, replaces the page content after
Python-Markdown has run, so no Markdown extension can re-interpret it.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from dossier.check import check_content
from dossier.export import export
from dossier.formats import FORMATS, SiteAddress, export_input
from dossier.load import ARTICLES_FOLDER, CLAIMS_FILE, CLAIMS_FOLDER
from dossier.report import summary_line
from dossier.site.csp import add_policy
from dossier.site.html import title_html
from dossier.site.links import HOME
from dossier.site.page import TocEntry
from dossier.site.site import ASSETS, Site

log = get_plugin_logger(__name__)


class DossierConfig(Config):
    content = c.Optional(c.Type(str))
    """The content folder, relative to mkdocs.yml. Default: the docs_dir."""
    export_path = c.Type(str, default="dossier.json")
    """Where the export (the derived data as JSON) is published in the site."""
    content_security_policy = c.Type(bool, default=True)
    """Give every page a Content-Security-Policy allowing only the site's own scripts and styles."""


def _toc_tokens(entries: tuple[TocEntry, ...]) -> list[dict[str, Any]]:
    """Nest a flat list of headings the way the Markdown `toc` extension does."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for entry in entries:
        token = {"level": entry.level, "id": entry.id, "name": entry.title, "children": []}
        while stack and stack[-1]["level"] >= entry.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self) -> None:
        self.content_dir: Path | None = None
        self.site: Site | None = None
        self.generated_home = False
        # What the search index gets of each generated page (see _search_view_in).
        self._search_views: dict[str, str] = {}
        self._full_content: dict[str, str | None] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").parent
        configured = self.config.content
        self.content_dir = (base / configured).resolve() if configured else Path(config.docs_dir).resolve()
        if self.config.content_security_policy and config.theme.name == "material" and config.theme.get("font") is not False:
            # Material loads its fonts from Google by default; the policy allows only the site's
            # own styles, so the theme uses the system fonts instead (privacy, and no errors).
            log.info("content_security_policy: using system fonts instead of Google Fonts (theme.font: false)")
            config.theme["font"] = False
        for asset in ASSETS:
            target = config.extra_css if asset.endswith(".css") else config.extra_javascript
            if asset not in [str(item) for item in target]:
                target.append(asset)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.content_dir is not None
        result = check_content(self.content_dir)
        for problem in result.warnings:
            log.warning(problem.format_text())
        if not result.ok or result.analysis is None or result.dossier is None:
            listing = "\n".join(p.format_text() for p in result.errors)
            raise PluginError(f"the dossier has errors ({summary_line(result.problems)}):\n{listing}")
        site = self.site = Site(result.dossier, result.analysis, directory_urls=config.use_directory_urls)

        new_files = [
            File.generated(
                config,
                page.src_uri,
                content="",
                inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV,
            )
            for page in site.pages.values()
        ]
        assets = resources.files("dossier").joinpath("site", "assets")
        new_files += [File.generated(config, a, content=assets.joinpath(Path(a).name).read_bytes()) for a in ASSETS]
        # Compact: at 10,000 articles the export is ~35 MB, and indenting would make it a third
        # larger and three times slower to write (json's C encoder is used only without indent).
        exported = export(result.dossier, result.analysis)
        payload = json.dumps(exported, ensure_ascii=False, separators=(",", ":"))
        new_files.append(File.generated(config, self.config.export_path, content=payload))
        # The same data for other tools (dossier.formats): Datasette, FollowTheMoney, Web Annotations.
        source = export_input(result.dossier, exported, SiteAddress(config.site_url or "", config.use_directory_urls), config.site_name)
        for data_format in FORMATS.values():
            new_files += [File.generated(config, name, content=data) for name, data in data_format.write(source).items()]

        # A file of the content folder must never be silently replaced by a generated one
        # (`people.md`, `people/index.md`, `dossier.json`, ...): compare where they would land.
        destinations = {f.dest_uri for f in new_files}
        taken = []
        for file in list(files):
            if self._is_source(file):
                files.remove(file)  # input to the generator, not published as is
            elif file.dest_uri in destinations:
                taken.append(file.src_uri)
        if taken:
            raise PluginError(
                "these files would be replaced by generated pages or files of the same name; rename or remove them: "
                + ", ".join(sorted(taken))
            )
        for file in new_files:
            files.append(file)
        self.generated_home = files.get_file_from_path(HOME) is None
        if self.generated_home:
            files.append(File.generated(config, HOME, content=""))
        return files

    def _is_source(self, file: File) -> bool:
        if not file.abs_src_path or self.content_dir is None:
            return False
        try:
            relative = Path(file.abs_src_path).resolve().relative_to(self.content_dir).as_posix()
        except ValueError:
            return False
        return relative == CLAIMS_FILE or relative.startswith((CLAIMS_FOLDER + "/", ARTICLES_FOLDER + "/"))

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if config.nav is None and self.site is not None:
            # Automatic navigation: home first, then the dossier's indexes in reading order.
            order = [HOME, *(uri for uri, page in self.site.pages.items() if page.in_nav)]

            def rank(item: Any) -> int:
                uri = getattr(getattr(item, "file", None), "src_uri", None)
                return order.index(uri) if uri in order else len(order)

            nav.items.sort(key=rank)
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        planned = self.site.pages.get(page.file.src_uri) if self.site else None
        if planned is not None:
            page.meta["title"] = title_html(planned.title)
            if planned.search_boost:
                page.meta["search"] = {"boost": planned.search_boost}
            return ""
        if self.generated_home and page.file.src_uri == HOME:
            page.meta["title"] = title_html(config.site_name)
            return ""
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.site is None:
            return html
        uri = page.file.src_uri
        if uri in self.site.pages:
            rendered = self.site.render(uri)
            page.toc = get_toc(_toc_tokens(rendered.toc))  # type: ignore[arg-type]
            if rendered.search is not None:
                self._search_views[uri] = rendered.search
            return rendered.html
        if uri == HOME:
            summary = self.site.home_summary()
            if self.generated_home:
                return f"<h1>{title_html(config.site_name)}</h1>{summary}"
            return html + summary
        return html

    # The search plugin indexes `page.content` in its `on_page_context` (at the default
    # priority, 0). For a generated page it is given, just for that moment, the page's
    # search view: its title and the words a reader looks it up by (an entity's name and
    # aliases, an article's title), not its evidence, tables and article text. Indexed
    # whole, 45,000 pages of a large dossier would make a search index of ~150 MB, which
    # no browser loads; and parsing every page's HTML was the largest cost of a build.
    @event_priority(50)
    def _search_view_in(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        view = self._search_views.pop(page.file.src_uri, None)
        if view is not None:
            self._full_content[page.file.src_uri] = page.content
            page.content = view
        return context

    @event_priority(-50)
    def _search_view_out(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        uri = page.file.src_uri
        if uri in self._full_content:
            page.content = self._full_content.pop(uri)
        return context

    on_page_context = CombinedEvent(_search_view_in, _search_view_out)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.content_security_policy:
            return output
        return add_policy(output, page.content or "")

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if not self.config.content_security_policy or not template_name.endswith(".html"):
            return output_content
        return add_policy(output_content)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # docs_dir is watched already; a content folder elsewhere must be watched too.
        if self.content_dir is not None:
            server.watch(str(self.content_dir))
        return server
