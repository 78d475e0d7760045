"""Fetching a page over HTTP as it was served: every hop of its redirects, bytes as received.

Redirects are followed here, one request at a time, so that each hop (its status, headers
and body as served) can be written into the WARC. The body is read without undoing its
`Content-Encoding`: the capture keeps, and its digest covers, the payload as served.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

import requests
import urllib3

from . import user_agent

CONNECT_TIMEOUT = 10.0  # seconds to connect
READ_TIMEOUT = 30.0  # seconds of silence while reading
MAX_REDIRECTS = 10
MAX_BYTES = 30 * 1024 * 1024  # a news page is well under this
_CHUNK = 64 * 1024
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
ACCEPT_ENCODING = "gzip, deflate"  # only what warc.py can undo when it reads the capture back


@dataclass(frozen=True)
class Hop:
    """One response on the way: a redirect, or the final page."""

    url: str
    status: int
    reason: str
    protocol: str  # HTTP/1.1
    headers: tuple[tuple[str, str], ...]  # as received, but for Transfer-Encoding (the body is kept de-chunked)
    payload: bytes  # the body as served (its Content-Encoding not undone)
    request_headers: tuple[tuple[str, str], ...] = field(default=())

    def header(self, name: str) -> str:
        return next((value for key, value in self.headers if key.lower() == name.lower()), "")


@dataclass(frozen=True)
class Fetched:
    requested: str
    hops: tuple[Hop, ...]  # the redirects in order, then the final response

    @property
    def final(self) -> Hop:
        return self.hops[-1]

    @property
    def redirects(self) -> tuple[Hop, ...]:
        return self.hops[:-1]


class FetchError(Exception):
    """The page could not be fetched: `kind` is "timeout" or "network" (no answer), "too-large" or "redirects"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Client:
    """How pages are fetched; a test may shorten the timeouts."""

    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    max_bytes: int = MAX_BYTES

    def fetch(self, url: str) -> Fetched:
        """The page at `url`, following redirects; raises `FetchError`. A 4xx or 5xx answer is a page too."""
        hops: list[Hop] = []
        current = url
        with requests.Session() as session:
            session.headers.update({"User-Agent": user_agent(), "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING})
            for _ in range(MAX_REDIRECTS + 1):
                hop, location = self._get(session, current)
                hops.append(hop)
                if location is None:
                    return Fetched(url, tuple(hops))
                current = urljoin(current, location)
        raise FetchError("redirects", f"more than {MAX_REDIRECTS} redirects, the last to {current}")

    def _get(self, session: requests.Session, url: str) -> tuple[Hop, str | None]:
        try:
            response = session.get(url, timeout=(self.connect_timeout, self.read_timeout), stream=True, allow_redirects=False)
            with response:
                payload = self._read(response)
        except (requests.Timeout, urllib3.exceptions.TimeoutError):
            raise FetchError("timeout", f"no answer from {url} within {self.read_timeout:g} seconds") from None
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
            raise FetchError("network", f"cannot reach {url}: {_reason(error)}") from None
        headers = tuple((k, str(v)) for k, v in response.raw.headers.items() if k.lower() != "transfer-encoding")
        version = {10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}.get(response.raw.version, "HTTP/1.1")
        hop = Hop(
            url,
            response.status_code,
            response.reason or "",
            version,
            headers,
            payload,
            tuple((k, str(v)) for k, v in response.request.headers.items()),
        )
        location = response.headers.get("Location") if response.is_redirect else None
        return hop, location

    def _read(self, response: requests.Response) -> bytes:
        chunks, size = [], 0
        for chunk in response.raw.stream(_CHUNK, decode_content=False):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError("too-large", f"{response.url} is larger than {self.max_bytes // (1024 * 1024)} MB: not an article page")
            chunks.append(chunk)
        return b"".join(chunks)


def _reason(error: BaseException) -> str:
    """The innermost cause, in a few words (requests wraps urllib3's errors in several layers)."""
    while error.__context__ is not None and error.__context__ is not error:
        error = error.__context__
    text = str(error)
    for known, said in (
        ("Name or service not known", "no such host"),
        ("nodename nor servname", "no such host"),
        ("Connection refused", "the connection was refused"),
        ("certificate verify failed", "its TLS certificate is not valid"),
    ):
        if known in text:
            return said
    return text.split(": ", 1)[-1][:200] or type(error).__name__
