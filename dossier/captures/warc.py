"""The capture file: a WARC (ISO 28500) written and read with warcio.

Written: a `warcinfo` record, then for each hop of the fetch a `request` and a `response`
record (the redirects first, so the file shows how the final address was reached). Every
response record carries `WARC-Payload-Digest: sha256:<base32>` of its payload as served.
Read: the response for an address, its payload's SHA-256 in hex, and its body decoded.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from . import LFS_POINTER, user_agent

if TYPE_CHECKING:  # warcio and requests are imported when a capture is written or read, not by every check
    from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

    from .fetch import Fetched, Hop


def sha256_hex(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def warc_digest(payload: bytes) -> str:
    """A WARC digest header's value: the algorithm, then the digest in base32."""
    return "sha256:" + base64.b32encode(hashlib.sha256(payload).digest()).decode("ascii")


def write_warc(path: Path, fetched: Fetched, retrieved: dt.datetime) -> None:
    """Write the fetch as a gzipped WARC at `path` (the caller gives a temporary name and renames it)."""
    from warcio.warcwriter import WARCWriter

    date = retrieved.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with open(path, "xb") as handle:
        writer = WARCWriter(handle, gzip=True, warc_version="1.1")
        info = {"software": user_agent(), "format": "WARC File Format 1.1", "requested": fetched.requested}
        writer.write_record(writer.create_warcinfo_record(path.name, info))
        for hop in fetched.hops:
            writer.write_record(_request_record(writer, hop, date))
            writer.write_record(_response_record(writer, hop, date))


def _request_record(writer: WARCWriter, hop: Hop, date: str) -> object:
    from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]

    parts = urlsplit(hop.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [("Host", parts.netloc), *hop.request_headers]
    http = StatusAndHeaders(f"GET {target} HTTP/1.1", headers, is_http_request=True)
    return writer.create_warc_record(hop.url, "request", http_headers=http, warc_headers_dict={"WARC-Date": date})


def _response_record(writer: WARCWriter, hop: Hop, date: str) -> object:
    from warcio.statusandheaders import StatusAndHeaders

    http = StatusAndHeaders(f"{hop.status} {hop.reason}".strip(), list(hop.headers), protocol=hop.protocol)
    return writer.create_warc_record(
        hop.url,
        "response",
        payload=BytesIO(hop.payload),
        length=len(hop.payload),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date, "WARC-Payload-Digest": warc_digest(hop.payload)},
    )


@dataclass(frozen=True)
class CapturedResponse:
    url: str
    status: int
    content_type: str
    sha256: str  # of the payload as stored, hex
    body: bytes  # the payload with its Content-Encoding undone


class CaptureUnreadable(Exception):
    """The file is not a WARC this program can read; the message says what is wrong."""


def is_lfs_pointer(path: Path) -> bool:
    """Whether the file is a Git LFS pointer (the capture itself was never fetched)."""
    with open(path, "rb") as handle:
        return handle.read(len(LFS_POINTER)) == LFS_POINTER


def read_response(path: Path, url: str) -> CapturedResponse | None:
    """The last successful (2xx) response for `url` in the WARC, or None if it holds none."""
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
    from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

    found = None
    try:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.rec_headers.get_header("WARC-Target-URI") != url:
                    continue
                http = record.http_headers
                status = int(http.get_statuscode() or 0) if http is not None else 0
                if not 200 <= status < 300 or http is None:
                    continue
                payload = record.raw_stream.read()
                found = CapturedResponse(
                    url,
                    status,
                    http.get_header("Content-Type") or "",
                    sha256_hex(payload),
                    decoded_body(payload, http.get_header("Content-Encoding")),
                )
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as error:
        raise CaptureUnreadable(f"it is not a WARC file that can be read ({error})") from None
    return found


def decoded_body(payload: bytes, encoding: str | None) -> bytes:
    """The body with its Content-Encoding undone (gzip, deflate; anything else is refused)."""
    name = (encoding or "identity").strip().lower()
    if name in ("identity", ""):
        return payload
    if name in ("gzip", "x-gzip"):
        return gzip.decompress(payload)
    if name == "deflate":
        try:
            return zlib.decompress(payload)
        except zlib.error:
            return zlib.decompress(payload, -zlib.MAX_WBITS)  # raw deflate, as some servers send it
    raise ValueError(f"its page is encoded as '{name}', which cannot be decoded here")
