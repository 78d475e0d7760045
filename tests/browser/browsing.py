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
