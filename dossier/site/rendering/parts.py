"""What the shared fragments receive: links, evidence, claim cards, quantities; built for one page.

Plain data only: the templates (`templates/fragments/`) turn it into HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from markupsafe import Markup

from ...commonmark import safe_url
from ...excerpts import Excerpt
from ...model import Article, Claim, DateValue, Measure, Quantity, Stance, Status, date_start
from ...quotes import Span
from ...values import display_quantity
from ..data import STATUS_ORDER, SiteData, TimelineItem
from .fragments import text_fragments
from .html import markdown_inline
from .links import Linker, article_page, claim_page
from .passages import excerpt_of
from .source_box import lost_on
from .templating import STATUS_LABELS, Templates

__all__ = [
    "STATUS_LABELS",
    "STATUS_ORDER",
    "ClaimCard",
    "ClaimRow",
    "EvidenceView",
    "Link",
    "Memo",
    "Parts",
    "PassagePiece",
    "TimelineEntry",
    "quantity_text",
]


class Link(NamedTuple):
    href: str
    label: str | Markup  # a name or title; a claim's statement is rendered Markdown


class QuantityView(NamedTuple):
    measure: str
    text: str


class PassagePiece(NamedTuple):
    text: str
    left_out: bool  # words of the article that an ellipsis of the quote stands for


class EvidenceView(NamedTuple):
    stance: Stance
    article: Link
    outlet: str
    published: DateValue | None
    via: str | None
    origin: str
    quote: str  # what is shown: the article's own words at the quote's place (v3), parts joined by " … "
    passage_href: str
    paragraph: int | None  # from 1, when the quote was found
    original_href: str | None  # the article's own URL with a text fragment, when it is safe
    note: Markup | None
    passage: list[PassagePiece]  # an elided quote's passage in full: parts and what is left out; else empty
    left_out_words: int  # words left out by its ellipses (0 without)
    origin_href: str = ""  # the origin's entity page, when the origin is an entity
    translation: str | None = None  # the analyst's rendering of the quote
    lang: str = ""  # the article's language when it is not the page's, for the quote's `lang`
    archived_href: str | None = None  # a saved copy of the article, when it is safe
    negations: tuple[str, ...] = ()  # negations its ellipses leave out: the passage is then shown unfolded
    lost_on: str = ""  # the day a recheck found the quote no longer on the live page (v3), or ""


class Quoted(NamedTuple):
    """The part of an evidence item's view that is the same on every page."""

    original_href: str | None
    passage: list[PassagePiece]
    left_out_words: int
    lang: str
    archived_href: str | None
    quote: str
    negations: tuple[str, ...]


class Memo:
    """What the pages of one build compute alike, kept for the next page that needs it.

    Each entry is keyed by the values it is computed from, which the page reads from the
    site's data before it looks the entry up: under the preview those reads are recorded on
    every page (dependencies.py), whether the entry was computed for it or found here.
    """

    def __init__(self) -> None:
        self.quoted: dict[tuple[object, ...], Quoted] = {}
        self.fragments: dict[tuple[str, tuple[Span, ...]], str] = {}  # (article body, a quote's spans) -> text fragment


class Side(NamedTuple):
    stance: Stance
    title: str
    evidence: list[EvidenceView]


class ClaimCard(NamedTuple):
    id: str
    status: Status
    link: Link
    date: DateValue | None
    quantity: QuantityView | None
    sides: list[Side]
    conclusion: str | None = None  # what the evidence adds up to, shown above the status


class TimelineEntry(NamedTuple):
    date: DateValue
    event: Link | None
    claim: Link | None
    status: Status | None


class ClaimRow(NamedTuple):
    link: Link
    text_key: str
    status: Status
    status_rank: int
    origins_for: int
    origins_against: int
    date: DateValue | None
    date_key: str | None  # None: the cell has no sort key
    about: list[Link]


PAGE_LANGUAGE = "en"  # the pages' own `lang` (the theme's language)


def text_language(language: str) -> str:
    """The `lang` to give an article's text: its language, when it is not the page's."""
    return "" if language.casefold() == PAGE_LANGUAGE else language


def date_key(value: DateValue | None) -> str:
    """A sort key: an imprecise date sorts at its first day (an open start first of all)."""
    return "" if value is None else date_start(value).isoformat()


def _passage_pieces(text: Excerpt) -> list[PassagePiece]:
    """An elided quote's passage: its parts with what each ellipsis leaves out between them."""
    if not text.elided:
        return []
    pieces = [PassagePiece(text.parts[0], False)]
    for left_out, part in zip(text.left_out, text.parts[1:], strict=True):
        pieces += [PassagePiece(left_out, True), PassagePiece(part, False)]
    return pieces


def quantity_text(quantity: Quantity, measure: Measure | None = None) -> str:
    """The value as the source gives it: "52", "more than 1,000", "about 1,200 people"."""
    return display_quantity(quantity, measure)


class Parts:
    """Data for the fragments of one page (links are relative to it)."""

    def __init__(self, data: SiteData, linker: Linker, page: str, templates: Templates, memo: Memo | None = None) -> None:
        self.data = data
        self.linker = linker
        self.page = page
        self.templates = templates
        self.memo = memo or Memo()

    def render(self, name: str, **data: object) -> str:
        return self.templates.render(name, **data)

    def href(self, target: str, anchor: str = "") -> str:
        return self.linker.href(self.page, target, anchor)

    def entity_link(self, entity_id: str) -> Link:
        entity = self.data.dossier.entities[entity_id]  # references are checked before rendering
        return Link(self.href(self.data.entity_pages[entity_id]), entity.name)

    def entity_links(self, ids: Iterable[str]) -> list[Link]:
        return [self.entity_link(i) for i in ids]

    def claim_link(self, claim: Claim) -> Link:
        return Link(self.href(claim_page(claim.id)), markdown_inline(claim.text))

    def article_link(self, article_id: str) -> Link:
        return Link(self.href(article_page(article_id)), self.data.dossier.articles[article_id].title)

    def quantity(self, claim: Claim) -> QuantityView | None:
        """The claim's number, with its measure's name (its id when it is not declared)."""
        if claim.quantity is None:
            return None
        measure = self.data.dossier.measures.get(claim.quantity.measure)
        return QuantityView(measure.name if measure else claim.quantity.measure, quantity_text(claim.quantity, measure))

    def evidence(self, claim: Claim, index: int) -> EvidenceView:
        item = claim.evidence[index]
        article = self.data.dossier.articles[item.article]
        spans = self.data.analysis.passages.get((claim.id, index), ())
        origin = self.data.analysis.assessments[claim.id].evidence_origins[index]
        quoted = self._quoted(article, excerpt_of(self.data.analysis, (claim.id, index), item.quote), spans)
        return EvidenceView(
            stance=item.stance,
            article=self.article_link(article.id),
            outlet=article.outlet,
            published=article.published,
            via=item.via,
            origin=origin.display,
            quote=quoted.quote,
            passage_href=self.href(article_page(article.id), f"q-{claim.id}-{index}"),
            paragraph=spans[0].paragraph + 1 if spans else None,
            original_href=quoted.original_href,
            note=markdown_inline(item.note) if item.note else None,
            passage=quoted.passage,
            left_out_words=quoted.left_out_words,
            origin_href=self.href(self.data.entity_pages[origin.entity_id]) if origin.entity_id else "",
            translation=item.translation,
            lang=quoted.lang,
            archived_href=quoted.archived_href,
            negations=quoted.negations,
            lost_on=lost_on(self.data.dossier.rechecks.get(article.id), claim.id, item.quote),
        )

    def _fragment(self, article: Article, spans: tuple[Span, ...]) -> str:
        """A quote's text fragment (fragments.py), keyed by the body and spans it is computed
        from. The first time an article is needed, its other cited quotes' fragments are made
        too: reading its text costs more than all of them, and its quotes are spread over
        claim and entity pages rendered far apart (a small cache of texts did not hold them)."""
        key = (article.body, spans)
        found = self.memo.fragments.get(key)
        if found is None:
            passages = self.data.analysis.passages
            others = [passages.get(cited, ()) for cited in self.data.citations.get(article.id, ())]
            for quote, fragment in text_fragments(article.body, [spans, *others]).items():
                self.memo.fragments[(article.body, quote)] = fragment
            found = self.memo.fragments[key]
        return found

    def _quoted(self, article: Article, excerpt: Excerpt, spans: tuple[Span, ...]) -> Quoted:
        """What a quote shows of its article, computed once a build: the same on every page
        (its claim's and those of the entities it is about). Keyed by every value it is
        computed from; each page still reads them, so the preview sees what the page shows."""
        key = (article.body, article.url, article.archived, article.language, excerpt, spans)
        quoted = self.memo.quoted.get(key)
        if quoted is None:
            original = article.url if article.url and safe_url(article.url) else None
            quoted = self.memo.quoted[key] = Quoted(
                original_href=original + self._fragment(article, spans) if original else None,
                passage=_passage_pieces(excerpt),
                left_out_words=excerpt.left_out_words,
                lang=text_language(article.language),
                archived_href=article.archived if article.archived and safe_url(article.archived) else None,
                quote=excerpt.text,
                negations=excerpt.negations,
            )
        return quoted

    def sides(self, claim: Claim) -> list[Side]:
        """Evidence for and against."""
        return [
            Side(stance, title, [self.evidence(claim, i) for i, item in enumerate(claim.evidence) if item.stance is stance])
            for stance, title in ((Stance.SUPPORTS, "For"), (Stance.CONTRADICTS, "Against"))
        ]

    def claim_card(self, claim: Claim) -> ClaimCard:
        status = self.data.status(claim.id)
        return ClaimCard(claim.id, status, self.claim_link(claim), claim.date, self.quantity(claim), self.sides(claim), claim.conclusion)

    def timeline_entry(self, item: TimelineItem) -> TimelineEntry:
        if item.entity is not None:
            return TimelineEntry(item.date, self.entity_link(item.entity.id), None, None)
        assert item.claim is not None  # a timeline item is an event or a claim
        return TimelineEntry(item.date, None, self.claim_link(item.claim), self.data.status(item.claim.id))

    def claim_row(self, claim: Claim, *, about: bool) -> ClaimRow:
        """A row of a table of claims; with `about`, the entities it is about (and an empty
        date sorts as ""; without, an empty date cell has no sort key)."""
        a = self.data.analysis.assessments[claim.id]
        return ClaimRow(
            self.claim_link(claim),
            claim.text.casefold(),
            a.status,
            STATUS_ORDER.index(a.status),
            len(a.supporting_origins),
            len(a.contradicting_origins),
            claim.date,
            date_key(claim.date) if about or claim.date is not None else None,
            self.entity_links(claim.about) if about else [],
        )
