"""`dossier recheck`: is each captured article still online as it was captured?

Per article: "unchanged" (the live page's article text is the captured one), "changed" (with
the capture's passages that changed or went, and the passages added), "gone" (404 or 410)
or "unreachable" (no answer, a timeout, a server error). Per quote citing the article:
whether it is still on the live page. The findings go into `content/rechecks.yaml`, which
the check validates and the site shows.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..add_article import lines, paragraphs
from ..load import RECHECKS_FILE
from ..model import Article, Dossier, LostQuote, Recheck
from ..problems import Location
from .check import capture_text
from .extract import ExtractionFailed, cached_paragraphs, page_paragraphs
from .fetch import Client, FetchError
from .warc import CaptureUnreadable, decoded_body, is_lfs_pointer, read_response, sha256_hex

UNCHANGED, CHANGED, GONE, UNREACHABLE = "unchanged", "changed", "gone", "unreachable"


@dataclass(frozen=True)
class Change:
    before: str | None  # the captured passage (None: added on the live page)
    after: str | None  # what the live page has in its place (None: removed)


@dataclass(frozen=True)
class Finding:
    article: str
    url: str
    state: str
    detail: str  # in a few words: "HTTP 404 Not Found", "no answer within 30 seconds", ...
    changes: tuple[Change, ...] = ()
    quotes_lost: tuple[LostQuote, ...] = ()


def captured_articles(dossier: Dossier, ids: Iterable[str] = ()) -> tuple[list[Article], list[str]]:
    """The articles to recheck (those asked for, else every captured one) and the ids that are not captured articles."""
    wanted = list(ids)
    if not wanted:
        return [a for a in dossier.articles.values() if a.capture is not None and a.url], []
    found = [dossier.articles[i] for i in wanted if i in dossier.articles and dossier.articles[i].capture and dossier.articles[i].url]
    return found, [i for i in wanted if i not in {a.id for a in found}]


def recheck_article(article: Article, dossier: Dossier, content: Path, client: Client) -> Finding:
    url = article.url or ""
    try:
        fetched = client.fetch(url)
    except FetchError as error:
        return Finding(article.id, url, UNREACHABLE, str(error))
    final = fetched.final
    status = f"HTTP {final.status} {final.reason}".strip()
    if final.status in (404, 410):
        return Finding(article.id, url, GONE, status, quotes_lost=_quotes(dossier, article.id))
    if not 200 <= final.status < 300:
        return Finding(article.id, url, UNREACHABLE, status)
    if sha256_hex(final.payload) == article.sha256:
        return Finding(article.id, url, UNCHANGED, "the page is byte for byte the one captured")
    try:
        live = page_paragraphs(decoded_body(final.payload, final.header("Content-Encoding")), final.url)
    except (ValueError, OSError, ExtractionFailed):
        live = ()  # nothing of the article is readable on the live page: every passage changed
    captured, baseline = _captured(article, content)
    changes = _changes(captured, live)
    if not changes:
        return Finding(article.id, url, UNCHANGED, f"the article text is the one {baseline}; the rest of the page changed")
    text = capture_text(live)
    lost = tuple(q for q in _quotes(dossier, article.id) if text.find(q.quote) is None)
    moved = f", now at {final.url}" if final.url != url else ""
    return Finding(article.id, url, CHANGED, f"{_passages(len(changes))} from the text {baseline}{moved}", changes, lost)


def _passages(count: int) -> str:
    return "1 passage differs" if count == 1 else f"{count} passages differ"


def _captured(article: Article, content: Path) -> tuple[tuple[str, ...], str]:
    """The captured article text, and what it was taken from (the capture, else the article file)."""
    path = content / (article.capture or "")
    try:
        if path.is_file() and not is_lfs_pointer(path) and article.url:
            response = read_response(path, article.url)
            if response is not None:
                return cached_paragraphs(response.sha256, response.body, article.url), "captured"
    except (CaptureUnreadable, OSError, ExtractionFailed):
        pass
    return tuple(paragraphs(lines(article.body))), "in the article file (its capture is not available)"


def _changes(captured: tuple[str, ...], live: tuple[str, ...]) -> tuple[Change, ...]:
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(None, captured, live, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before, after = list(captured[i1:i2]), list(live[j1:j2])
        for index in range(max(len(before), len(after))):
            changes.append(Change(before[index] if index < len(before) else None, after[index] if index < len(after) else None))
    return tuple(changes)


def _quotes(dossier: Dossier, article_id: str) -> tuple[LostQuote, ...]:
    return tuple(
        LostQuote(claim.id, item.quote) for claim in dossier.claims.values() for item in claim.evidence if item.article == article_id
    )


# ----- content/rechecks.yaml -----


def as_recheck(finding: Finding, date: dt.date) -> Recheck:
    changed = tuple(change.before for change in finding.changes if change.before is not None)
    return Recheck(finding.article, date.isoformat(), finding.state, changed, finding.quotes_lost, Location(RECHECKS_FILE))


def write_rechecks(content: Path, dossier: Dossier, findings: list[Finding], date: dt.date) -> Path:
    """Record the findings in rechecks.yaml, keeping the last recheck of the articles not rechecked now."""
    new = {finding.article: as_recheck(finding, date) for finding in findings}
    merged = [new.get(article_id) or dossier.rechecks.get(article_id) for article_id in dossier.articles]
    path = content / RECHECKS_FILE
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(render_rechecks([r for r in merged if r is not None]), encoding="utf-8")
    os.replace(temporary, path)  # whole or not at all
    return path


def render_rechecks(rechecks: list[Recheck]) -> str:
    import json

    out = [
        "# Written by `dossier recheck`: the last recheck of each captured article against its live page.",
        "# state: unchanged | changed | gone | unreachable. Reviewed in pull requests like any content.",
        "rechecks:" + ("" if rechecks else " []"),
    ]
    for recheck in rechecks:
        out += [f"  - article: {recheck.article}", f"    date: {recheck.date}", f"    state: {recheck.state}"]
        if recheck.changed:
            out.append("    changed:")
            out += [f"      - {json.dumps(passage, ensure_ascii=False)}" for passage in recheck.changed]
        if recheck.quotes_lost:
            out.append("    quotes_lost:")
            for lost in recheck.quotes_lost:
                out += [f"      - claim: {lost.claim}", f"        quote: {json.dumps(lost.quote, ensure_ascii=False)}"]
    return "\n".join(out) + "\n"
