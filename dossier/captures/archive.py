"""Asking the Internet Archive to save a page (Save Page Now), through `savepagenow`.

`savepagenow` always talks to https://web.archive.org. The endpoint can be given (a test
points it at a local server, `DOSSIER_SAVE_PAGE_NOW` does the same for the command): the
requests savepagenow makes are then sent there instead, and its own reading of the answer
(errors, the archived copy's address) is what we use either way.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import requests

from . import user_agent

SAVE_PAGE_NOW = "https://web.archive.org"
_swap = threading.Lock()


class ArchiveError(Exception):
    pass


def archive_endpoint() -> str:
    return os.environ.get("DOSSIER_SAVE_PAGE_NOW") or SAVE_PAGE_NOW


def archive_page(url: str, endpoint: str | None = None, timeout: int = 120) -> str:
    """The address of the archived copy of `url`; raises `ArchiveError` with what went wrong."""
    import savepagenow  # type: ignore[import-untyped]
    from savepagenow import exceptions

    endpoint = (endpoint or archive_endpoint()).rstrip("/")
    try:
        with _sent_to(endpoint):
            archived = savepagenow.capture(url, user_agent=user_agent(), accept_cache=True, timeout=timeout)
    except exceptions.BlockedByRobots:
        raise ArchiveError("the Internet Archive may not save this page (the site's robots.txt forbids it)") from None
    except exceptions.TooManyRequests:
        raise ArchiveError("the Internet Archive asks to wait before saving more pages: try again later with --archive") from None
    except requests.Timeout:
        raise ArchiveError(f"the Internet Archive did not answer within {timeout} seconds") from None
    except requests.RequestException as error:
        raise ArchiveError(f"cannot reach the Internet Archive: {type(error).__name__}") from None
    except (
        exceptions.WaybackRuntimeError,
        exceptions.Forbidden,
        exceptions.BadGateway,
        exceptions.UnknownError,
        exceptions.Unauthorized,
    ) as error:
        raise ArchiveError(f"the Internet Archive refused to save the page ({type(error).__name__})") from None
    return str(archived)


class _Redirected:
    """The part of `requests` savepagenow uses, with its requests sent to another endpoint."""

    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint

    def get(self, url: str, **options: Any) -> requests.Response:
        return requests.get(url.replace(SAVE_PAGE_NOW, self.endpoint, 1), **options)


@contextmanager
def _sent_to(endpoint: str) -> Iterator[None]:
    if endpoint == SAVE_PAGE_NOW:
        yield
        return
    from savepagenow import api

    with _swap:  # one at a time: the module's `requests` is swapped while savepagenow runs
        kept = api.requests
        api.requests = _Redirected(endpoint)
        try:
            yield
        finally:
            api.requests = kept
