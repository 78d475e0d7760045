"""What `dossier check` verifies of a capture (contract v3, "Captures").

For every article with a `capture`: the file exists inside the content folder, is a WARC
holding a response for the article's `url`, and that response's payload has the SHA-256 the
front matter gives. Then every quote the claims cite from the article, already found in the
article file, must also be in the text extracted from the capture: a quote that is in the
file but not in the page as captured means the file was edited after the capture.

A capture that is a Git LFS pointer never fetched is a warning: its checks are skipped, and
the site says the capture is not available in this build.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..closest import closest_passage
from ..files import inside
from ..model import Article, Dossier
from ..problems import Location, ProblemList
from ..quotes import ArticleText, Span, parse_quote
from .extract import ExtractionFailed, cached_paragraphs
from .warc import CaptureUnreadable, is_lfs_pointer, read_response

VERIFIED, UNAVAILABLE = "verified", "unavailable"


def capture_text(paragraphs: tuple[str, ...]) -> ArticleText:
    """The captured page's text prepared for quote look-ups: paragraphs as an article file has them."""
    return ArticleText("\n\n".join(paragraphs) + "\n")


def check_captures(
    dossier: Dossier, content: Path, passages: Mapping[tuple[str, int], tuple[Span, ...]], problems: ProblemList
) -> dict[str, str]:
    """Each captured article's state (VERIFIED or UNAVAILABLE); problems added to `problems`."""
    states: dict[str, str] = {}
    texts: dict[str, ArticleText] = {}
    for article in dossier.articles.values():
        if article.capture is None:
            continue
        state, paragraphs = _verify_file(article, content, problems)
        if state is not None:
            states[article.id] = state
        if paragraphs is not None:
            texts[article.id] = capture_text(paragraphs)
    for claim in dossier.claims.values():
        for index, item in enumerate(claim.evidence):
            text = texts.get(item.article)
            if text is None or (claim.id, index) not in passages:
                continue  # no capture to compare with, or the quote is not in the article file (reported)
            if text.find(item.quote) is None:
                _report_not_captured(text, dossier.articles[item.article], item.quote, item.quote_location, problems)
    return states


def _verify_file(article: Article, content: Path, problems: ProblemList) -> tuple[str | None, tuple[str, ...] | None]:
    """The capture's state and, when it holds, the text extracted from it."""
    assert article.capture is not None
    where = article.capture_location or article.location
    named = f"the capture '{article.capture}' of article '{article.id}'"
    path = content / article.capture
    if not inside(path, content) or not path.is_file():
        problems.error(
            where,
            f"{named} does not exist",
            f"add the file under {content.name}/{article.capture}, or make the capture again with `dossier add-article {article.url or 'URL'}`",
            code="capture-missing",
        )
        return None, None
    try:
        if is_lfs_pointer(path):
            problems.warning(
                where,
                f"{named} is a Git LFS pointer that was never fetched: its checks are skipped",
                "run `git lfs pull` to fetch the captures (the site says 'capture not available in this build')",
                code="capture-not-fetched",
            )
            return UNAVAILABLE, None
        if article.url is None:
            problems.error(
                where,
                f"article '{article.id}' has a capture but no 'url'",
                "add the address the page was captured from as 'url:'",
                code="capture-url",
            )
            return None, None
        response = read_response(path, article.url)
    except (CaptureUnreadable, OSError) as error:
        problems.error(
            where, f"{named} cannot be read: {error}", "make the capture again with `dossier add-article URL`", code="capture-unreadable"
        )
        return None, None
    if response is None:
        problems.error(
            where,
            f"{named} holds no successful response for the article's url {article.url}",
            "the url or the capture was changed: give the url the page was captured from, or make the capture again",
            code="capture-url",
        )
        return None, None
    if response.sha256 != article.sha256:
        problems.error(
            where,
            f"{named} does not match its digest: the page in it has SHA-256 {response.sha256}, the front matter says {article.sha256}",
            "the capture or 'sha256' was changed after the capture was made: restore them as `dossier add-article` wrote them",
            code="capture-digest",
        )
        return None, None
    try:
        return VERIFIED, cached_paragraphs(response.sha256, response.body, article.url)
    except ExtractionFailed as error:
        problems.error(
            where, f"the text of {named} could not be extracted ({error})", "report it to the maintainers", code="capture-unreadable"
        )
        return None, None


def _report_not_captured(text: ArticleText, article: Article, quote: str, where: Location, problems: ProblemList) -> None:
    hints = []
    closest = closest_passage(text, " ".join(parse_quote(quote).parts))
    if closest is not None:
        hints.append(f"closest passage of the captured page (paragraph {closest.paragraph + 1}): “{_clip(closest.passage)}”")
    hints.append("the article file was edited after the capture: restore its text as captured, or quote what the captured page says")
    problems.error(
        where,
        f"quote not in the captured page of article '{article.id}' ({article.location.file}): it is in the article file only",
        *hints,
        code="quote-not-captured",
    )


def _clip(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
