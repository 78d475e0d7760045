"""When the data exports (dossier.json, dossier.db, dossier.ftm.json, annotations.json, the
feed) reach the site folder.

By default, with the pages: MkDocs writes them as generated files. Two cases write them after
the pages instead, into the site folder directly:
- the incremental preview: computing them takes seconds (as long as the rest of a rebuild)
  and no page shows them, so a thread writes them once the build is done. Until then they
  are missing, never an older version: the previous build's were moved aside with the rest
  of its site. The next build waits for the thread before it starts.
- a build whose pages a second process renders (dossier/site/prerender.py): that process
  writes them too, and they are moved into the site at the end of the build; if it did not,
  the build writes them itself then.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from dossier.formats import FORMATS
from dossier.site.history_pages import FEED
from dossier.site.prerender import Prerendered, SiteSettings, move_exports, write_output
from dossier.site.site import Output, Site

log = get_plugin_logger(__name__)
WRITE_AFTER = 0.5  # seconds after a preview build


class DeferredExports:
    """The data exports of a build, written after its pages (see the module's docstring)."""

    def __init__(self) -> None:
        self._pending: Iterator[Output] | None = None
        self._thread: threading.Thread | None = None

    def defer(self, outputs: Iterator[Output]) -> None:
        self._pending = outputs

    def drop(self) -> None:
        self._pending = None

    def start(self, site_dir: str) -> None:
        """Write them in a thread (the preview), a moment later: the browser reloads the page
        the moment the build ends, and the thread would hold up the server answering it."""
        outputs, self._pending = self._pending, None
        if outputs is not None:
            self._thread = threading.Timer(WRITE_AFTER, _write_logged, args=(outputs, Path(site_dir)))
            self._thread.name, self._thread.daemon = "dossier-exports", True
            self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def publish(self, prerendered: Prerendered | None, site_dir: str) -> None:
        """At the end of a build: the prerendering process's exports, or else written here and now."""
        found = prerendered.exports() if prerendered is not None else None
        outputs, self._pending = self._pending, None
        if found is not None:
            move_exports(*found, Path(site_dir))
        elif outputs is not None:
            _write(outputs, Path(site_dir))


def _write(outputs: Iterator[Output], site_dir: Path) -> None:
    for output in outputs:
        write_output(output, site_dir)


def _write_logged(outputs: Iterator[Output], site_dir: Path) -> None:
    try:
        _write(outputs, site_dir)
    except Exception as error:  # a thread's exception would only reach stderr: log it where the preview's messages are
        log.error(f"the preview could not write the data exports: {error}")


def published_now(later: DeferredExports | None, settings: SiteSettings, site: Site) -> Iterator[Output]:
    """The site's outputs that MkDocs writes with the pages; the data exports are left to `later`, if given."""
    if later is None:
        yield from settings.outputs(site)
        return
    yield from settings.outputs(site, data=False)
    later.defer(settings.data_outputs(site))  # not computed until written


def deferred_names(later: DeferredExports | None, export_path: str) -> set[str]:
    """The names published_now leaves for later."""
    if later is None:
        return set()
    return {export_path, FEED, *(data_format.filename for data_format in FORMATS.values())}
