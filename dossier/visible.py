"""An article's visible text: what a reader sees once its Markdown is rendered, mapped to the source.

Quotes and mentions are matched against this text (contract v2, "Quotes"): emphasis markers,
link targets and heading marks are not part of it; a link's text is. Each paragraph of the
body (a block of lines between blank lines, as the site numbers them) is rendered with the
same markdown-it set-up as the site's article pages, and every character of the rendered
text keeps the position in the body it came from, so a match can be highlighted there.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass

from markdown_it.token import Token

from .commonmark import PLAIN_PARAGRAPH, markdown_parser
from .text import MappedText

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LINE_END = re.compile(r"\r\n?|\n")
# How far ahead a character that Markdown changed (an escape, an entity) is looked for.
_NEAR = 40


_MD = markdown_parser()
# The block an inline token is the text of, by the token that opens it.
_BLOCK_KINDS = {"paragraph_open": "paragraph", "heading_open": "heading", "th_open": "table cell", "td_open": "table cell"}


def paragraph_spans(body: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph: blocks of text separated by blank lines, trimmed."""
    spans = []
    position = 0
    for separator in [*_PARAGRAPH_BREAK.finditer(body), None]:
        end = separator.start() if separator else len(body)
        block = body[position:end]
        stripped = block.strip()
        if stripped:
            start = position + (len(block) - len(block.lstrip()))
            spans.append((start, start + len(stripped)))
        if separator:
            position = separator.end()
    return tuple(spans)


@dataclass(frozen=True)
class Block:
    """One run of visible text a reader sees as a unit: a paragraph, heading, list item, code block."""

    start: int  # in the visible text
    end: int
    paragraph: int  # the body paragraph (from 0) it is part of
    kind: str = "paragraph"  # what a reader sees it as: paragraph, heading, list item, table cell, code block


@dataclass(frozen=True)
class VisibleText:
    mapped: MappedText  # blocks joined by line breaks; offsets index the body
    blocks: tuple[Block, ...]


_IDENTITY = array("i")


def _identity(size: int) -> array[int]:
    """0, 1, 2, ... up to at least `size`: runs of the body map by slicing it (a copy in C)."""
    global _IDENTITY
    if len(_IDENTITY) <= size:
        _IDENTITY = array("i", range(max(size + 1, 2 * len(_IDENTITY))))
    return _IDENTITY


class _Builder:
    def __init__(self, body: str) -> None:
        self.body = body
        self.identity = _identity(len(body) + 1)
        self.texts: list[str] = []
        self.starts, self.ends = array("i"), array("i")
        self.length = 0
        self.blocks: list[Block] = []

    def add_source(self, start: int, end: int) -> None:
        """The body's own text [start, end), character for character."""
        self.add(self.body[start:end], self.identity[start:end], self.identity[start + 1 : end + 1])

    def add(self, text: str, starts: array[int], ends: array[int]) -> None:
        self.texts.append(text)
        self.starts += starts
        self.ends += ends
        self.length += len(text)

    def add_char(self, char: str, start: int, end: int) -> None:
        self.texts.append(char)
        self.starts.append(start)
        self.ends.append(end)
        self.length += 1

    def block(self, paragraph: int, start: int, kind: str = "paragraph") -> None:
        """Closes the block that began at visible position `start`, then adds a line break."""
        if self.length > start:
            self.blocks.append(Block(start, self.length, paragraph, kind))
            end = self.ends[-1]
            self.add_char("\n", end, end)

    def result(self) -> VisibleText:
        return VisibleText(MappedText("".join(self.texts), self.starts, self.ends), tuple(self.blocks))


def visible_text(body: str, paragraphs: tuple[tuple[int, int], ...] | None = None) -> VisibleText:
    """The rendered text of every paragraph of `body`, blocks separated by line breaks."""
    builder = _Builder(body)
    for number, (start, end) in enumerate(paragraph_spans(body) if paragraphs is None else paragraphs):
        source = body[start:end]
        if PLAIN_PARAGRAPH.match(source):
            at = builder.length
            builder.add_source(start, end)
            builder.block(number, at)
            continue
        _add_rendered(builder, number, start, source)
    return builder.result()


def _add_rendered(builder: _Builder, number: int, offset: int, source: str) -> None:
    line_starts = [0] + [m.end() for m in _LINE_END.finditer(source)]
    cursor = 0
    kind = "paragraph"
    items = 0  # list items open around the token
    for token in _MD.parse(source):
        if token.map is not None:
            cursor = max(cursor, line_starts[min(token.map[0], len(line_starts) - 1)])
        items += {"list_item_open": 1, "list_item_close": -1}.get(token.type, 0)
        if token.nesting == 1:
            kind = _BLOCK_KINDS.get(token.type, kind)
        at = builder.length
        if token.type == "inline" and token.children:
            cursor = _add_inline(builder, token.children, offset, source, cursor)
            builder.block(number, at, "list item" if items and kind == "paragraph" else kind)
        elif token.type in ("code_block", "fence") and token.content:
            if token.type == "fence" and token.map is not None:
                cursor = max(cursor, line_starts[min(token.map[0] + 1, len(line_starts) - 1)])
            cursor = _add_located(builder, token.content.rstrip("\n"), offset, source, cursor)
            builder.block(number, at, "code block")


def _add_inline(builder: _Builder, children: list[Token], offset: int, source: str, cursor: int) -> int:
    for child in children:
        if child.type in ("text", "code_inline") and child.content:
            cursor = _add_located(builder, child.content, offset, source, cursor)
        elif child.type in ("softbreak", "hardbreak"):
            found = _LINE_END.search(source, cursor)  # markdown-it reads a lone \r as a line end too
            at = found.start() if found else cursor
            builder.add_char(" ", offset + at, offset + at + 1)
            cursor = at + 1 if found else cursor
    return cursor


def _add_located(builder: _Builder, content: str, offset: int, source: str, cursor: int) -> int:
    """Adds rendered text found in the source at or after `cursor`; returns the new cursor."""
    found = source.find(content, cursor)
    if found >= 0 and "\n" not in source[cursor:found]:
        builder.add_source(offset + found, offset + found + len(content))
        return found + len(content)
    # Markdown changed the text (an escape, an entity, indentation): place it character by
    # character, each at its next occurrence nearby, or (an empty range) where the cursor is.
    for char in content:
        found = source.find(char, cursor, cursor + _NEAR)
        if found >= 0:
            builder.add_char(char, offset + found, offset + found + 1)
            cursor = found + 1
        else:
            builder.add_char(char, offset + cursor, offset + cursor)
    return cursor


def paragraph_at(spans: tuple[tuple[int, int], ...], position: int) -> int:
    """The paragraph (from 0) a body position is in, or the last one that starts before it."""
    return max(0, bisect.bisect_right([start for start, _ in spans], position) - 1)
