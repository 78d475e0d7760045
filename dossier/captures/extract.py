"""The article in a page: its text (trafilatura) and its metadata (trafilatura, dates by htmldate).

The text is what `dossier add-article URL` writes into the article file and what the check
compares quotes with, so both must get the same paragraphs from the same page: one function,
`page_paragraphs`, makes them. Extraction is slow (tens of milliseconds a page), so its result
is kept in a cache on disk, by the payload's digest and the extractor's version. An entry is
used only if it names that key and its own checksum holds; anything else (a missing folder,
a damaged file, another version) means extracting again. So the cache can make the check
faster, never give another answer.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# Raised when the way text is taken out of a page changes (options, splitting into paragraphs).
_OUR_VERSION = "1"
MIN_WORDS = 40  # less than this is a teaser, a paywall or a page that is not an article
_memory: dict[str, tuple[str, ...]] = {}


def extractor_version() -> str:
    from importlib import metadata  # imported here: a check without captures never needs it

    versions = []
    for package in ("trafilatura", "htmldate", "lxml"):
        try:
            versions.append(f"{package}-{metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}-none")
    return "/".join([f"dossier-{_OUR_VERSION}", *versions])


class ExtractionFailed(Exception):
    """The extractor failed on the page (it raised): the message says how."""


def page_paragraphs(html: bytes, url: str) -> tuple[str, ...]:
    """The article's paragraphs in the page, each on one line, without the page's navigation and footer."""
    import trafilatura  # ~0.5 s to import: only when a page is read

    try:
        text = trafilatura.extract(
            html,
            url=url,
            output_format="txt",
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception as error:  # a third party's failure on untrusted input: reported, never a traceback
        raise ExtractionFailed(f"{type(error).__name__}: {error}"[:200]) from None
    return tuple(" ".join(line.split()) for line in (text or "").splitlines() if line.strip())


def word_count(paragraphs: tuple[str, ...]) -> int:
    return sum(len(p.split()) for p in paragraphs)


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    outlet: str | None
    authors: tuple[str, ...]
    published: str | None  # YYYY-MM-DD
    language: str | None


def page_metadata(html: bytes, url: str) -> PageMetadata:
    """Title, outlet (the site's name, else its host), authors, publication date and language, where the page says them."""
    import htmldate
    import trafilatura

    try:
        found = trafilatura.extract_metadata(html, default_url=url)
        published = htmldate.find_date(html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # metadata is a convenience: what cannot be read is reported as not found
        found, published = None, None
    authors = tuple(a.strip() for a in (found.author or "").split(";") if a.strip()) if found is not None else ()
    host = urlsplit(url).hostname or ""
    outlet = (found.sitename if found is not None else None) or (host.removeprefix("www.") or None)
    language = getattr(found, "language", None) if found is not None else None
    return PageMetadata(found.title if found is not None else None, outlet, authors, published or None, language)


# ----- the cache -----


def cache_folder() -> Path:
    """`DOSSIER_CACHE_DIR`, else `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`."""
    given = os.environ.get("DOSSIER_CACHE_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dossier"


def _checksum(key: str, paragraphs: list[str]) -> str:
    return hashlib.sha256(json.dumps([key, paragraphs], ensure_ascii=False).encode("utf-8")).hexdigest()


def cached_paragraphs(sha256: str, html: bytes, url: str) -> tuple[str, ...]:
    """`page_paragraphs` of the page whose payload has this digest, extracted once (see the module's note)."""
    key = f"{sha256}/{extractor_version()}"
    if key in _memory:
        return _memory[key]
    path = cache_folder() / "extracted" / f"{hashlib.sha256(key.encode()).hexdigest()}.json"
    paragraphs = _read_entry(path, key)
    if paragraphs is None:
        paragraphs = page_paragraphs(html, url)
        _write_entry(path, key, paragraphs)
    _memory[key] = paragraphs
    return paragraphs


def _read_entry(path: Path, key: str) -> tuple[str, ...] | None:
    try:
        entry = json.loads(path.read_text("utf-8"))
        paragraphs = entry["paragraphs"]
        if entry["key"] != key or not all(isinstance(p, str) for p in paragraphs) or entry["checksum"] != _checksum(key, paragraphs):
            return None
        return tuple(paragraphs)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_entry(path: Path, key: str, paragraphs: tuple[str, ...]) -> None:
    entry = {"key": key, "paragraphs": list(paragraphs), "checksum": _checksum(key, list(paragraphs))}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entry, ensure_ascii=False), "utf-8")
        os.replace(temporary, path)  # whole or not at all: a reader never sees half an entry
    except OSError:
        pass  # no cache (a read-only home): extracting every time is slower, never wrong
