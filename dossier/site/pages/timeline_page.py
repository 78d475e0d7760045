"""The timeline: every event and dated claim by date, and one timeline per entity.

Items are grouped by year, month and date; on each date its events come before its claims.
A date that covers more than a day ("September 2025", "10–12 September 2025", "2025") is
placed at its first day and labelled with what it covers, never shown as a day. Long
timelines are cut into pages of TIMELINE_ITEMS items, so no page grows with the dossier.

Filtering by entity works without JavaScript: every entity with dated items has a timeline
of its own (`timeline/<id>.md`), linked from its page and from the timeline; the script
(`dossier.js`) turns the timeline's list of those links into a filter of the page's items.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ...dates import MONTHS, Date, DateRange, DateValue
from ...model import Entity, Status
from ..data import TimelineItem
from ..page import Listing, Paging, RenderedPage, Toc, TocEntry
from ..rendering.links import TIMELINE, entity_page, listing_page
from ..rendering.parts import Link, Parts
from .index_pages import listing, render_listing

TIMELINE_ITEMS = 200  # events and dated claims per page of a timeline
FILTER_ENTITIES = 50  # entities offered as filters on a page of the timeline: those with most items there
OPEN_START = "y-open"  # the anchor of ranges with no start ("until March 2021"): before every year


def entity_timeline_page(entity_id: str) -> str:
    """The timeline of one entity: `timeline/<id>.md` (ids are single path segments, and the
    timeline's own later pages are `timeline/page/<n>.md`, so no path is taken twice)."""
    return f"timeline/{entity_id}.md"


class TimelineRow(NamedTuple):
    link: Link
    status: Status | None  # a claim's; None for an event
    filter_keys: str  # the page's filter entities the item concerns ("3 17"), for the script


class TimelineDay(NamedTuple):
    """The items of one date, events first; a date that covers more than a day says so in `span`."""

    anchor: str
    level: int  # of its heading: 4 under a month, 3 for a whole year (no month heading)
    date: DateValue
    span: str  # "" for a day; else "whole month", "whole year", "3 days", "span" or "open-ended"
    continued: bool  # the date's first items are on the previous page
    events: list[TimelineRow]
    claims: list[TimelineRow]


class TimelineMonth(NamedTuple):
    heading: TocEntry | None  # None for dates of a whole year (or an open start): no month
    days: list[TimelineDay]


class TimelineYear(NamedTuple):
    heading: TocEntry
    months: list[TimelineMonth]


class FilterEntity(NamedTuple):
    key: int  # what the rows' `filter_keys` name it by
    id: str
    link: Link  # to its own timeline
    items: int  # its items on this page


def timeline_paging(parts: Parts, entity_id: str | None = None) -> Paging:
    return Paging(len(parts.data.timeline(entity_id)), TIMELINE_ITEMS, TIMELINE_ITEMS)


def span_label(value: DateValue) -> str:
    """What a date covers when it is more than one day, in words ("" for a day)."""
    if isinstance(value, DateRange):
        if value.start is None or value.end is None:
            return "open-ended"
        if value.start != value.end:
            if value.start.precision == value.end.precision == "day":
                return f"{(value.end.first_day - value.start.first_day).days + 1} days"
            return "span"
        value = value.start
    return {"day": "", "month": "whole month", "year": "whole year"}[value.precision]


def _start(value: DateValue) -> Date | None:
    return value.start if isinstance(value, DateRange) else value


def _anchor(value: DateValue) -> str:
    return "d" + value.isoformat().replace("/", "--").replace("..", "open")


def item_entities(item: TimelineItem) -> tuple[str, ...]:
    """The entities an item concerns: a claim's `about`; an event, its participants and countries."""
    if item.entity is not None:
        return (item.entity.id, *item.entity.participants, *item.entity.countries)
    assert item.claim is not None  # a timeline item is an event or a claim
    return item.claim.about


def _row(parts: Parts, item: TimelineItem, keys: dict[str, int]) -> TimelineRow:
    filter_keys = " ".join(str(keys[e]) for e in dict.fromkeys(item_entities(item)) if e in keys)
    if item.entity is not None:
        return TimelineRow(parts.entity_link(item.entity.id), None, filter_keys)
    assert item.claim is not None
    return TimelineRow(parts.claim_link(item.claim), parts.data.status(item.claim.id), filter_keys)


def _unique(anchor: str, used: set[str]) -> str:
    """An anchor not yet used on the page (a year's own dates can split its January in two)."""
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate


class _Grouping:
    """Adds items in timeline order to years, months and dates, opening each group as it changes."""

    def __init__(self, toc: Toc) -> None:
        self.toc = toc
        self.years: list[TimelineYear] = []
        self.used: set[str] = set()
        self.year_key: int | str | None = "none yet"
        self.month_key: tuple[int, int] | str | None = "none yet"

    def day(self, value: DateValue, continued: bool) -> TimelineDay:
        start = _start(value)
        year = start.year if start else None
        if not self.years or year != self.year_key:
            anchor = _unique(f"y{year}" if year else OPEN_START, self.used)
            self.years.append(TimelineYear(self.toc.add(2, anchor, str(year) if year else "Open start"), []))
            self.year_key, self.month_key = year, "none yet"
        months = self.years[-1].months
        month = (start.year, start.month) if start and start.month else None
        if not months or month != self.month_key:
            heading = None
            if month is not None:
                heading = self.toc.add(3, _unique(f"m{month[0]}-{month[1]:02d}", self.used), f"{MONTHS[month[1]]} {month[0]}")
            months.append(TimelineMonth(heading, []))
            self.month_key = month
        days = months[-1].days
        if not days or days[-1].date != value:
            anchor = _unique(_anchor(value), self.used)
            days.append(TimelineDay(anchor, 4 if month else 3, value, span_label(value), continued, [], []))
        return days[-1]


def group_by_date(
    parts: Parts, items: list[TimelineItem], toc: Toc, keys: dict[str, int], continued: DateValue | None
) -> list[TimelineYear]:
    """Items in timeline order, grouped by year, month and date (headings added to `toc`);
    `continued`: the date of the previous page's last item, whose items may go on here."""
    grouping = _Grouping(toc)
    for index, item in enumerate(items):
        day = grouping.day(item.date, index == 0 and item.date == continued)
        (day.events if item.entity is not None else day.claims).append(_row(parts, item, keys))
    return grouping.years


def filter_entities(parts: Parts, items: list[TimelineItem]) -> list[FilterEntity]:
    """The entities with the most items on this page (up to FILTER_ENTITIES), by name."""
    counts = Counter(e for item in items for e in dict.fromkeys(item_entities(item)))
    entities = parts.data.dossier.entities
    top = sorted(counts, key=lambda e: (-counts[e], entities[e].name.casefold(), e))[:FILTER_ENTITIES]
    top.sort(key=lambda e: (entities[e].name.casefold(), e))
    return [FilterEntity(n, e, Link(parts.href(entity_timeline_page(e)), entities[e].name), counts[e]) for n, e in enumerate(top)]


def _page_items(parts: Parts, entity_id: str | None, number: int) -> tuple[Paging, list[TimelineItem], DateValue | None]:
    """The items of page `number`, and the date of the previous page's last item."""
    timeline = parts.data.timeline(entity_id)
    paging = timeline_paging(parts, entity_id)
    start, end = paging.bounds(number)
    return paging, timeline[start:end], timeline[start - 1].date if start else None


def render_timeline(parts: Parts, number: int = 1) -> RenderedPage:
    paging, items, previous = _page_items(parts, None, number)
    toc = Toc()
    entities = filter_entities(parts, items)
    years = group_by_date(parts, items, toc, {f.id: f.key for f in entities}, previous)
    intro = "Every event and every dated claim, oldest first; on each date, its events come first."
    page = listing(parts, TIMELINE, "Timeline", intro, paging, number)
    rendered = render_listing(parts, "pages/timeline.html", page, years=years, entities=entities)
    return RenderedPage(rendered.html, tuple(toc.entries), rendered.search)


def render_entity_timeline(parts: Parts, entity: Entity, number: int = 1) -> RenderedPage:
    """The timeline of one entity: the events and dated claims concerning it. Not searched:
    the entity's own page is what a search for its name should find."""
    paging, items, previous = _page_items(parts, entity.id, number)
    toc = Toc()
    years = group_by_date(parts, items, toc, {}, previous)
    intro = f"Every event and dated claim concerning {entity.name}, oldest first; on each date, its events come first."
    page: Listing = listing(parts, entity_timeline_page(entity.id), f"Timeline of {entity.name}", intro, paging, number)
    html = parts.render(
        "pages/entity_timeline.html",
        listing=page,
        years=years,
        entity=Link(parts.href(entity_page(entity.kind, entity.id)), entity.name),
        timeline_href=parts.href(listing_page(TIMELINE, 1)),
    )
    return RenderedPage(html, tuple(toc.entries), "")
