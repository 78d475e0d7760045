"""Claim history on the site: the section of a claim page, the "What's new" page and the Atom feed.

The history is computed once per build (`dossier.history.claim_history`) and handed to the
site; without git it is empty, and the site leaves all of this out silently.
"""

from __future__ import annotations

from typing import NamedTuple

from ..history import ClaimHistory, Commit, History, commit_url
from ..news import RECORDED, atom_feed, whats_new
from .html import markdown_inline
from .links import claim_page, url_of
from .page import RenderedPage, Toc
from .parts import Link, Parts

WHATS_NEW = "whats-new.md"
FEED = "feed.xml"
WHATS_NEW_TITLE = "What's new"
NEWS_LIMIT = 50


class CommitView(NamedTuple):
    short_hash: str
    href: str  # "" without a repository address
    date: str  # YYYY-MM-DD
    subject: str


class HistoryView(NamedTuple):
    first_recorded: CommitView
    last_changed: CommitView | None  # None when the claim never changed since


def commit_view(commit: Commit, repo_url: str) -> CommitView:
    href = commit_url(repo_url, commit.hash) if repo_url else ""
    return CommitView(commit.short_hash, href, commit.date.date().isoformat(), commit.subject)


def history_view(entry: ClaimHistory | None, repo_url: str) -> HistoryView | None:
    if entry is None:
        return None
    last = commit_view(entry.last_changed, repo_url) if entry.changed_since_recorded else None
    return HistoryView(commit_view(entry.first_recorded, repo_url), last)


class NewsRow(NamedTuple):
    claim: Link
    event: str  # "New claim" or "Changed"
    commit: CommitView


def render_whats_new(parts: Parts, history: History, repo_url: str) -> RenderedPage:
    texts = {claim.id: claim.text for claim in parts.data.dossier.claims.values()}
    rows = [
        NewsRow(
            Link(parts.href(claim_page(item.claim)), markdown_inline(item.text)),
            "New claim" if item.event == RECORDED else "Changed",
            commit_view(item.commit, repo_url),
        )
        for item in whats_new(history, texts, limit=NEWS_LIMIT)
    ]
    html = parts.render("pages/whats_new.html", title=WHATS_NEW_TITLE, rows=rows, feed=parts.linker.asset(parts.page, FEED), limit=NEWS_LIMIT)
    return RenderedPage(html, tuple(Toc().entries), parts.render("search.html", title=WHATS_NEW_TITLE, text=""))


def feed(parts: Parts, history: History, *, site_url: str, title: str) -> bytes:
    """The Atom feed of the latest claims recorded or changed; links absolute when the site's address is known."""
    base = site_url.rstrip("/") + "/" if site_url else "/"

    def absolute(src_uri: str) -> str:
        return base + url_of(src_uri, parts.linker.directory_urls)

    texts = {claim.id: claim.text for claim in parts.data.dossier.claims.values()}
    items = whats_new(history, texts, limit=NEWS_LIMIT)
    return atom_feed(
        items,
        title=f"{title}: {WHATS_NEW_TITLE}" if title else WHATS_NEW_TITLE,
        site_url=base,
        feed_url=base + FEED,
        claim_url=lambda claim: absolute(claim_page(claim)),
    )
