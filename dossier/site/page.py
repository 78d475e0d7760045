"""A rendered page, its table of contents, and the paging of long lists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple


class TocEntry(NamedTuple):
    level: int
    id: str
    title: str  # text


@dataclass(frozen=True)
class RenderedPage:
    html: str
    toc: tuple[TocEntry, ...] = ()
    # What the site's search indexes of the page, as HTML: its title and the few words a
    # reader looks it up by (a name and its aliases, a title). "" keeps the page out of
    # the index; None indexes the whole page. The search view starts with `<h1 id=...>`:
    # a heading with an id is what Material's search takes as the entry's title.
    search: str | None = None


@dataclass
class Toc:
    """The headings of a page that its table of contents lists, in page order."""

    entries: list[TocEntry] = field(default_factory=list)

    def add(self, level: int, anchor: str, title: str) -> TocEntry:
        entry = TocEntry(level, anchor, title)
        self.entries.append(entry)
        return entry


@dataclass(frozen=True)
class Paging:
    """A long list cut into pages: `first` items on page 1, `size` on each later page."""

    total: int
    first: int
    size: int

    @property
    def pages(self) -> int:
        return 1 if self.total <= self.first else 1 + -(-(self.total - self.first) // self.size)

    def bounds(self, number: int) -> tuple[int, int]:
        """[start, end) of the items on page `number` (from 1)."""
        if number <= 1:
            return 0, min(self.first, self.total)
        start = self.first + (number - 2) * self.size
        return start, min(start + self.size, self.total)


class PagerItem(NamedTuple):
    kind: str  # "previous", "next", "gap", "current" or "page"
    number: int = 0
    href: str = ""


class Pager(NamedTuple):
    items: list[PagerItem]


def pager(number: int, pages: int, href: Callable[[int], str]) -> Pager:
    """Links to the other pages of a list: first, last, and the two either side of this one."""
    if pages <= 1:
        return Pager([])
    shown = sorted({1, pages, *range(max(1, number - 2), min(pages, number + 2) + 1)})
    items, previous = [], 0
    for n in shown:
        if n > previous + 1:
            items.append(PagerItem("gap"))
        items.append(PagerItem("current", n) if n == number else PagerItem("page", n, href(n)))
        previous = n
    if number > 1:
        items.insert(0, PagerItem("previous", number - 1, href(number - 1)))
    if number < pages:
        items.append(PagerItem("next", number + 1, href(number + 1)))
    return Pager(items)


class Listing(NamedTuple):
    """One page of a long list: its title, introduction, pager and which rows it shows."""

    title: str
    intro: str  # a sentence of text
    number: int
    pages: int
    pager: Pager
    of: str  # which part of the list this page shows ("201–400 of 3,000"), or ""
