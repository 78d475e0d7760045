"""When the data exports (dossier.json, dossier.db, dossier.ftm.json, annotations.json, the
feed) reach the site folder.

By default, with the pages: MkDocs writes them as generated files. Two cases write them after
the pages instead, into the site folder directly:
- the incremental preview: computing them takes seconds (as long as the rest of a rebuild)
  and no page shows them, so a thread writes them once the build is done. Until then they
  are missing, never an older version: the previous build's were moved aside with the rest
  of its site. A build that starts before they are all written cancels the rest (they would
  be out of date, and the new build writes its own): it waits only for the one being written,
  which is whole or absent (`write_output`). An analyst who saves twice in a row waits for
  one export at most (~4 s at 10,000 articles) rather than for all of them (~11 s).
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
        self._thread: threading.Timer | None = None
        self._cancelled = threading.Event()

    def defer(self, outputs: Iterator[Output]) -> None:
        self._pending = outputs

    def drop(self) -> None:
        self._pending = None

    def start(self, site_dir: str) -> None:
        """Write them in a thread (the preview), a moment later: the browser reloads the page
        the moment the build ends, and the thread would hold up the server answering it."""
        outputs, self._pending = self._pending, None
        if outputs is not None:
            self._cancelled = threading.Event()  # this thread's own: a cancelled one may still be finishing
            self._thread = threading.Timer(WRITE_AFTER, _write_logged, args=(outputs, Path(site_dir), self._cancelled))
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


def _write(outputs: Iterator[Output], site_dir: Path, cancelled: threading.Event | None = None) -> None:
    # Each output is computed when taken from the iterator: a cancelled one is never computed.
    while not (cancelled is not None and cancelled.is_set()):
        output = next(outputs, None)
        if output is None:
            return
        write_output(output, site_dir)


def _write_logged(outputs: Iterator[Output], site_dir: Path, cancelled: threading.Event) -> None:
    try:
        _write(outputs, site_dir, cancelled)
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
