"""HTML fragments shared by several pages: badges, evidence side by side, claim cards, dates."""

from __future__ import annotations

import datetime as dt
import functools

from .. import dates, values
from ..model import Claim, DateValue, Entity, Quantity, Stance, Status
from .data import STATUS_ORDER, SiteData  # noqa: F401 (STATUS_ORDER is re-exported: pages import it from here)
from .html import esc, markdown_inline, safe_url, text_fragment
from .links import Linker, article_page, claim_page, entity_page

STATUS_LABELS = {
    Status.CORROBORATED: ("✔✔", "Corroborated", "two or more independent origins support it; none contradicts it"),
    Status.SINGLE_SOURCE: ("✔", "Single source", "one origin supports it; none contradicts it"),
    Status.CONTESTED: ("⚖", "Contested", "some origins support it, others contradict it"),
    Status.DISPUTED: ("✖", "Disputed", "the only evidence contradicts it"),
}
STANCE_LABELS = {Stance.SUPPORTS: ("✔", "Supports"), Stance.CONTRADICTS: ("✖", "Contradicts")}


def status_badge(status: Status, *, compact: bool = False) -> str:
    """The status as a badge; `compact` leaves out the tooltip, for tables of many rows."""
    icon, label, meaning = STATUS_LABELS[status]
    title = "" if compact else f' title="{esc(meaning)}"'
    return (
        f'<span class="dossier-badge dossier-status-{status.value}"{title}>'
        f'<span aria-hidden="true">{icon}</span> {label}</span>'
    )


def stance_badge(stance: Stance) -> str:
    icon, label = STANCE_LABELS[stance]
    return f'<span class="dossier-badge dossier-stance-{stance.value}"><span aria-hidden="true">{icon}</span> {label}</span>'


def format_date(value: DateValue | dt.date | None) -> str:
    if isinstance(value, dt.date):
        value = dates.from_day(value)
    return dates.display(value, abbreviated=True)


@functools.lru_cache(maxsize=16384)
def date_html(value: DateValue | None) -> str:
    # Cached: a large dossier has a few thousand distinct dates and prints them ~10^6 times.
    if value is None:
        return ""
    return f'<time datetime="{dates.machine_readable(_first_written(value))}">{esc(format_date(value))}</time>'


def _first_written(value: DateValue) -> dates.Date:
    """The date a `<time>` element names: the date itself, or the range's first written end."""
    if isinstance(value, dates.Date):
        return value
    written = value.start or value.end
    assert written is not None
    return written


def format_number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


def quantity_text(quantity: Quantity) -> str:
    return values.display_quantity(quantity)


class Parts:
    """Fragments for one page (links are relative to it)."""

    def __init__(self, data: SiteData, linker: Linker, page: str) -> None:
        self.data = data
        self.linker = linker
        self.page = page

    def href(self, target: str, anchor: str = "") -> str:
        return esc(self.linker.href(self.page, target, anchor))

    def entity_link(self, entity_id: str) -> str:
        entity = self.data.dossier.entities.get(entity_id)
        if entity is None:  # pragma: no cover - references are checked before rendering
            return esc(entity_id)
        return f'<a href="{self.href(entity_page(entity.kind, entity.id))}">{esc(entity.name)}</a>'

    def entity_links(self, ids: tuple[str, ...] | list[str]) -> str:
        return ", ".join(self.entity_link(i) for i in ids)

    def claim_link(self, claim: Claim) -> str:
        return f'<a href="{self.href(claim_page(claim.id))}">{markdown_inline(claim.text)}</a>'

    def article_link(self, article_id: str) -> str:
        article = self.data.dossier.articles[article_id]
        return f'<a href="{self.href(article_page(article.id))}">{esc(article.title)}</a>'

    def evidence(self, claim: Claim, index: int) -> str:
        item = claim.evidence[index]
        article = self.data.dossier.articles[item.article]
        origin = self.data.analysis.assessments[claim.id].origins[index]
        spans = self.data.analysis.passages.get((claim.id, index), ())
        paragraph = f" (¶{spans[0].paragraph + 1})" if spans else ""
        links = [f'<a href="{self.href(article_page(article.id), f"q-{claim.id}-{index}")}">Passage in the article{paragraph}</a>']
        if article.url and safe_url(article.url):
            links.append(
                f'<a href="{esc(article.url + text_fragment(item.quote))}" rel="nofollow noopener noreferrer">Original</a>'
            )
        via = f' · <span class="dossier-via">via {esc(item.via)}</span>' if item.via else ""
        note = f'<p class="dossier-note"><strong>Note:</strong> {markdown_inline(item.note)}</p>' if item.note else ""
        return (
            f'<figure class="dossier-evidence dossier-{item.stance.value}">'
            f"<figcaption>{stance_badge(item.stance)} "
            f'<span class="dossier-source">{self.article_link(article.id)} — {esc(article.outlet)}'
            f"{', ' + date_html(article.published) if article.published else ''}{via}</span>"
            f'<span class="dossier-origin" title="The origin counted for corroboration">origin: {esc(origin)}</span>'
            f"</figcaption>"
            f"<blockquote><p>{esc(item.quote)}</p></blockquote>"
            f'<p class="dossier-evidence-links">{" · ".join(links)}</p>{note}</figure>'
        )

    def sides(self, claim: Claim) -> str:
        """Evidence for and against, side by side."""
        columns = []
        for stance, title in ((Stance.SUPPORTS, "For"), (Stance.CONTRADICTS, "Against")):
            indexes = [i for i, item in enumerate(claim.evidence) if item.stance is stance]
            body = "".join(self.evidence(claim, i) for i in indexes) or '<p class="dossier-empty">No evidence.</p>'
            columns.append(
                f'<section class="dossier-side dossier-side-{stance.value}" aria-label="{title}">'
                f'<p class="dossier-side-title">{stance_badge(stance)} {title} ({len(indexes)})</p>{body}</section>'
            )
        return f'<div class="dossier-sides">{"".join(columns)}</div>'

    def claim_card(self, claim: Claim, *, heading_level: int = 4) -> str:
        assessment = self.data.analysis.assessments[claim.id]
        facts = [status_badge(assessment.status)]
        if claim.date:
            facts.append(date_html(claim.date))
        if claim.quantity:
            facts.append(f"{esc(claim.quantity.measure)}: <strong>{esc(quantity_text(claim.quantity))}</strong>")
        h = f"h{heading_level}"
        return (
            f'<article class="dossier-claim dossier-claim-{assessment.status.value}">'
            f'<{h} id="claim-{esc(claim.id)}">{self.claim_link(claim)}</{h}>'
            f'<p class="dossier-facts">{" · ".join(facts)}</p>{self.sides(claim)}</article>'
        )

    def entity_kind_label(self, entity: Entity) -> str:
        return entity.kind.value.capitalize()
