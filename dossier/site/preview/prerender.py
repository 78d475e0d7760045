"""Rendering the generated pages and writing the data exports in a second process, while the
build's own process runs the theme's template for each page.

A build does two long things one after the other: the dossier renders its pages' HTML
(`Site.render`), then the theme wraps each page in its template. Both are single-threaded
Python; on a machine with two cores the second one idles. Here a worker process, started
with `spawn` as the check's pool is (parallel.py), checks the content itself, plans the same
site and renders every generated page in the order the build asks for them, then writes the
data exports (dossier.json, dossier.db, ...) into a temporary folder. The build takes each
page's HTML from it when the theme needs it and moves the exports into the site at the end.
The build makes that folder and removes it, whatever the worker did: the worker is stopped
without warning whenever its site is not the build's, and could never clean up after itself.

Why the worker's pages are the build's. A site is a function of the content folder and of
`SiteSettings` (given to the worker as they are): rendering reads nothing else but the claims'
git history. The worker's pages are used only if the content folder was the same, file for
file (path, size, modification time in ns), before and after the build's check and before
and after the worker's, if the git history is the same and if both planned the same pages.
Otherwise, or if the worker fails or stops, the build renders and exports in its own process
from where the worker left off: a page is taken whole or not at all, and the output is
the same (tests/test_prerender.py compares every file of both ways).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import queue
import shutil
import tempfile
import threading
import weakref
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache

from ...check import check_content, count_articles
from ...chunks import worker_count
from ...history import claim_history
from ...model import Analysis, Dossier
from ...parallel import PARALLEL_ENV
from ..page import RenderedPage
from ..site import EXPORT_PATH, Output, Site
from .dependencies import fingerprint

log = logging.getLogger(__name__)

# Below this many articles the worker does not pay back its start-up (an interpreter that
# imports the core, then a check of its own): the build renders in one process.
PRERENDER_MIN_ARTICLES = 300
_BATCH = 64  # pages sent at a time: fewer, larger messages
_AHEAD = 40  # batches rendered ahead of the build at most (~50 MB of pages)


@dataclass(frozen=True)
class SiteSettings:
    """What decides a site's pages besides its content: the build's settings, as the plugin passes them on."""

    content_dir: Path
    directory_urls: bool = True
    custom_templates: Path | None = None
    repo_url: str = ""
    site_url: str = ""
    export_path: str = EXPORT_PATH
    title: str = ""

    def site(self, dossier: Dossier, analysis: Analysis, compiled_templates: BytecodeCache | None = None) -> Site:
        return Site(
            dossier,
            analysis,
            directory_urls=self.directory_urls,
            custom_templates=self.custom_templates,
            history=claim_history(self.content_dir),  # once per build; empty without git
            repo_url=self.repo_url,
            site_url=self.site_url,
            compiled_templates=compiled_templates,
        )

    def outputs(self, site: Site, *, data: bool = True) -> Iterator[Output]:
        return site.outputs(self.export_path, site_url=self.site_url, title=self.title, data=data)

    def data_outputs(self, site: Site) -> Iterator[Output]:
        return site.data_outputs(self.export_path, site_url=self.site_url, title=self.title)


def prerender_wanted(content_dir: Path) -> bool:
    """Whether a build of this content renders in a second process (`DOSSIER_PARALLEL`=0/1 forces it)."""
    forced = {"0": False, "1": True}.get(os.environ.get(PARALLEL_ENV, "").strip())
    if forced is not None:
        return forced
    return worker_count() > 1 and count_articles(content_dir) >= PRERENDER_MIN_ARTICLES


def content_state(content_dir: Path) -> bytes:
    """Every file of the content folder by path, size and modification time: equal states, same content."""
    digest = hashlib.blake2b(digest_size=16)
    for root, dirs, names in os.walk(content_dir):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            try:
                status = os.stat(path)
            except OSError:
                continue  # gone meanwhile: the states differ by its absence
            digest.update(f"{os.path.relpath(path, content_dir)}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.digest()


@dataclass(frozen=True)
class Expected:
    """What the build's own check and plan found, to compare with the worker's."""

    before: bytes
    after: bytes
    history: bytes
    pages: tuple[str, ...]


class Prerendered:
    """The build's side of the worker: its pages, one at a time, and its exports."""

    def __init__(self, settings: SiteSettings, connection: Connection | None = None, folder: Path | None = None) -> None:
        """Starts the worker; or, given `connection`, takes the messages of one already started, writing into `folder`."""
        self._process: Any = None
        self._folder = folder  # the exports' folder, removed by `discard_exports` unless moved into the site
        if connection is None:
            self._folder = Path(tempfile.mkdtemp(prefix="dossier-exports-"))
            context = multiprocessing.get_context("spawn")  # never fork: see parallel.py
            connection, child = context.Pipe(duplex=False)
            arguments = (settings, child, self._folder)
            self._process = context.Process(target=work, args=arguments, name="dossier-prerender", daemon=True)
            self._process.start()
            child.close()
            # An interrupted build (Ctrl-C) never calls `close`: stop the worker and remove the folder at exit.
            self._at_exit: weakref.finalize[Any, Any] | None = weakref.finalize(self, _stop, self._process, self._folder)
        else:
            self._at_exit = None
        self._connection: Connection | None = connection
        self._expected: Expected | None = None
        self._accepted: bool | None = None
        self._pages: dict[str, RenderedPage] = {}
        self._rendered_here: set[str] = set()  # pages the build did not wait for
        self._exports: tuple[Path, list[str]] | None = None

    def expect(self, expected: Expected) -> None:
        self._expected = expected

    def page(self, uri: str, *, wait: bool = False) -> RenderedPage | None:
        """The worker's rendering of a page, or None: the build renders it.

        Without `wait`, a page the worker has not sent yet is not waited for: at the start
        the worker is still checking and planning (it started with the build, then imported
        the core), and the build's process would idle for a second or more. It renders those
        pages itself, the same way, while the worker catches up (it renders a page in a
        third of the time the build takes to process one); the worker's copies of them are dropped.
        """
        while uri not in self._pages and self._accept(wait) and (wait or self._sent()):
            self._take(self._receive())
        found = self._pages.pop(uri, None)
        if found is None:
            self._rendered_here.add(uri)
        return found

    def exports(self) -> tuple[Path, list[str]] | None:
        """The folder the worker wrote the data exports in, and their names; None: the build writes them."""
        while self._exports is None and self._accept():
            self._take(self._receive())
        return self._exports

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process = None

    def discard_exports(self) -> None:
        """Remove the exports' folder and what is left in it (call after `close`: the worker has stopped writing)."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self._exports = None
        if self._at_exit is not None and self._process is None:  # closed too: nothing left to do at exit
            self._at_exit.detach()

    def _sent(self) -> bool:
        """Whether a message from the worker is waiting to be read."""
        try:
            return self._connection is not None and self._connection.poll()
        except (EOFError, OSError):  # the worker has gone: `_receive` says so
            return True

    def _accept(self, wait: bool = True) -> bool:
        """Whether the worker is there and rendered the same site (its plan is waited for, or only taken if sent)."""
        if self._accepted is None and self._connection is not None and self._expected is not None:
            if not wait and not self._sent():
                return False
            message = self._receive()
            expected = self._expected
            mine = (expected.before, expected.before, expected.history, expected.pages)
            self._accepted = message[0] == "ready" and expected.after == expected.before and tuple(message[1:]) == mine
            if not self._accepted:
                self.close()
        return bool(self._accepted) and self._connection is not None

    def _receive(self) -> tuple[Any, ...]:
        assert self._connection is not None
        try:
            message: tuple[Any, ...] = self._connection.recv()
        except (EOFError, OSError):  # the worker has gone
            return ("failed", "the worker has gone")
        return message

    def _take(self, message: tuple[Any, ...]) -> None:
        if message[0] == "pages":
            self._pages.update((uri, page) for uri, page in message[1] if uri not in self._rendered_here)
            return
        if message[0] == "exports" and self._folder is not None:
            self._exports = (self._folder, list(message[1]))
        else:
            log.debug(f"the pages are rendered in the build's process: the worker stopped ({message[1:]})")
            self._accepted = False
        self.close()


def _stop(process: Any, folder: Path) -> None:
    """The worker stopped, then its folder removed (in that order: it could write into it again)."""
    process.terminate()
    process.join()
    shutil.rmtree(folder, ignore_errors=True)


def work(settings: SiteSettings, connection: Connection, folder: Path) -> None:
    """The worker: check, plan, render every page in order, then write the exports into `folder`."""
    try:
        _work(settings, connection, folder)
    except OSError:  # the build stopped listening (it renders the pages itself)
        pass
    except Exception as error:  # any failure: the build renders and exports itself, and reports what fails there
        with suppress(OSError):
            connection.send(("failed", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


def _work(settings: SiteSettings, connection: Connection, folder: Path) -> None:
    before = content_state(settings.content_dir)
    result = check_content(settings.content_dir)
    after = content_state(settings.content_dir)
    if not result.ok or result.dossier is None or result.analysis is None:
        connection.send(("failed", "the dossier has errors"))  # the build reports them
        return
    site = settings.site(result.dossier, result.analysis)
    connection.send(("ready", before, after, fingerprint(site.history), tuple(site.pages)))
    # Pages first, sent by a thread: rendering goes on while the build is busy with the
    # pages before. The exports' thread starts once the pages rendered ahead fill the queue
    # (or all are rendered), and runs while rendering waits for the build to take them.
    sender = _Sender(connection)
    sender.start()
    try:
        names = _render_all(settings, site, sender, folder)
    finally:
        sender.finish()  # before anything else is sent: one writer at a time
    connection.send(("exports", names))


def _render_all(settings: SiteSettings, site: Site, sender: _Sender, folder: Path) -> list[str]:
    """Every page, in order, to the sender; then the exports' names, once written into `folder`."""
    exports = _Exports(settings, site, folder)
    batch: list[tuple[str, RenderedPage]] = []
    for uri in site.pages:
        batch.append((uri, site.render(uri)))
        if len(batch) == _BATCH:
            if sender.pending.full() and exports.ident is None:  # not started yet
                exports.start()
            sender.send(("pages", batch))
            batch = []
    sender.send(("pages", batch))
    if exports.ident is None:
        exports.start()
    exports.join()
    if exports.error is not None:
        raise exports.error
    return exports.names


class _Sender(threading.Thread):
    """Sends the worker's messages in order, from a queue of at most `_AHEAD` of them."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(name="dossier-prerender-sender", daemon=True)
        self.connection = connection
        self.pending: queue.Queue[tuple[Any, ...] | None] = queue.Queue(maxsize=_AHEAD)
        self.error: Exception | None = None

    def send(self, message: tuple[Any, ...]) -> None:
        if self.error is not None:
            raise self.error  # the build stopped listening: no point rendering on
        self.pending.put(message)

    def finish(self) -> None:
        """Send what is queued, then stop; raises what sending raised."""
        self.pending.put(None)
        self.join()
        if self.error is not None:
            raise self.error

    def run(self) -> None:
        while (message := self.pending.get()) is not None:
            if self.error is None:
                try:
                    self.connection.send(message)
                except Exception as error:  # raised again by the worker's main thread
                    self.error = error  # the rest is taken off the queue and dropped


class _Exports(threading.Thread):
    def __init__(self, settings: SiteSettings, site: Site, folder: Path) -> None:
        super().__init__(name="dossier-exports", daemon=True)
        self.settings, self.site, self.folder = settings, site, folder
        self.names: list[str] = []
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.names = [write_output(output, self.folder) for output in self.settings.data_outputs(self.site)]
        except Exception as error:  # raised again by the worker's main thread
            self.error = error


def write_output(output: Output, folder: Path) -> str:
    """Write a data output into `folder`, whole or not at all (readers never see half a file); its name."""
    path = folder / output.src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(output.content.encode("utf-8") if isinstance(output.content, str) else output.content)
    os.replace(partial, path)
    return output.src_uri


def move_exports(folder: Path, names: list[str], site_dir: Path) -> None:
    """Into the site: the worker's exports (renamed where the folders share a disk, copied elsewhere)."""
    for name in names:
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(folder / name), str(target))
    shutil.rmtree(folder, ignore_errors=True)
