"""What's new: the dossier's latest changes in plain words, grouped by day, as page data and as an Atom feed.

The feed is built with ElementTree, which escapes every text and attribute: claim texts and
names are untrusted and never become markup. Neither the page nor the feed says anything
of how commits were titled: only what changed in the dossier (history.py).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .history import Commit, History
from .plain_changes import Change

ATOM = "http://www.w3.org/2005/Atom"
_TITLE_LENGTH = 120  # characters of a claim's text in an entry title


@dataclass(frozen=True)
class NewsItem:
    """One change, and the commit that brought it (its date; its change record)."""

    commit: Commit
    change: Change
    number: int  # its place among its commit's changes: with the commit's time, a stable id


@dataclass(frozen=True)
class NewsDay:
    day: dt.date
    items: tuple[NewsItem, ...]  # newest commit first, each commit's changes in order


def latest_changes(history: History, *, limit: int | None = None) -> tuple[NewsItem, ...]:
    """Every change of the history, newest commit first; at most `limit`."""
    items = [
        NewsItem(revision.commit, change, number)
        for revision in reversed(history.revisions)
        for number, change in enumerate(revision.changes)
    ]
    return tuple(items if limit is None else items[:limit])


def whats_new(history: History, *, days: int) -> tuple[NewsDay, ...]:
    """The changes of the `days` most recent days with changes, newest day first."""
    grouped: dict[dt.date, list[NewsItem]] = {}
    for item in latest_changes(history):
        day = item.commit.date.date()
        if day not in grouped and len(grouped) == days:
            break
        grouped.setdefault(day, []).append(item)
    return tuple(NewsDay(day, tuple(items)) for day, items in grouped.items())


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TITLE_LENGTH else text[: _TITLE_LENGTH - 1].rstrip() + "…"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _link(parent: ET.Element, href: str, rel: str = "alternate") -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "href": href})


def entry_title(change: Change) -> str:
    """The change's sentence, with a long label shortened."""
    return change.sentence.replace(f"“{change.label}”", f"“{_shortened(change.label)}”", 1)


@dataclass(frozen=True)
class FeedLinks:
    """Where a feed's links point (absolute when the site's address is known)."""

    site: str
    feed: str
    target: Callable[[Change], str | None]  # the page of what changed, None when it is gone
    change_record: Callable[[Commit], str | None]  # the commit's page, None without a repository address


def atom_feed(
    items: Sequence[NewsItem], *, title: str, links: FeedLinks, conclusions: Mapping[str, str], updated: dt.datetime | None = None
) -> bytes:
    """An Atom 1.0 document (UTF-8) of `items`; each entry links to the page of what changed.

    A claim's entry carries its current conclusion (`conclusions`: claim id -> sentence).
    `updated` defaults to the newest item's commit date, so that rebuilding an unchanged
    dossier gives the same feed; with no items, to the current time.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", links.feed)
    _text(feed, "title", title)
    newest = updated or max((item.commit.date for item in items), default=None) or dt.datetime.now(dt.UTC)
    _text(feed, "updated", _timestamp(newest))
    _link(feed, links.site)
    _link(feed, links.feed, "self")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", title)
    for item in items:
        page = links.target(item.change) or links.site
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        # The same change keeps its id across builds: the commit's time and its place in it.
        _text(entry, "id", f"{page}#change-{item.commit.date.strftime('%Y%m%dT%H%M%S%z')}-{item.number}")
        _text(entry, "title", entry_title(item.change))
        _text(entry, "updated", _timestamp(item.commit.date))
        _link(entry, page)
        record = links.change_record(item.commit)
        if record:
            _link(entry, record, "related")
        conclusion = conclusions.get(item.change.target) if item.change.kind == "claim" else None
        summary = item.change.sentence + (f"\n\nWhat the evidence shows: {conclusion}" if conclusion else "")
        _text(entry, "summary", summary, type="text")
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document


def _timestamp(moment: dt.datetime) -> str:
    """RFC 3339, as Atom requires: with an offset (UTC when the time has none)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.isoformat(timespec="seconds")
