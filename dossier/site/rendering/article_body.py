"""An article's text: Markdown (raw HTML off), an anchor per paragraph, quoted passages
highlighted and linked to their claims, what their ellipses leave out marked, and entity
mentions linked.

Highlights and mentions are positions in the verbatim body, each with the paragraph the
analysis found it in. The text is rendered per paragraph with markdown-it; each rendered
text token is located in the paragraph's source (in order), and the positions that fall
inside it are applied to that token alone. Text that Markdown changed (an escape like
`\\*`) cannot be located and is shown unmarked. The pieces of marked text are turned into
HTML by the `marked_text` fragment, the paragraphs by `article_body.html`.

The article's words are never interrupted: the link from a quote to its claim is an empty
element after the quote (its sign, ✔ or ✖, is drawn by the style sheet), so the page's text
is the article's visible text and a text fragment made from it finds every quote.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

from ...commonmark import PLAIN_PARAGRAPH, markdown_parser
from ...text import BIDI_MARKS
from .html import escape_html, markdown_html
from .templating import Templates

# Bidirectional controls (raw, or decoded from `&#x202E;`) would make the page show text
# reversed from what it says (contract v3): the page leaves them out; the check warns.
_NO_BIDI = dict.fromkeys(map(ord, BIDI_MARKS))


def _shown(text: str) -> str:
    return text.translate(_NO_BIDI) if not text.isascii() else text


@dataclass(frozen=True)
class Highlight:
    """One span of a quote. An elided quote has a highlight per part, all with its anchor, in
    one paragraph: the text between two of them is what an ellipsis leaves out."""

    start: int
    end: int
    anchor: str  # the id the claim page links to (on the highlight's first piece)
    stance: str
    href: str  # the claim page
    label: str  # shown as a tooltip: the claim's text
    paragraph: int  # from 0, as the analysis found it; one Highlight per paragraph of a passage
    cite: bool = True  # whether the link to the claim follows it (the last span of a quote only)


@dataclass(frozen=True)
class MentionLink:
    start: int
    end: int
    href: str
    name: str
    paragraph: int  # from 0


@dataclass(frozen=True)
class LeftOut:
    """Article text between two parts of an elided quote: what its ellipsis stands for."""

    start: int
    end: int
    anchor: str  # the quote's
    label: str
    paragraph: int  # from 0
    stance: str = ""  # the quote's: the switch of its stance hides the hatching too


class Mark(NamedTuple):
    kind: str  # supports, contradicts or mixed
    quotes: str  # the anchors of the highlights it belongs to
    title: str


class Omission(NamedTuple):
    quotes: str  # the anchors of the quotes whose ellipses leave this text out
    title: str
    stances: str = ""  # of those quotes: "supports", "contradicts" or both


class Piece(NamedTuple):
    text: str
    mention: MentionLink | None
    anchors: tuple[str, ...]  # anchors of highlights starting here
    mark: Mark | None
    cites: tuple[Highlight, ...]  # highlights ending here that link to their claims
    omitted: Omission | None = None


@dataclass
class Paragraph:
    number: int  # from 1
    text: str = ""
    pieces: list[Piece] | None = None
    html: Markup | None = None
    unplaced: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Marks:
    """What is marked in one paragraph."""

    highlights: list[Highlight]
    mentions: list[MentionLink]
    left_out: list[LeftOut]

    def __bool__(self) -> bool:
        return bool(self.highlights or self.mentions or self.left_out)


def _cuts(start: int, end: int, marks: Marks) -> list[int]:
    cuts = {start, end}
    ranges = (
        [(h.start, h.end) for h in marks.highlights]
        + [(g.start, g.end) for g in marks.left_out]
        + [(m.start, m.end) for m in marks.mentions]
    )
    for item in ranges:
        for point in item:
            if start < point < end:
                cuts.add(point)
    return sorted(cuts)


def _mark(active: list[Highlight]) -> Mark:
    stances = {h.stance for h in active}
    kind = stances.pop() if len(stances) == 1 else "mixed"
    return Mark(kind, " ".join(dict.fromkeys(h.anchor for h in active)), "; ".join(f"{h.stance}: {h.label}" for h in active))


def _omission(gaps: list[LeftOut]) -> Omission:
    stances = " ".join(sorted({g.stance for g in gaps}))
    return Omission(" ".join(g.anchor for g in gaps), "; ".join(f"left out by the quote: {g.label}" for g in gaps), stances)


def marked_pieces(body: str, start: int, end: int, marks: Marks, in_link: bool, placed: set[str]) -> list[Piece]:
    """body[start:end] cut where highlights, left-out text and mentions begin and end; `placed`
    collects the anchors given out (each highlight's anchor goes on its first piece only)."""
    here = Marks(
        [h for h in marks.highlights if h.start < end and h.end > start],
        [] if in_link else [m for m in marks.mentions if m.start < end and m.end > start],
        [g for g in marks.left_out if g.start < end and g.end > start],
    )
    if not here:
        return [Piece(_shown(body[start:end]), None, (), None, ())]
    pieces = []
    for a, b in itertools.pairwise(_cuts(start, end, here)):
        # Most pieces are in no quote: the quote's parts of a piece are worked out only for the others.
        mention = next((m for m in here.mentions if m.start <= a and m.end >= b), None) if here.mentions else None
        active = [h for h in here.highlights if h.start <= a and h.end >= b] if here.highlights else None
        gaps = [g for g in here.left_out if g.start <= a and g.end >= b] if here.left_out else None
        if not active:
            pieces.append(Piece(_shown(body[a:b]), mention, (), None, (), _omission(gaps) if gaps else None))
            continue
        anchors = tuple(dict.fromkeys(h.anchor for h in active if h.anchor not in placed))
        placed.update(anchors)
        pieces.append(
            Piece(
                _shown(body[a:b]),
                mention,
                anchors,
                _mark(active),
                tuple(h for h in active if h.end == b and h.cite),
                _omission(gaps) if gaps else None,
            )
        )
    return pieces


def elided_quotes(highlights: Sequence[Highlight]) -> tuple[list[Highlight], list[LeftOut]]:
    """The highlights, only the last span of each quote linking to its claim; and the text
    left out between consecutive spans of one quote in one paragraph (its ellipses: a quote
    without ellipsis is cut only where a paragraph ends)."""
    last: dict[str, Highlight] = {}
    left_out = []
    for h in highlights:
        before = last.get(h.anchor)
        if before is not None and before.paragraph == h.paragraph and before.end < h.start:
            left_out.append(LeftOut(before.end, h.start, h.anchor, f"{h.stance}: {h.label}", h.paragraph, h.stance))
        if before is None or h.end >= before.end:
            last[h.anchor] = h
    ends = {id(h) for h in last.values()}
    return [h if id(h) in ends else dataclasses.replace(h, cite=False) for h in highlights], left_out


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
        return str(html) if html is not None else escape_html(_shown(token.content))

    def _markdown(self, body: str, p_start: int, p_end: int, marks: Marks, placed: set[str]) -> Markup:
        source = body[p_start:p_end]
        tokens = self.markdown.parse(source)
        if marks:
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
                        pieces = marked_pieces(body, p_start + found, p_start + cursor, marks, bool(in_link), placed)
                        child.meta["html"] = self.marked_text(pieces)
        return markdown_html(self.markdown, tokens)

    def render(
        self, body: str, paragraphs: tuple[tuple[int, int], ...], highlights: list[Highlight], mentions: list[MentionLink]
    ) -> Markup:
        """The article body as HTML, one `<div id="p-N">` per paragraph (N from 1)."""
        # Cite links must appear once per quote: only the last piece (end == h.end) of its last
        # span gets one, so highlights are clipped to paragraphs by the caller (one per span).
        placed: set[str] = set()
        highlights, left_out = elided_quotes(highlights)
        marks = [Marks([], [], []) for _ in paragraphs]
        for h in highlights:
            marks[h.paragraph].highlights.append(h)
        for m in mentions:
            marks[m.paragraph].mentions.append(m)
        for gap in left_out:
            marks[gap.paragraph].left_out.append(gap)
        views = []
        for number, (p_start, p_end) in enumerate(paragraphs):
            view = Paragraph(number + 1)
            source = body[p_start:p_end]
            if not PLAIN_PARAGRAPH.match(source):
                view.html = self._markdown(body, p_start, p_end, marks[number], placed)
            elif marks[number]:
                view.pieces = marked_pieces(body, p_start, p_end, marks[number], False, placed)
            else:
                view.text = _shown(source)
            views.append(view)
        # A highlight whose text could not be placed (Markdown changed it) still gets its anchor,
        # on its paragraph, so links to it land in the right place.
        for h in highlights:
            if h.anchor not in placed:
                placed.add(h.anchor)
                views[h.paragraph].unplaced.insert(0, h.anchor)
        return self.templates.render_markup("article_body.html", paragraphs=views, left_out=bool(left_out))
