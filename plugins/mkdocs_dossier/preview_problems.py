"""The preview (`mkdocs serve`) of a dossier with errors: still a site, never a site of 404s.

While the dossier has errors, the problems are listed on a page of their own (`problems/`, and
the home page when the plugin generates it and there is nothing else to show), and every
other page carries a banner linking to it. The analysts' own pages (the guide) stay readable,
and the generated pages are those of the last version without errors, if the preview has
built one. The data exports of the last build stay in the site while a build runs, so that
dossier.json and dossier.db are never missing (each is then replaced whole, see exports.py).

A mixin of `DossierPlugin` (plugin.py), which holds the state these read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from dossier.problems import Problem
from dossier.report import summary_line
from dossier.site.pages.problems_page import problems_banner, problems_page
from dossier.site.preview.prerender import SiteSettings
from dossier.site.rendering.links import HOME
from dossier.site.site import PlannedPage, Site

from .exports import DeferredExports, published_now
from .incremental import IncrementalPreview
from .sources import is_source

log = get_plugin_logger(__name__)

PROBLEMS_PAGE = "problems.md"
KEPT_EXPORTS = ".dossier-exports"  # hidden: MkDocs' cleaning of the site folder leaves it


class ProblemsPreview:
    config: Any
    site: Site | None
    last_site: Site | None
    settings: SiteSettings | None
    preview: IncrementalPreview | None
    problems_html: str | None
    problems: tuple[Problem, ...]
    generated_home: bool
    _tracking: bool
    content_dir: Path | None
    _problems_url: str = "problems/"

    if TYPE_CHECKING:  # DossierPlugin's own

        def _later(self) -> DeferredExports | None: ...
        @staticmethod
        def _inclusion(page: PlannedPage | None) -> InclusionLevel: ...

    def _templates(self) -> Path | None:
        return Path(self.config.custom_templates) if self.config.custom_templates else None

    def _show_problems(self, files: Files, config: MkDocsConfig, problems: tuple[Problem, ...]) -> Files:
        """The preview of a dossier with errors: a problems page, a banner on every other page,
        and the generated pages of the last version without errors."""
        log.info(f"the dossier has errors ({summary_line(problems)}); the preview lists them at problems/:")
        for problem in problems:
            log.info(problem.format_text())  # information, not errors: `strict: true` must not stop the server
        self.problems_html, self.problems = problems_page(problems, self._templates()), problems
        self._tracking = False
        if self.preview is not None:
            self.preview.failed()  # the next build is a full one
        for file in list(files):
            if is_source(file, self.content_dir):
                files.remove(file)
        own = {file.dest_uri for file in files}
        listing = File.generated(config, PROBLEMS_PAGE, content="")
        self._problems_url = listing.url
        files.append(listing)
        self.site = self.last_site  # None until the preview has built a dossier without errors
        if self.site is not None and self.settings is not None:
            for output in published_now(self._later(), self.settings, self.site):
                generated = File.generated(config, output.src_uri, content=output.content, inclusion=self._inclusion(output.page))
                if generated.dest_uri not in own:
                    files.append(generated)
        self.generated_home = files.get_file_from_path(HOME) is None
        if self.generated_home:
            files.append(File.generated(config, HOME, content=""))
        return files

    def _shows_problems(self, page: Page) -> bool:
        """Whether the page is the list of problems: problems/, or a generated home with no site to show."""
        if self.problems_html is None:
            return False
        uri = page.file.src_uri
        return uri == PROBLEMS_PAGE or (uri == HOME and self.generated_home and self.site is None)

    def _with_banner(self, html: str, page: Page) -> str:
        if self.problems_html is None:
            return html
        href = get_relative_url(self._problems_url, page.url)
        return problems_banner(self.problems, href, self.site is not None, self._templates()) + html


def set_exports_aside(site_dir: str, names: Iterable[str]) -> None:
    """Before MkDocs empties the site folder: the last build's data exports into a hidden folder."""
    kept = Path(site_dir) / KEPT_EXPORTS
    for name in names:
        path = Path(site_dir) / name
        if path.is_file():
            (kept / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, kept / name)


def put_exports_back(site_dir: str) -> None:
    """Right after the emptying: the exports set aside, back in place until this build replaces them."""
    kept = Path(site_dir) / KEPT_EXPORTS
    if not kept.is_dir():
        return
    for path in sorted(kept.rglob("*")):
        if path.is_file():
            target = Path(site_dir) / path.relative_to(kept)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
