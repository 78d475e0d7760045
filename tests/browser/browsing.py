"""Helpers of the browser tests: the browser to use, serving a built site, watching pages, axe.

The browser is `$DOSSIER_CHROMIUM` (default `/usr/bin/chromium`, Debian's package, which
`make test` installs when it can). Without it the browser tests are skipped with the reason,
except under CI=true, where a missing browser is a failure: CI must never pass by skipping.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium")
# The machine has no network but loopback: nothing in the background may try to go out.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return (
            f"no Chromium at {CHROMIUM}: install Debian's package (`apt-get install chromium`; `make test` "
            "does it when run as root) or set DOSSIER_CHROMIUM to a Chromium or Chrome executable"
        )
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as err:
        return f"{err.name} is not installed: pip install -e '.[test]'"
    return None


def require_browser() -> None:
    """Skip the calling test when there is no browser; fail it instead under CI."""
    reason = browser_unavailable()
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"the browser tests cannot run, and CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class Served:
    root: Path
    base: str  # http://127.0.0.1:PORT/

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")


@contextmanager
def serve(root: Path) -> Iterator[Served]:
    """Serve `root` on 127.0.0.1, on a free port, from a thread, for the `with` block."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, name=f"serve {root.name}", daemon=True)
    thread.start()
    try:
        yield Served(root, f"http://127.0.0.1:{httpd.server_address[1]}/")
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@dataclass
class Watch:
    """What went wrong on the pages of a test: console errors, uncaught exceptions, dialogs."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    _watched: set[int] = field(default_factory=set)

    def attach(self, page: Any) -> None:
        if id(page) in self._watched:
            return
        self._watched.add(id(page))

        def on_console(message: Any) -> None:
            if message.type == "error":
                self.errors.append(f"console error on {page.url}: {message.text}")

        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(f"{dialog.type} dialog on {page.url}: {dialog.message!r}")
            dialog.dismiss()

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught exception on {page.url}: {error}"))
        page.on("dialog", on_dialog)


BLOCKING_IMPACTS = ("serious", "critical")


# The axe rules that judge colours: all that can change when only the colour scheme does.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def axe_violations(axe: Any, page: Any, rules: tuple[str, ...] | None = None) -> list[str]:
    """The serious and critical axe-core violations on the page, one line per element (of
    `rules` only, when given: axe-core's `runOnly`)."""
    # Colours are judged as they are drawn: mid-way through a transition (Material fades its
    # tabs and header title out on scroll) they are neither the old nor the new ones.
    # Material starts those fades a moment after the scroll, so on a scrolled page the
    # animations must stay idle for a few polls in a row, not only at the first look.
    settled = "() => document.getAnimations().every(a => a.playState !== 'running')"
    quiet_polls = 3 if page.evaluate("() => window.scrollY > 0") else 1
    quiet = 0
    for _ in range(100):  # polled from here: the pages' policy forbids wait_for_function's eval
        quiet = quiet + 1 if page.evaluate(settled) else 0
        if quiet >= quiet_polls:
            break
        page.wait_for_timeout(100)
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if rules is not None:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    results = axe.run(page, options=options)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in BLOCKING_IMPACTS:
            for node in violation["nodes"]:
                summary = " ".join(node.get("failureSummary", "").split())
                found.append(f"{page.url}: {violation['id']} ({violation['impact']}) at {node['target']}: {summary}")
    return found


# What a test may leave in its context's origins, wiped before the context serves another test
# (sessionStorage goes with the test's pages, which are closed).
LEFT_BEHIND = "cookies,local_storage,indexeddb,websql,service_workers,cache_storage,file_systems,shared_storage"
# The page that keeps an origin's renderer process alive between tests: the server's "not
# found" page, which runs no script and stores nothing.
KEEPER_PATH = "/dossier-tests-keep-this-origin-open"


@dataclass
class _Shared:
    context: Any
    watch: Watch
    origins: set[str] = field(default_factory=set)
    keepers: dict[str, Any] = field(default_factory=dict)  # origin -> its keeper page
    opening_keeper: bool = False


class BrowserContexts:
    """The browser's contexts, one per set of context options, lent to one test at a time.

    A page in a new context cost 1.5-2 CPU-seconds more than one in a context that already
    shows the site: Chromium starts a renderer process for the site's origin and reads and
    compiles Material's style sheets and scripts again. Over the ~150 pages the browser
    tests open, minutes of CPU. So a context is kept for the next test with the same options,
    with one page per origin it has shown (its keeper: the server's "not found" page, which
    keeps the origin's renderer process and caches warm), and only that: when a test ends,
    every other page is closed, and every origin shown loses its cookies and storage (`wipe`);
    tests/browser/test_browser_isolation.py checks it. A test still sees the site as a reader
    returning to it with a cleared browser would. A test changes its own pages only, never the
    context they are in (no context init scripts, headers or offline mode): the next test's
    context is the same one. Routes set on it are taken away with the test's pages."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.shared: dict[str, _Shared] = {}

    def page(self, watch: Watch, **options: Any) -> tuple[Any, Any]:
        """(a new page, its context) for a test watched by `watch`, in the context of `options`."""
        key = repr(sorted(options.items()))
        shared = self.shared.get(key)
        if shared is None:
            context = self.browser.new_context(**options)
            context.set_default_timeout(15_000)
            shared = self.shared[key] = _Shared(context, watch)
            context.on("page", lambda page: self._watch(shared, page))  # and pages the site opens
        shared.watch = watch
        page = shared.context.new_page()
        self._watch(shared, page)
        return page, shared.context

    def _watch(self, shared: _Shared, page: Any) -> None:
        if shared.opening_keeper or page in shared.keepers.values():
            return
        shared.watch.attach(page)
        page.on("framenavigated", lambda frame: shared.origins.add(_origin(frame.url)))

    def test_pages(self, context: Any) -> list[Any]:
        """The context's pages but its keepers."""
        keepers = self._shared(context).keepers.values()
        return [page for page in context.pages if page not in keepers]

    def wipe(self, context: Any) -> None:
        """Close the pages a test opened in `context` and clear what they stored, for the next test."""
        shared = self._shared(context)
        for origin in sorted(origin for origin in shared.origins - set(shared.keepers) if origin.startswith("http")):
            shared.opening_keeper = True
            try:
                keeper = shared.keepers[origin] = context.new_page()
            finally:
                shared.opening_keeper = False
            keeper.goto(origin + KEEPER_PATH)
        for page in self.test_pages(context):
            page.close()
        if shared.keepers:
            session = context.new_cdp_session(next(iter(shared.keepers.values())))
            for origin in shared.keepers:
                session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": LEFT_BEHIND})
            session.detach()
        context.unroute_all()
        context.clear_cookies()
        context.clear_permissions()

    def _shared(self, context: Any) -> _Shared:
        return next(entry for entry in self.shared.values() if entry.context is context)

    def close(self) -> None:
        for shared in self.shared.values():
            shared.context.close()


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}" if rest else url
