"""What the site says of an article's source (contract v3, "Captures"): its capture and its
last recheck, as plain data for the article page's source box, the evidence cards and the
Sources health page."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ...dates import parse_date_text
from ...model import Article, Recheck

CAPTURED, UNAVAILABLE, PASTED = "captured", "unavailable", "pasted"
SOURCE_HEALTH = "source-health.md"  # the Sources health page (source_health.py)


class RecheckView(NamedTuple):
    date: str  # "7 December 2026"
    state: str  # unchanged | changed | gone | unreachable
    said: str  # the result in a few words


class CaptureView(NamedTuple):
    state: str  # CAPTURED, UNAVAILABLE (an LFS pointer never fetched) or PASTED (no capture)
    captured_on: str  # "14 March 2026 at 09:30 UTC", when captured
    sha256: str
    recheck: RecheckView | None


def day(written: str) -> str:
    """A YYYY-MM-DD date in words: "7 December 2026"."""
    parsed = parse_date_text(written)
    return parsed.display() if parsed is not None else written


def _moment(written: str | None) -> str:
    if not written:
        return ""
    try:
        moment = dt.datetime.fromisoformat(written.replace("Z", "+00:00")).astimezone(dt.UTC)
    except ValueError:
        return written
    return f"{day(moment.date().isoformat())} at {moment:%H:%M} UTC"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def recheck_view(recheck: Recheck) -> RecheckView:
    lost = f"; {_count(len(recheck.quotes_lost), 'quote', 'quotes')} no longer on the live page" if recheck.quotes_lost else ""
    said = {
        "unchanged": "unchanged: the live page has the text as captured",
        "changed": f"changed: {_count(len(recheck.changed), 'passage', 'passages')} of the capture no longer on the live page as captured{lost}",
        "gone": f"gone: the page was removed{lost}",
        "unreachable": "unreachable: the site did not answer",
    }.get(recheck.state, recheck.state)
    return RecheckView(day(recheck.date), recheck.state, said)


def capture_view(article: Article, state: str | None, recheck: Recheck | None) -> CaptureView:
    """`state`: the check's word on the capture ("verified", "unavailable"), None without one."""
    seen = recheck_view(recheck) if recheck is not None else None
    if article.capture is None:
        return CaptureView(PASTED, "", "", seen)
    if state == "unavailable":
        return CaptureView(UNAVAILABLE, "", article.sha256 or "", seen)
    return CaptureView(CAPTURED, _moment(article.retrieved), article.sha256 or "", seen)


def lost_on(recheck: Recheck | None, claim_id: str, quote: str) -> str:
    """The day a recheck found this quote no longer on the live page, or ""."""
    if recheck is None:
        return ""
    return day(recheck.date) if any(lost.claim == claim_id and lost.quote == quote for lost in recheck.quotes_lost) else ""
