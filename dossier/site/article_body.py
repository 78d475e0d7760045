"""An article's text as HTML: Markdown (raw HTML off), an anchor per paragraph, quoted
passages highlighted and linked to their claims, and entity mentions linked.

Highlights and mentions are positions in the verbatim body. The text is rendered per
paragraph with markdown-it; each rendered text token is located in the paragraph's source
(in order), and the positions that fall inside it are applied to that token alone. Text
that Markdown changed (an escape like `\\*`) cannot be located and is shown unmarked.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from .html import esc, safe_url


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    anchor: str  # the id the claim page links to (on the highlight's first piece)
    stance: str
    href: str  # the claim page
    label: str  # shown as a tooltip: the claim's text


@dataclass(frozen=True)
class MentionLink:
    start: int
    end: int
    href: str
    name: str


def _article_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = lambda url: safe_url(url)  # type: ignore[method-assign]
    md.disable("image")

    def text(self, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        token = tokens[idx]
        return token.meta.get("html") if "html" in token.meta else esc(token.content)

    md.add_render_rule("text", text)
    return md


_MD = _article_markdown()

# A paragraph that Markdown would leave as it is: one line, no character that starts inline
# markup (escapes, code, emphasis, links, autolinks, entities), and no start that makes a
# block (heading, quote, list item, thematic break, table, indented code). Most paragraphs
# of news text are like this; they skip the Markdown parser, whose output for them is
# exactly `<p>` + the escaped text + `</p>` (tests/test_article_body.py compares the two).
_PLAIN = re.compile(r"(?![#>+\-=|]|\d{1,9}[.)](?: |\Z))[^\s\\`*_\[\]<&~][^\n\\`*_\[\]<&~]*(?<=\S)\Z")


def _segments(start: int, end: int, highlights: list[Highlight], mentions: list[MentionLink]) -> list[int]:
    cuts = {start, end}
    for item in (*highlights, *mentions):
        for point in (item.start, item.end):
            if start < point < end:
                cuts.add(point)
    return sorted(cuts)


def _render_text(body: str, start: int, end: int, highlights: list[Highlight], mentions: list[MentionLink], in_link: bool, placed: set[str]) -> str:
    here_h = [h for h in highlights if h.start < end and h.end > start]
    here_m = [] if in_link else [m for m in mentions if m.start < end and m.end > start]
    if not here_h and not here_m:
        return esc(body[start:end])
    out = []
    cuts = _segments(start, end, here_h, here_m)
    for a, b in zip(cuts, cuts[1:]):
        piece = esc(body[a:b])
        mention = next((m for m in here_m if m.start <= a and m.end >= b), None)
        if mention is not None:
            piece = f'<a class="dossier-mention" href="{esc(mention.href)}" title="{esc(mention.name)}">{piece}</a>'
        active = [h for h in here_h if h.start <= a and h.end >= b]
        if active:
            anchors = ""
            for h in active:
                if h.anchor not in placed:
                    placed.add(h.anchor)
                    anchors += f'<span class="dossier-anchor" id="{esc(h.anchor)}"></span>'
            stances = {h.stance for h in active}
            kind = stances.pop() if len(stances) == 1 else "mixed"
            data = " ".join(h.anchor for h in active)
            titles = "; ".join(f"{h.stance}: {h.label}" for h in active)
            piece = f'{anchors}<mark class="dossier-quote dossier-{kind}" data-quotes="{esc(data)}" title="{esc(titles)}">{piece}</mark>'
            ends = [h for h in active if h.end == b]
            for h in ends:
                icon = "✔" if h.stance == "supports" else "✖"
                piece += (
                    f'<a class="dossier-cite dossier-{esc(h.stance)}" href="{esc(h.href)}" title="{esc(h.stance)}: {esc(h.label)}" '
                    f'aria-label="{esc(h.stance)} the claim: {esc(h.label)}">{icon}</a>'
                )
        out.append(piece)
    return "".join(out)


def render_body(body: str, paragraphs: tuple[tuple[int, int], ...], highlights: list[Highlight], mentions: list[MentionLink]) -> str:
    """The article body as HTML, one `<div id="p-N">` per paragraph (N from 1)."""
    # Cite links must appear once per highlight: only the last piece (end == h.end) gets one,
    # so highlights are clipped to paragraphs by the caller (one Highlight per span).
    placed: set[str] = set()
    out = []
    by_paragraph_h: dict[int, list[Highlight]] = {}
    by_paragraph_m: dict[int, list[MentionLink]] = {}
    starts = [s for s, _ in paragraphs]

    def paragraph_of(position: int) -> int:
        return max(0, bisect.bisect_right(starts, position) - 1)

    for h in highlights:
        by_paragraph_h.setdefault(paragraph_of(h.start), []).append(h)
    for m in mentions:
        by_paragraph_m.setdefault(paragraph_of(m.start), []).append(m)
    for number, (p_start, p_end) in enumerate(paragraphs):
        source = body[p_start:p_end]
        h_list, m_list = by_paragraph_h.get(number, []), by_paragraph_m.get(number, [])
        if _PLAIN.match(source):
            text = _render_text(body, p_start, p_end, h_list, m_list, False, placed) if h_list or m_list else esc(source)
            out.append(
                f'<div class="dossier-paragraph" id="p-{number + 1}">'
                f'<a class="dossier-pnum" href="#p-{number + 1}" aria-label="Paragraph {number + 1}">{number + 1}</a>'
                f"<p>{text}</p>\n</div>"
            )
            continue
        tokens = _MD.parse(source)
        if h_list or m_list:
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
                        child.meta["html"] = _render_text(
                            body, p_start + found, p_start + cursor, h_list, m_list, bool(in_link), placed
                        )
        html = _MD.renderer.render(tokens, _MD.options, {})
        out.append(
            f'<div class="dossier-paragraph" id="p-{number + 1}">'
            f'<a class="dossier-pnum" href="#p-{number + 1}" aria-label="Paragraph {number + 1}">{number + 1}</a>'
            f"{html}</div>"
        )
    # A highlight whose text could not be placed (Markdown changed it) still gets its anchor,
    # on its paragraph, so links to it land in the right place.
    missing = []
    for h in highlights:
        if h.anchor not in placed:
            placed.add(h.anchor)
            missing.append((paragraph_of(h.start), h.anchor))
    html = "".join(out)
    for number, anchor in missing:
        marker = f'<div class="dossier-paragraph" id="p-{number + 1}">'
        html = html.replace(marker, marker + f'<span class="dossier-anchor" id="{esc(anchor)}"></span>', 1)
    return html
