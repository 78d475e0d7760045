"""An article's text: Markdown (raw HTML off), an anchor per paragraph, quoted passages
highlighted and linked to their claims, and entity mentions linked.

Highlights and mentions are positions in the verbatim body, each with the paragraph the
analysis found it in. The text is rendered per paragraph with markdown-it; each rendered
text token is located in the paragraph's source (in order), and the positions that fall
inside it are applied to that token alone. Text that Markdown changed (an escape like
`\\*`) cannot be located and is shown unmarked. The pieces of marked text are turned into
HTML by the `marked_text` fragment, the paragraphs by `article_body.html`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

from ..commonmark import PLAIN_PARAGRAPH, markdown_parser
from .html import escape_html, markdown_html
from .templating import Templates


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    anchor: str  # the id the claim page links to (on the highlight's first piece)
    stance: str
    href: str  # the claim page
    label: str  # shown as a tooltip: the claim's text
    paragraph: int  # from 0, as the analysis found it; one Highlight per paragraph of a passage


@dataclass(frozen=True)
class MentionLink:
    start: int
    end: int
    href: str
    name: str
    paragraph: int  # from 0


class Mark(NamedTuple):
    kind: str  # supports, contradicts or mixed
    quotes: str  # the anchors of the highlights it belongs to
    title: str


class Piece(NamedTuple):
    text: str
    mention: MentionLink | None
    anchors: tuple[str, ...]  # anchors of highlights starting here
    mark: Mark | None
    cites: tuple[Highlight, ...]  # highlights ending here


@dataclass
class Paragraph:
    number: int  # from 1
    text: str = ""
    pieces: list[Piece] | None = None
    html: Markup | None = None
    unplaced: list[str] = field(default_factory=list)



def _cuts(start: int, end: int, highlights: list[Highlight], mentions: list[MentionLink]) -> list[int]:
    cuts = {start, end}
    for item in (*((h.start, h.end) for h in highlights), *((m.start, m.end) for m in mentions)):
        for point in item:
            if start < point < end:
                cuts.add(point)
    return sorted(cuts)


def _mark(active: list[Highlight]) -> Mark:
    stances = {h.stance for h in active}
    kind = stances.pop() if len(stances) == 1 else "mixed"
    return Mark(kind, " ".join(h.anchor for h in active), "; ".join(f"{h.stance}: {h.label}" for h in active))


def marked_pieces(
    body: str, start: int, end: int, highlights: list[Highlight], mentions: list[MentionLink], in_link: bool, placed: set[str]
) -> list[Piece]:
    """body[start:end] cut where highlights and mentions begin and end; `placed` collects
    the anchors given out (each highlight's anchor goes on its first piece only)."""
    here_h = [h for h in highlights if h.start < end and h.end > start]
    here_m = [] if in_link else [m for m in mentions if m.start < end and m.end > start]
    if not here_h and not here_m:
        return [Piece(body[start:end], None, (), None, ())]
    pieces = []
    cuts = _cuts(start, end, here_h, here_m)
    for a, b in itertools.pairwise(cuts):
        mention = next((m for m in here_m if m.start <= a and m.end >= b), None)
        active = [h for h in here_h if h.start <= a and h.end >= b]
        anchors = tuple(h.anchor for h in active if h.anchor not in placed)
        placed.update(anchors)
        mark = _mark(active) if active else None
        pieces.append(Piece(body[a:b], mention, anchors, mark, tuple(h for h in active if h.end == b)))
    return pieces


class ArticleBody:
    """Renders article bodies with one site's templates."""

    def __init__(self, templates: Templates) -> None:
        self.templates = templates
        self.marked_text = templates.macro("marked_text")
        self.markdown = markdown_parser()
        self.markdown.add_render_rule("text", self._text)

    @staticmethod
    def _text(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        html = token.meta.get("html")
        return str(html) if html is not None else escape_html(token.content)

    def _markdown(
        self, body: str, p_start: int, p_end: int, highlights: list[Highlight], mentions: list[MentionLink], placed: set[str]
    ) -> Markup:
        source = body[p_start:p_end]
        tokens = self.markdown.parse(source)
        if highlights or mentions:
            cursor = 0
            for token in tokens:
                if token.type != "inline" or not token.children:
                    continue
                in_link = 0
                for child in token.children:
                    if child.type == "link_open":
                        in_link += 1
                    elif child.type == "link_close":
                        in_link -= 1
                    elif child.type == "text" and child.content:
                        found = source.find(child.content, cursor)
                        if found < 0:
                            continue
                        cursor = found + len(child.content)
                        pieces = marked_pieces(body, p_start + found, p_start + cursor, highlights, mentions, bool(in_link), placed)
                        child.meta["html"] = self.marked_text(pieces)
        return markdown_html(self.markdown, tokens)

    def render(
        self, body: str, paragraphs: tuple[tuple[int, int], ...], highlights: list[Highlight], mentions: list[MentionLink]
    ) -> Markup:
        """The article body as HTML, one `<div id="p-N">` per paragraph (N from 1)."""
        # Cite links must appear once per highlight: only the last piece (end == h.end) gets one,
        # so highlights are clipped to paragraphs by the caller (one Highlight per span).
        placed: set[str] = set()
        by_paragraph_h: dict[int, list[Highlight]] = {}
        by_paragraph_m: dict[int, list[MentionLink]] = {}
        for h in highlights:
            by_paragraph_h.setdefault(h.paragraph, []).append(h)
        for m in mentions:
            by_paragraph_m.setdefault(m.paragraph, []).append(m)
        views = []
        for number, (p_start, p_end) in enumerate(paragraphs):
            view = Paragraph(number + 1)
            source = body[p_start:p_end]
            h_list, m_list = by_paragraph_h.get(number, []), by_paragraph_m.get(number, [])
            if not PLAIN_PARAGRAPH.match(source):
                view.html = self._markdown(body, p_start, p_end, h_list, m_list, placed)
            elif h_list or m_list:
                view.pieces = marked_pieces(body, p_start, p_end, h_list, m_list, False, placed)
            else:
                view.text = source
            views.append(view)
        # A highlight whose text could not be placed (Markdown changed it) still gets its anchor,
        # on its paragraph, so links to it land in the right place.
        for h in highlights:
            if h.anchor not in placed:
                placed.add(h.anchor)
                views[h.paragraph].unplaced.insert(0, h.anchor)
        return self.templates.render_markup("article_body.html", paragraphs=views)
