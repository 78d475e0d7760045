"""`dossier add-article URL`: fetch the page, keep it as a WARC, write its article for review.

Nothing is half-written: the capture and the article file are first written under temporary
names, and renamed into place only when everything before has worked; any failure removes
them. Each failure has its own message (network error, timeout, a page gone, a page that is
not HTML, a paywall or a page without an article).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..add_article import AddArticleError, check_options, render, slug
from ..load import ARTICLES_FOLDER, ID_PATTERN
from . import CAPTURES_FOLDER
from .archive import ArchiveError, archive_page
from .extract import MIN_WORDS, ExtractionFailed, PageMetadata, page_metadata, page_paragraphs, word_count
from .fetch import Client, Fetched, FetchError
from .warc import CaptureUnreadable, read_response, write_warc

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class UrlOptions:
    """What the analyst gives on the command line; anything left None is taken from the page."""

    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    article_id: str | None = None
    archive: bool = False
    archive_endpoint: str | None = None


@dataclass(frozen=True)
class Added:
    article: Path
    capture: Path
    sha256: str
    redirects: tuple[str, ...]  # "301 http://a -> http://b", in order
    not_found: tuple[str, ...]  # what the page did not say: "author", "publication date"
    notes: tuple[str, ...] = field(default=())  # e.g. why the page could not be archived


def add_article_from_url(url: str, content: Path, options: UrlOptions, client: Client | None = None) -> Added:
    """Capture the page at `url` and write its article; raises `AddArticleError` with what to do."""
    check_options(options.outlet or "-", options.title or "-", options.published, url)
    fetched = _fetch(url, client or Client())
    captures = content / CAPTURES_FOLDER
    captures.mkdir(parents=True, exist_ok=True)
    temporary_capture = captures / f".{uuid.uuid4().hex}.warc.gz.tmp"
    temporary_article: Path | None = None
    try:
        retrieved = dt.datetime.now(dt.UTC).replace(microsecond=0)
        write_warc(temporary_capture, fetched, retrieved)
        final = fetched.final
        response = read_response(temporary_capture, final.url)
        if response is None:  # pragma: no cover - we have just written it
            raise AddArticleError(f"the capture of {final.url} could not be read back: nothing written")
        paragraphs = page_paragraphs(response.body, final.url)
        if word_count(paragraphs) < MIN_WORDS:
            raise AddArticleError(
                f"found only {word_count(paragraphs)} words of article text in {final.url}: the story may be behind a paywall, "
                "or the page is not an article. Nothing written; copy the text from your browser into a file and run "
                "`dossier add-article FILE --outlet ... --url URL`"
            )
        found = page_metadata(response.body, final.url)
        meta, not_found = _front_matter(options, found, final.url)
        article_id = _article_id(options, meta)
        article = content / ARTICLES_FOLDER / f"{article_id}.md"
        capture = captures / f"{article_id}.warc.gz"
        for target in (article, capture):
            if target.exists():
                raise AddArticleError(f"{target} already exists: not overwritten; choose another id with --id")
        notes = _archive(final.url, options, meta)
        meta.update(retrieved=retrieved.strftime("%Y-%m-%dT%H:%M:%SZ"), capture=f"{CAPTURES_FOLDER}/{capture.name}", sha256=response.sha256)
        article.parent.mkdir(parents=True, exist_ok=True)
        temporary_article = article.with_name(f".{article.name}.{uuid.uuid4().hex}.tmp")
        temporary_article.write_text(render(meta, list(paragraphs)), encoding="utf-8")
        os.replace(temporary_capture, capture)
        try:
            os.replace(temporary_article, article)
        except OSError:
            capture.unlink(missing_ok=True)  # no capture without its article
            raise
    except CaptureUnreadable as error:  # pragma: no cover - we have just written it
        raise AddArticleError(f"the capture could not be read back: {error}") from None
    except ExtractionFailed as error:
        raise AddArticleError(f"the article's text could not be taken out of the page ({error}). Nothing written") from None
    except OSError as error:
        raise AddArticleError(f"cannot write into {content}: {error.strerror or error}. Nothing written") from None
    finally:
        for leftover in (temporary_capture, temporary_article):
            if leftover is not None:
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
    redirects = tuple(f"{hop.status} {hop.url} -> {hop.header('Location')}" for hop in fetched.redirects)
    return Added(article, capture, response.sha256, redirects, not_found, notes)


def _fetch(url: str, client: Client) -> Fetched:
    try:
        fetched = client.fetch(url)
    except FetchError as error:
        what = "timed out" if error.kind == "timeout" else "failed"
        raise AddArticleError(f"fetching the page {what}: {error}. Nothing written; try again later") from None
    final = fetched.final
    if final.status in (404, 410):
        raise AddArticleError(f"the page is gone: {final.url} answers HTTP {final.status} {final.reason}. Nothing written")
    if not 200 <= final.status < 300:
        raise AddArticleError(f"{final.url} answers HTTP {final.status} {final.reason}, not the page. Nothing written; try again later")
    content_type = final.header("Content-Type").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        raise AddArticleError(
            f"{final.url} is not a web page but '{content_type or 'of no stated type'}'. Nothing written; "
            "save its text into a file and run `dossier add-article FILE --outlet ... --url URL`"
        )
    return fetched


def _front_matter(options: UrlOptions, found: PageMetadata, url: str) -> tuple[dict[str, object], tuple[str, ...]]:
    title = options.title or found.title
    if not title:
        raise AddArticleError(f"{url} does not say its headline: give it with --title. Nothing written")
    authors = options.authors or found.authors
    published = options.published or found.published
    not_found = tuple(name for name, value in (("author", authors), ("publication date", published)) if not value)
    meta: dict[str, object] = {
        "title": title,
        "outlet": options.outlet or found.outlet,
        "author": (authors[0] if len(authors) == 1 else list(authors)) if authors else None,
        "published": published,
        "url": url,
        "language": options.language or _language(found.language),
    }
    return meta, not_found


def _language(given: str | None) -> str:
    """The page's language as a code the front matter accepts (`en_US` gives `en`), else en."""
    match = re.match(r"[A-Za-z]{2,3}(?![A-Za-z])", given or "")
    return match.group(0).lower() if match else "en"


def _article_id(options: UrlOptions, meta: dict[str, object]) -> str:
    outlet, published, title = str(meta["outlet"]), meta.get("published"), str(meta["title"])
    article_id = options.article_id or "-".join(filter(None, [slug(outlet, 40), str(published) if published else None])) or slug(title)
    if not ID_PATTERN.match(article_id or ""):
        raise AddArticleError(f"--id '{article_id}' is not a valid id: use lowercase letters a-z, digits and '-'")
    return article_id


def _archive(url: str, options: UrlOptions, meta: dict[str, object]) -> tuple[str, ...]:
    """Save Page Now, when asked: its copy's address goes into `archived`; a refusal is a note, not a failure."""
    if not options.archive:
        return ()
    try:
        meta["archived"] = archive_page(url, options.archive_endpoint)
    except ArchiveError as error:
        return (f"not archived: {error}",)
    return ()
