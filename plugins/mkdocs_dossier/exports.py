"""When the data exports (dossier.json, dossier.db, dossier.ftm.json, annotations.json, the
feed) reach the site folder.

By default, with the pages: MkDocs writes them as generated files. Two cases write them after
the pages instead, into the site folder directly:
- the incremental preview: computing them takes seconds (as long as the rest of a rebuild)
  and no page shows them, so a thread writes them once the build is done. Until then they
  are missing, never an older version: the previous build's were moved aside with the rest
  of its site. First, if the content is still the one the build checked, the thread gives
  the collector its full collection (dossier/collector.py). The exports are out of date as
  soon as the content changes, and the next build writes its own: the thread stops before its
  next export when the content folder is no longer the one the build checked, or when a new
  build starts (which waits only for the export being written: whole or absent,
  `write_output`). Both take seconds at 10,000 articles, holding the interpreter: MkDocs'
  file watcher, starved meanwhile, noticed a save up to ~7 s late, and the next build waited
  for all the exports.
- a build whose pages a second process renders (dossier/site/preview/prerender.py): that process
  writes them too, and they are moved into the site at the end of the build; if it did not,
  the build writes them itself then.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from dossier.formats import FORMATS
from dossier.site.pages.history_pages import FEED
from dossier.site.preview.prerender import Prerendered, SiteSettings, move_exports, write_output
from dossier.site.site import Output, Site

log = get_plugin_logger(__name__)
WRITE_AFTER = 1.5  # seconds after a preview build: the browser has reloaded the page by then


class DeferredExports:
    """The data exports of a build, written after its pages (see the module's docstring)."""

    def __init__(self) -> None:
        self._pending: Iterator[Output] | None = None
        self._thread: threading.Timer | None = None
        self._cancelled = threading.Event()

    def defer(self, outputs: Iterator[Output]) -> None:
        self._pending = outputs

    def drop(self) -> None:
        self._pending = None

    def start(
        self,
        site_dir: str,
        current: Callable[[], bool],
        collect: Callable[[bool], None],
        then: Callable[[threading.Event], None] | None = None,
    ) -> None:
        """In a thread, a moment later (the browser reloads the page the moment the build ends,
        and the thread would hold up the server answering it): `collect(current())`, then the
        exports written while `current()`, then `then(cancelled)` (the full-text index) if all were."""
        outputs, self._pending = self._pending, None
        self._cancelled = threading.Event()  # this thread's own: a cancelled one may still be finishing
        arguments = (outputs, Path(site_dir), self._cancelled, current, collect, then)
        self._thread = threading.Timer(WRITE_AFTER, _write_logged, args=arguments)
        self._thread.name, self._thread.daemon = "dossier-exports", True
        self._thread.start()

    def wait(self) -> None:
        """Until every export of the last preview build is written."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def cancel(self) -> None:
        """Stop writing the last preview build's exports: those not started are not computed at all;
        returns once the one being written, if any, is whole."""
        if self._thread is not None:
            self._cancelled.set()
            self._thread.cancel()  # not started yet: it never starts
            self.wait()

    def publish(self, prerendered: Prerendered | None, site_dir: str) -> None:
        """At the end of a build: the prerendering process's exports, or else written here and now."""
        found = prerendered.exports() if prerendered is not None else None
        outputs, self._pending = self._pending, None
        if found is not None:
            move_exports(*found, Path(site_dir))
        elif outputs is not None:
            _write(outputs, Path(site_dir))


def _write(outputs: Iterator[Output], site_dir: Path, current: Callable[[], bool] = lambda: True) -> bool:
    """Write each output, while `current()`: whether all were written. Each output is computed
    when taken from the iterator: one not written is never computed."""
    while current():
        output = next(outputs, None)
        if output is None:
            return True
        write_output(output, site_dir)
    return False


def _write_logged(
    outputs: Iterator[Output] | None,
    site_dir: Path,
    cancelled: threading.Event,
    current: Callable[[], bool],
    collect: Callable[[bool], None],
    then: Callable[[threading.Event], None] | None = None,
) -> None:
    still = current()
    collect(still)

    def going() -> bool:
        return not cancelled.is_set() and current()

    try:
        written = still and (outputs is None or _write(outputs, site_dir, going))
        if written and then is not None and going():
            then(cancelled)
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
