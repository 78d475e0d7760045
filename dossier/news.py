"""What's new: the claims recorded or changed most recently, as page data and as an Atom feed.

The feed is built with ElementTree, which escapes every text and attribute: claim texts and
commit subjects are untrusted and never become markup.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .history import Commit, History

ATOM = "http://www.w3.org/2005/Atom"
RECORDED: Literal["recorded"] = "recorded"
CHANGED: Literal["changed"] = "changed"
_TITLE_LENGTH = 120  # characters of a claim's text in an entry title


@dataclass(frozen=True)
class NewsItem:
    """A claim's latest event: recorded (new) or changed, in `commit`."""

    claim: str
    text: str
    event: Literal["recorded", "changed"]
    commit: Commit


def whats_new(
    history: History, claim_texts: Mapping[str, str], *, limit: int = 50, since: dt.datetime | None = None
) -> tuple[NewsItem, ...]:
    """The claims of the dossier (id -> text) by their latest event, newest first.

    At most `limit` items; with `since`, only events at or after it. Claims without history
    (not committed yet, or no git) are left out.
    """
    items = []
    for claim_id, text in claim_texts.items():
        entry = history.of(claim_id)
        if entry is None:
            continue
        event = CHANGED if entry.changed_since_recorded else RECORDED
        if since is None or entry.last_changed.date >= since:
            items.append(NewsItem(claim_id, text, event, entry.last_changed))
    items.sort(key=lambda item: (-item.commit.date.timestamp(), item.claim))
    return tuple(items[:limit])


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TITLE_LENGTH else text[: _TITLE_LENGTH - 1].rstrip() + "…"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _link(parent: ET.Element, href: str, rel: str = "alternate") -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "href": href})


def atom_feed(
    items: Sequence[NewsItem],
    *,
    title: str,
    site_url: str,
    feed_url: str,
    claim_url: Callable[[str], str],
    updated: dt.datetime | None = None,
) -> bytes:
    """An Atom 1.0 document (UTF-8) of `items`; each entry links to its claim's page.

    `updated` defaults to the newest item's commit date, so that rebuilding an unchanged
    dossier gives the same feed; with no items, to the current time.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", feed_url)
    _text(feed, "title", title)
    newest = updated or max((item.commit.date for item in items), default=None) or dt.datetime.now(dt.UTC)
    _text(feed, "updated", _timestamp(newest))
    _link(feed, site_url)
    _link(feed, feed_url, "self")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", title)
    for item in items:
        url = claim_url(item.claim)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        # One entry per claim and commit: the same event keeps its id across builds.
        _text(entry, "id", f"{url}#commit-{item.commit.hash}")
        _text(entry, "title", f"{'New claim' if item.event == RECORDED else 'Claim changed'}: {_shortened(item.text)}")
        _text(entry, "updated", _timestamp(item.commit.date))
        _link(entry, url)
        summary = f"{item.text} ({item.event} in commit {item.commit.short_hash}: {item.commit.subject})"
        _text(entry, "summary", summary, type="text")
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document


def _timestamp(moment: dt.datetime) -> str:
    """RFC 3339, as Atom requires: with an offset (UTC when the time has none)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.isoformat(timespec="seconds")
