"""The `dossier` MkDocs plugin: checks the dossier through the core and adds its pages.

A thin adapter. Generated pages reach MkDocs with an empty Markdown source, and their
HTML, rendered by `dossier.site` from untrusted text, replaces the page content after
Python-Markdown has run, so no Markdown extension can re-interpret it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from dossier.article_checks import OutcomeCache
from dossier.captures import BUILD_NOTICES
from dossier.check import check_content, count_articles
from dossier.collector import defer_collections, end_build, restore_collections, restore_now
from dossier.parallel import KeptPool, run_with_pool
from dossier.problems import Problem
from dossier.report import summary_line
from dossier.site.pages.history_pages import FEED, WHATS_NEW_TITLE
from dossier.site.pages.problems_page import TITLE as PROBLEMS_TITLE
from dossier.site.preview.dependencies import fingerprint
from dossier.site.preview.prerender import Expected, Prerendered, SiteSettings, content_state, prerender_wanted
from dossier.site.rendering.csp import add_policy
from dossier.site.rendering.fulltext import IndexedPages
from dossier.site.rendering.html import title_html
from dossier.site.rendering.links import HOME
from dossier.site.rendering.templating import CompiledTemplates, template_error_message
from dossier.site.site import ASSETS, PlannedPage, Site

from .config import DossierConfig
from .exports import DeferredExports, deferred_names, published_now
from .folders import make_folders_ahead
from .fulltext import add_indexed_page, index_fulltext, index_fulltext_later, out_of_search
from .incremental import KNOWN_PLUGINS, IncrementalPreview, context_key, incremental_possible
from .markdownless import without_markdown
from .page_events import PageEvents
from .preview_problems import ProblemsPreview, put_exports_back, set_exports_aside
from .search_worker import use_search_worker
from .sources import is_source
from .theme_memo import use_theme_memo

log = get_plugin_logger(__name__)
ANCHOR_IDS = re.compile(r'\bid="([^"]+)"')
NOT_FOUND_HEADING = "<h1>404 - Not found</h1>"  # the heading of Material's and MkDocs' 404 pages


HOME_TAB = "Overview"  # the home page in the automatic navigation


class DossierPlugin(ProblemsPreview, PageEvents, BasePlugin[DossierConfig]):  # type: ignore[no-untyped-call]  # the same, inherited
    def __init__(self) -> None:
        self.content_dir: Path | None = None
        self.site: Site | None = None
        self.generated_home = False
        # Under `mkdocs serve` a dossier with errors is shown, not raised: every page becomes
        # the problems page (its HTML here), and live reload brings the site back once fixed.
        self.serving = False
        self.check_cache: OutcomeCache | None = None
        self.check_workers: KeptPool | None = None
        self.compiled_templates: CompiledTemplates | None = None
        self.problems_html: str | None = None
        self.problems: tuple[Problem, ...] = ()
        self.last_site: Site | None = None  # the preview's last dossier without errors (preview_problems.py)
        # What the search index gets of each generated page (see _search_view_in).
        self._search_views: dict[str, str] = {}
        self._full_content: dict[str, str | None] = {}
        # Under `mkdocs serve`: rebuilds render only the pages an edit affects (incremental.py).
        self.preview: IncrementalPreview | None = None
        self._tracking = False  # whether this build's pages are rendered through the preview's tracker
        self.settings: SiteSettings | None = None
        # A build's pages rendered, and its exports written, by a second process (prerender.py).
        self.prerendered: Prerendered | None = None
        self.later = DeferredExports()  # the exports written after the pages (exports.py)
        self.checked_state = b""  # the content folder's state when this build checked it (prerender.content_state)
        self.nav: Navigation | None = None  # this build's, for the theme's memo (theme_memo.py)
        # Whether generated pages let go of their HTML once written: only in a build (the
        # preview keeps it) and with plugins known not to read it later (KNOWN_PLUGINS).
        self.releasing = False
        self.indexed_pages: IndexedPages | None = None  # what Pagefind reads of a build's pages (fulltext.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.preview = IncrementalPreview() if self.serving else None
        # Under serve, each rebuild's check reuses the articles' outcomes that an edit left alone.
        self.check_cache = OutcomeCache() if self.serving else None
        self.check_workers = KeptPool() if self.serving else None
        self.compiled_templates = CompiledTemplates() if self.serving else None  # the dossier's and the theme's

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        defer_collections(set_aside=self.serving)  # the first event of every build (collector.py)
        # MkDocs' Dir option has resolved the folder against mkdocs.yml and checked it exists.
        self.content_dir = Path(self.config.content or config.docs_dir).resolve()
        if self.config.content_security_policy and config.theme.name == "material" and config.theme.get("font") is not False:
            # Material loads its fonts from Google by default; the policy allows only the site's
            # own styles, so the theme uses the system fonts instead (privacy, and no errors).
            log.info("content_security_policy: using system fonts instead of Google Fonts (theme.font: false)")
            config.theme["font"] = False
        for asset in ASSETS:
            target = config.extra_css if asset.endswith(".css") else config.extra_javascript
            if asset not in [str(item) for item in target]:
                target.append(asset)
        templates = Path(self.config.custom_templates) if self.config.custom_templates else None
        self.settings = SiteSettings(
            self.content_dir,
            config.use_directory_urls,
            templates,
            config.repo_url or "",
            config.site_url or "",
            self.config.export_path,
            config.site_name,
        )
        self._close_prerendered()
        # Only with plugins known to leave a generated page's HTML alone: the second process's
        # pages reach the build after `on_page_content`, where another plugin might change them.
        known = set(config.plugins) <= KNOWN_PLUGINS
        if known and not self.serving and prerender_wanted(self.content_dir):  # started now: it checks while this process does
            self.prerendered = Prerendered(self.settings)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.content_dir is not None and self.settings is not None
        if self.serving:
            put_exports_back(config.site_dir)  # never missing while this build runs
        # The content as checked: the exports' thread (preview) and the worker must have read the same.
        before = self.checked_state = content_state(self.content_dir) if self.prerendered or self.serving else b""
        # With a prerendering process on the other core, a pool for the check would only compete with it.
        parallel = False if self.prerendered else None
        content, cache = self.content_dir, self.check_cache
        result = run_with_pool(
            lambda executor: check_content(content, executor, cache), count_articles(content), parallel, self.check_workers
        )
        self.site, self.problems_html = None, None
        for problem in result.warnings:
            # Warnings never stop the preview: MkDocs counts every logged warning against
            # `strict: true`, so under serve they are logged as information, marked "warning:";
            # so are captures never fetched from Git LFS (the build works with or without them).
            (log.info if self.serving or problem.code in BUILD_NOTICES else log.warning)(problem.format_text())
        for problem in result.accepted:  # reported, never counted against --strict (acceptance.py)
            log.info(problem.format_text())
        if not result.ok or result.analysis is None or result.dossier is None:
            listing = "\n".join(p.format_text() for p in result.errors)
            if not self.serving:
                raise PluginError(f"the dossier has errors ({summary_line(result.problems)}):\n{listing}")
            return self._show_problems(files, config, result.problems)
        site = self.site = self.settings.site(result.dossier, result.analysis, self.compiled_templates)
        self.last_site = site if self.serving else None
        if self.prerendered is not None:
            self.prerendered.expect(Expected(before, content_state(self.content_dir), fingerprint(site.history), tuple(site.pages)))
        new_files = [
            File.generated(config, output.src_uri, content=output.content, inclusion=self._inclusion(output.page))
            for output in published_now(self._later(), self.settings, site)
        ]

        # A file of the content folder must never be silently replaced by a generated one
        # (`people.md`, `people/index.md`, `dossier.json`, ...): compare where they would land.
        destinations = {f.dest_uri for f in new_files} | deferred_names(self._later(), self.config.export_path)
        taken = []
        for file in list(files):
            if is_source(file, self.content_dir):
                files.remove(file)  # input to the generator, not published as is
            elif file.dest_uri in destinations:
                taken.append(file.src_uri)
        own = Files(list(files))  # the user's own pages and files, and the theme's
        if taken:
            raise PluginError(
                "these files would be replaced by generated pages or files of the same name; rename or remove them: "
                + ", ".join(sorted(taken))
            )
        for file in new_files:
            files.append(file)
        self._keep_unchanged(own, new_files, config)
        if not self.serving:
            make_folders_ahead(file for file in new_files if file.src_uri in site.pages)
        self.generated_home = files.get_file_from_path(HOME) is None
        if self.generated_home:
            files.append(File.generated(config, HOME, content=""))
        return files

    @staticmethod
    def _inclusion(page: PlannedPage | None) -> InclusionLevel:
        return InclusionLevel.NOT_IN_NAV if page is not None and not page.in_nav else InclusionLevel.UNDEFINED

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.compiled_templates is not None:  # the theme's templates, compiled once per preview
            env.bytecode_cache = self.compiled_templates
        known = set(config.plugins) <= KNOWN_PLUGINS
        if self.nav is not None and known:
            use_theme_memo(env, self.nav, config)
        self.releasing = known and not self.serving
        return env

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        if config.nav is None and self.site is not None:
            # Automatic navigation: home first, then the dossier's indexes in reading order.
            order = [HOME, *(uri for uri, page in self.site.pages.items() if page.in_nav)]

            def rank(item: Any) -> int:
                uri = getattr(getattr(item, "file", None), "src_uri", None)
                return order.index(uri) if uri in order else len(order)

            nav.items.sort(key=rank)
            for item in nav.items:
                if isinstance(item, Page) and item.is_homepage:
                    # The home page's own heading is a whole headline; as the first of a dozen
                    # tabs it pushed the last ones off the screen. Its page keeps its heading,
                    # and Material titles the home page with the site's name anyway.
                    item.title = HOME_TAB
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._shows_problems(page):
            page.meta["title"] = PROBLEMS_TITLE
            return without_markdown(page)
        planned = self.site.pages.get(page.file.src_uri) if self.site else None
        if planned is not None:
            page.meta["title"] = title_html(planned.title)
            if planned.search_boost:
                page.meta["search"] = {"boost": planned.search_boost}
            return without_markdown(page)
        if self.generated_home and page.file.src_uri == HOME:
            page.meta["title"] = title_html(config.site_name)
            return without_markdown(page)
        return out_of_search(markdown, page, self.config.search_exclude)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._shows_problems(page) and self.problems_html is not None:
            page.toc = get_toc([])
            return self.problems_html
        return self._with_banner(self._page_content(html, page, config), page)

    def _page_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        if self.site is None:
            return html
        uri = page.file.src_uri
        if uri in self.site.pages:
            # A page the prerendering process renders gets its HTML just before the theme's template (_prerendered_in).
            return "" if self.prerendered is not None else self._use(page, self._render(uri))
        try:
            return self._content(html, page, config)
        except TemplateError as error:  # a custom template that does not fit
            raise PluginError(template_error_message(error, uri)) from None

    def _content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        assert self.site is not None
        uri = page.file.src_uri
        if uri == HOME:
            # The home page the plugin generated has the site's name as its title; an
            # analyst's own home page keeps its text, and the summary follows it.
            if self.generated_home:
                return self.site.home_page(config.site_name)
            summary = self.site.home_summary()
            # Its headings are anchors of the page too: MkDocs gathered the page's anchors
            # from the Markdown alone, and would call a link to `#articles` broken.
            page.present_anchor_ids = (page.present_anchor_ids or set()) | set(ANCHOR_IDS.findall(summary))
            return html + summary
        return html

    def _policy_wanted(self) -> bool:
        # Not in the preview: `mkdocs serve` injects its live-reload script into every page
        # it serves, after the plugin has run, and a policy would block it.
        return bool(self.config.content_security_policy) and not self.serving

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.site is not None and self.site.history.claims:
            # Feed readers find the "What's new" feed from any page.
            link = Markup('<link rel="alternate" type="application/atom+xml" title="{}" href="{}">').format(
                WHATS_NEW_TITLE, get_relative_url(FEED, page.url)
            )
            # str() first: Markup + str would escape the "</head>" it is joined to.
            output = output.replace("</head>", str(link) + "</head>", 1)
        if self.site is not None:
            output = use_search_worker(output, page.url)
        if self._policy_wanted():
            output = add_policy(output, page.content or "")
        if self.indexed_pages is not None:
            add_indexed_page(self.indexed_pages, page, output)
        if self.releasing and self.site is not None and page.file.src_uri in self.site.pages:
            # Nothing reads a generated page's HTML once it is written, but MkDocs keeps every
            # page's to the end of the build: at 10,000 articles, ~0.7 GB of the largest process.
            page.content = None
        return output

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "404.html" and self.problems_html is not None:
            # The preview answers any other address (a claim's, an entity's) with the theme's
            # "not found" page: while the dossier has errors, it lists them too.
            output_content = output_content.replace(NOT_FOUND_HEADING, self.problems_html, 1)
        if not self._policy_wanted() or not template_name.endswith(".html"):
            return output_content
        return add_policy(output_content)

    # ----- the incremental preview (incremental.py) -----

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.later.cancel()  # the last preview build's exports, if still being written: out of date now
        self._close_indexed()
        self.indexed_pages = None if self.serving else IndexedPages()
        if self.serving:
            set_exports_aside(config.site_dir, deferred_names(self.later, self.config.export_path))
        if self.preview is not None:
            self.preview.move_previous_site(config.site_dir)  # before MkDocs empties the site folder

    def _later(self) -> DeferredExports | None:
        """Where the data exports go when MkDocs does not write them with the pages (exports.py)."""
        incremental = self.preview is not None and self.config.incremental_preview
        return self.later if incremental or self.prerendered is not None else None

    def _close_indexed(self) -> None:
        if self.indexed_pages is not None:
            self.indexed_pages.close()
            self.indexed_pages = None

    def _close_prerendered(self) -> None:
        if self.prerendered is not None:
            self.prerendered.close()
            self.prerendered.discard_exports()
            self.prerendered = None

    def _keep_unchanged(self, own: Files, new_files: list[File], config: MkDocsConfig) -> None:
        """Leave out of this build the generated pages whose previous output is still right."""
        self._tracking = False
        if self.preview is None or self.site is None or not self.config.incremental_preview:
            return
        reason = incremental_possible(config)
        if reason:
            log.info(f"the preview renders every page: {reason}")
            return
        context = context_key(config, own, self.site, self.config.custom_templates)
        pages = [file for file in new_files if file.src_uri in self.site.pages]
        kept = self.preview.keep(self.site, context, pages, config)
        self._tracking = kept is not None
        for file in pages:
            if kept and file.src_uri in kept:
                file.inclusion = InclusionLevel.EXCLUDED  # neither read, rendered nor written: its output is in place
        if self.preview.reason:
            log.info(f"the preview renders every page: {self.preview.reason}")

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        indexed = self.site is not None and self.problems_html is None  # the pages are written: Pagefind indexes them
        if indexed and self.indexed_pages is not None:
            index_fulltext(config.site_dir, self.indexed_pages)
        self._close_indexed()
        if self.preview is not None and self._tracking and self.site is not None:
            self.preview.finish(config)
            log.info(f"preview: {self.preview.rendered} generated pages rendered, {len(self.preview.kept)} unchanged and kept")
        if self.serving:  # in a thread, while the preview shows the pages, and while the content is as checked
            end_build()
            content, state = self.content_dir, self.checked_state
            current = lambda: content is None or content_state(content) == state  # noqa: E731
            # The full-text index after the exports: seconds the edited page need not wait for.
            index = index_fulltext_later(config.site_dir) if indexed else None
            self.later.start(config.site_dir, current, lambda still: restore_now(collect=still), index)
        else:
            self.later.publish(self.prerendered, config.site_dir)
            self._close_prerendered()
            restore_collections()

    def on_build_error(self, *, error: Exception) -> None:
        self.later.drop()
        self._close_indexed()
        self._close_prerendered()
        restore_collections(collect_later=self.serving)
        if self.preview is not None:
            self.preview.failed()

    def on_shutdown(self) -> None:
        if self.check_workers is not None:
            self.check_workers.close()
        self.later.cancel()  # MkDocs deletes the preview's site folder next
        self._close_prerendered()
        self._close_indexed()
        if self.preview is not None:
            self.preview.discard_previous(wait=True)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # docs_dir is watched already; a content folder elsewhere must be watched too, and
        # custom templates, so that editing one rebuilds the site.
        if self.content_dir is not None:
            server.watch(str(self.content_dir))
        if self.config.custom_templates:
            server.watch(self.config.custom_templates)
        return server
