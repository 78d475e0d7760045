"""A page being written: HTML parts plus the table of contents its headings make."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .html import esc


@dataclass(frozen=True)
class TocEntry:
    level: int
    id: str
    title: str  # HTML


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
class PageWriter:
    parts: list[str] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    search: list[str] | None = None

    def add(self, html: str) -> None:
        self.parts.append(html)

    def searchable(self, html: str) -> None:
        """Adds `html` to what the search index gets of this page (nothing else is indexed)."""
        if self.search is None:
            self.search = []
        self.search.append(html)

    def heading(self, level: int, anchor: str, title_html: str, *, in_toc: bool = True) -> None:
        self.parts.append(f'<h{level} id="{esc(anchor)}">{title_html}</h{level}>')
        if in_toc:
            self.toc.append(TocEntry(level, anchor, title_html))

    def done(self) -> RenderedPage:
        return RenderedPage("".join(self.parts), tuple(self.toc), "".join(self.search or ()))


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


def pager(number: int, pages: int, href: Callable[[int], str], *, label: str = "Pages") -> str:
    """Links to the other pages of a list: first, last, and the two either side of this one."""
    if pages <= 1:
        return ""
    shown = sorted({1, pages, *range(max(1, number - 2), min(pages, number + 2) + 1)})
    items, previous = [], 0
    for n in shown:
        if n > previous + 1:
            items.append('<span class="dossier-pager-gap">…</span>')
        items.append(f'<strong aria-current="page">{n}</strong>' if n == number else f'<a href="{href(n)}">{n}</a>')
        previous = n
    if number > 1:
        items.insert(0, f'<a href="{href(number - 1)}" rel="prev">‹ Previous</a>')
    if number < pages:
        items.append(f'<a href="{href(number + 1)}" rel="next">Next ›</a>')
    return f'<nav class="dossier-pager" aria-label="{esc(label)}">{" ".join(items)}</nav>'


def table(
    headers: list[str],
    rows: list[list[tuple[str, str | int | float | None]]],
    *,
    caption: str = "",
    filterable: bool = True,
    of: str = "",
) -> str:
    """A table readers can sort (by clicking a header) and filter; cells are (html, sort key).

    `of` says which part of a longer list the rows are (e.g. "rows 201–400 of 3,000"):
    sorting and filtering then apply to this page's rows.
    """
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for html, key in row:
            attr = f' data-sort="{esc(key)}"' if key is not None else ""
            cells.append(f"<td{attr}>{html}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    tools = (
        '<p class="dossier-table-tools"><input type="search" class="dossier-filter" placeholder="Filter rows…" '
        f'aria-label="Filter the rows of this table"> <span class="dossier-count">{len(rows)} rows</span>'
        + (f' <span class="dossier-hint">({of})</span>' if of else "")
        + "</p>"
        if filterable
        else ""
    )
    cap = f"<caption>{caption}</caption>" if caption else ""
    return (
        f'<div class="dossier-table-block">{tools}<div class="dossier-table-scroll">'
        f'<table class="dossier-table" data-dossier-sortable>{cap}<thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table></div></div>'
    )


def paged_title(page: PageWriter, title: str, number: int, paging: Paging, intro: str) -> None:
    """A listing's title and introduction; only its first page is searchable."""
    suffix = f" <small>(page {number} of {paging.pages})</small>" if number > 1 else ""
    page.add(f"<h1>{title}{suffix}</h1>")
    page.add(intro)
    if number == 1:
        page.searchable(f"<h1 id=\"top\">{title}</h1>{intro}")
