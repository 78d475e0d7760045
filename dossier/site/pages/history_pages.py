"""The dossier's history on the site: a claim page's "First recorded / Last changed", the
"What's new" page and the Atom feed, all in plain words (dossier/history.py, news.py).

The history is computed once per build and handed to the site; without git it is empty,
and the site leaves all of this out silently. No commit's subject or hash is ever shown: a
change links its commit only as a small "change record", when the repository's address is known.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ...dates import display, from_day
from ...history import ClaimHistory, Commit, History, commit_url
from ...model import Status
from ...news import FeedLinks, NewsItem, atom_feed, latest_changes, whats_new
from ...plain_changes import ARTICLE, CLAIM, ENTITY, MEASURE, Change
from ..page import RenderedPage, Toc
from ..rendering.html import markdown_inline
from ..rendering.links import DISCREPANCIES, article_page, claim_page, entity_page, url_of
from ..rendering.parts import Link, Parts

WHATS_NEW = "whats-new.md"
FEED = "feed.xml"
WHATS_NEW_TITLE = "What's new"
NEWS_DAYS = 7  # days with changes on the page
CARDS_SHOWN = 25  # at most, on the page: at 390 px a card is ~100-200 px tall
SHOWN_ALIKE = 3  # changes of one kind shown per day; the rest are counted
FEED_LIMIT = 50
# How the rest of a day's changes of one kind are counted ("and 93 more new claims").
_MORE = {
    "New claim": ("new claim", "new claims"),
    "Claim": ("other claim changed", "other claims changed"),
    "New article": ("new article", "new articles"),
    "New person": ("new person", "new people"),
    "New country": ("new country", "new countries"),
    "New organization": ("new organization", "new organizations"),
    "New event": ("new event", "new events"),
}


def _more(lead: str, number: int) -> str:
    singular, plural = _MORE.get(lead, (f"change ({lead.lower()})", f"changes ({lead.lower()})"))
    return f"and {number} more {singular if number == 1 else plural}"


class DayView(NamedTuple):
    date: str  # "30 November 2026"
    iso: str  # 2026-11-30, for <time datetime>


def day_view(day: dt.date) -> DayView:
    return DayView(display(from_day(day)), day.isoformat())


class HistoryView(NamedTuple):
    first_recorded: DayView
    first_record: str  # the change record's address, or ""
    last_changed: DayView | None  # None when the claim never changed since
    last_record: str
    last_change: str  # what last changed, in plain words ("" when never since)


def change_record(commit: Commit, repo_url: str) -> str:
    return commit_url(repo_url, commit.hash) if repo_url else ""


def history_view(entry: ClaimHistory | None, repo_url: str) -> HistoryView | None:
    if entry is None:
        return None
    first = day_view(entry.first_recorded.date.date())
    if not entry.changed_since_recorded:
        return HistoryView(first, change_record(entry.first_recorded, repo_url), None, "", "")
    change = entry.last_change
    what = change.detail if change.lead == "Claim" else change.lead
    return HistoryView(
        first,
        change_record(entry.first_recorded, repo_url),
        day_view(entry.last_changed.date.date()),
        change_record(entry.last_changed, repo_url),
        what,
    )


def target_page(parts: Parts, change: Change) -> str | None:
    """The page of what changed (src path), when it is still in the dossier."""
    dossier = parts.data.dossier
    if change.kind == CLAIM and change.target in dossier.claims:
        return claim_page(change.target)
    if change.kind == ENTITY and change.target in dossier.entities:
        return entity_page(dossier.entities[change.target].kind, change.target)
    if change.kind == ARTICLE and change.target in dossier.articles:
        return article_page(change.target)
    if change.kind == MEASURE and change.target in parts.data.discrepancy_of:
        return DISCREPANCIES
    return None


class ChangeCard(NamedTuple):
    lead: str
    link: Link  # href "" when what changed is gone
    detail: str
    status: Status | None  # a claim's status now
    conclusion: str | None  # a claim's conclusion now
    record: str  # the change record's address, or ""


class NewsDayView(NamedTuple):
    day: DayView
    cards: list[ChangeCard]
    more: list[str]  # "and 93 more new claims"


def change_card(parts: Parts, item: NewsItem, repo_url: str) -> ChangeCard:
    change = item.change
    page = target_page(parts, change)
    claim = parts.data.dossier.claims.get(change.target) if change.kind == CLAIM and page else None
    label = markdown_inline(change.label) if change.kind == CLAIM else change.label
    # The card shows the claim's status as a badge: its words need not say it again.
    detail = change.detail.removeprefix(f"{change.status}, ") if claim and change.lead == "New claim" else change.detail
    return ChangeCard(
        change.lead,
        Link(parts.href(page) if page else "", label),
        detail,
        parts.data.status(claim.id) if claim else None,
        claim.conclusion if claim else None,
        change_record(item.commit, repo_url),
    )


def _day(parts: Parts, items: tuple[NewsItem, ...], repo_url: str, room: int) -> tuple[list[ChangeCard], list[str]]:
    """A day's cards, at most SHOWN_ALIKE of a kind and `room` in all; lines counting the others."""
    shown: dict[str, int] = {}
    left: dict[str, int] = {}
    cards: list[ChangeCard] = []
    for item in items:
        lead = item.change.lead
        if shown.get(lead, 0) < SHOWN_ALIKE and len(cards) < room:
            shown[lead] = shown.get(lead, 0) + 1
            cards.append(change_card(parts, item, repo_url))
        else:
            left[lead] = left.get(lead, 0) + 1
    return cards, [_more(lead, n) for lead, n in left.items()]


def render_whats_new(parts: Parts, history: History, repo_url: str) -> RenderedPage:
    days: list[NewsDayView] = []
    news = whats_new(history, days=NEWS_DAYS)
    for day in news:
        room = CARDS_SHOWN - sum(len(d.cards) for d in days)
        if room <= 0:
            break
        cards, more = _day(parts, day.items, repo_url, room)
        days.append(NewsDayView(day_view(day.day), cards, more))
    html = parts.render(
        "pages/whats_new.html",
        title=WHATS_NEW_TITLE,
        days=days,
        older=len({revision.commit.date.date() for revision in history.revisions}) > len(days),
        feed=parts.linker.asset(parts.page, FEED),
    )
    return RenderedPage(html, tuple(Toc().entries), parts.render("search.html", title=WHATS_NEW_TITLE, text=""))


def feed(parts: Parts, history: History, *, site_url: str, title: str, repo_url: str = "") -> bytes:
    """The Atom feed of the latest changes; links absolute when the site's address is known."""
    base = site_url.rstrip("/") + "/" if site_url else "/"

    def target(change: Change) -> str | None:
        page = target_page(parts, change)
        return base + url_of(page, parts.linker.directory_urls) if page else None

    conclusions = {claim.id: claim.conclusion for claim in parts.data.dossier.claims.values() if claim.conclusion}
    return atom_feed(
        latest_changes(history, limit=FEED_LIMIT),
        title=f"{title}: {WHATS_NEW_TITLE}" if title else WHATS_NEW_TITLE,
        links=FeedLinks(base, base + FEED, target, lambda commit: change_record(commit, repo_url) or None),
        conclusions=conclusions,
    )
