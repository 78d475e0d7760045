"""Checks of text against text: every quote in its article (contract v2, "Quotes"), names shared
by two entities, and bidirectional control characters in articles.

A quote that is refused gets the reason when it breaks a single rule (it joins two paragraphs,
an ellipsis leaves out too much, a number is part of a longer one, it is only in the title),
and otherwise the closest passage of the article with the words that differ.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import defaultdict

from .closest import closest_passage
from .excerpts import Passage, passage_at
from .mentions import name_key
from .model import Article, Dossier
from .numbers import SEPARATORS, number_at
from .problems import Location, ProblemList
from .quote_warnings import warn_invisible, warn_negation
from .quotes import MAX_LEFT_OUT, MIN_WORDS, STRICT, ArticleText, Placement, Quote, Rules, parse_quote, whole_at
from .text import BIDI_MARKS, fold

# An HTML character reference, decimal, hexadecimal or named: an article's text is judged decoded.
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
COPY_HINT = (
    "copy the passage exactly as a reader sees it, from and to whole words; only case, spacing, accents on "
    "Latin letters, curly quotes, dashes and invisible characters may differ, and '...' may stand for up to "
    f"{MAX_LEFT_OUT} left-out words within one paragraph"
)


def _mention_key(name: str) -> str:
    """How two names are compared for the shared-alias warning: as mentions are matched."""
    return name_key(name)


def check_aliases(dossier: Dossier, problems: ProblemList) -> None:
    """Warn when one name or alias belongs to two entities: mentions could not tell them apart."""
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entity in dossier.entities.values():
        seen = set()
        for name in entity.names:
            key = _mention_key(name)
            if key and key not in seen:
                seen.add(key)
                owners[key].append((entity.id, name))
    for entries in owners.values():
        for entity_id, name in entries[1:]:
            first_id = entries[0][0]
            problems.warning(
                dossier.entities[entity_id].location,
                f"'{name}' names both '{first_id}' and '{entity_id}': mentions of it in articles cannot be told apart",
                f"keep '{name}' on only one of them (see {dossier.entities[first_id].location})",
                code="shared-alias",
            )


def verify_quote(text: ArticleText, article: Article, quote: str, where: Location, problems: ProblemList) -> Passage | None:
    """Where the quote is in its article and what it shows there, or None after reporting why it is refused."""
    warn_invisible(quote, where, problems)
    parsed = parse_quote(quote)
    if parsed.words < MIN_WORDS:
        problems.error(
            where,
            f"quote has fewer than three words: “{_clip(quote)}”",
            f"a quote must say something: quote at least {MIN_WORDS} words of the passage the claim rests on",
            code="quote-too-short",
        )
        return None
    for edge, present in (("starts", parsed.leading_ellipsis), ("ends", parsed.trailing_ellipsis)):
        if present:
            problems.error(
                where,
                f"quote {edge} with an ellipsis",
                f"remove the '...' at the {'start' if edge == 'starts' else 'end'}: a quote {edge} with a quoted word; "
                "'...' only stands for words left out between two quoted parts",
                code="quote-ellipsis",
            )
    found = text.placements(parsed, STRICT, limit=2)
    if not found:
        _report_missing_quote(text, article, quote, where, problems)
        return None
    if len(found) > 1:
        places = " and ".join(str(text.paragraph_at(text.source_span(*p[0])[0]) + 1) for p in found)
        problems.warning(
            where,
            f"quote occurs more than once in article '{article.id}' ({article.location.file}): the site can point to only one of its places",
            f"found in paragraphs {places} (and maybe more); quote a few more words so that it occurs only once",
            code="ambiguous-quote",
        )
    passage = passage_at(text, found[0])
    warn_negation(passage.excerpt, article, where, problems)
    return passage


def _report_missing_quote(text: ArticleText, article: Article, quote: str, where: Location, problems: ProblemList) -> None:
    parsed = parse_quote(quote)
    named = f"article '{article.id}' ({article.location.file})"
    reason = _single_rule(text, article, parsed)
    if reason is not None:
        code, message, hint = reason
        problems.error(where, message.format(article=named), hint, code=code)
        return
    hints = []
    missing = text.missing_part(quote)
    if missing and missing.strip() != quote.strip():
        hints.append(f"this part is not in the article (after the parts before it): “{_clip(missing)}”")
    closest = closest_passage(text, missing or " ".join(parsed.parts))
    if closest is not None:
        hints.append(f"closest passage (paragraph {closest.paragraph + 1}): “{_clip(closest.passage)}”")
        if closest.changes:
            hints.append(f"difference ([+] article only, [-] quote only, [quote → article]): {_clip_difference(closest.difference)}")
    hints.append(COPY_HINT)
    problems.error(where, f"quote not found in {named}", *hints, code="quote-not-found")


def _single_rule(text: ArticleText, article: Article, quote: Quote) -> tuple[str, str, str] | None:
    """(code, message, what to do) when the quote fails one v2 rule only, else None."""
    relaxed = text.placements(quote, Rules(whole_numbers=False), limit=1)
    if relaxed:
        part, whole = _broken_number(text, relaxed[0])
        return (
            "quote-partial-number",
            f"quote not found in {{article}}: '{part}' is part of '{whole}'",
            f"numbers are matched whole, with their sign and every digit group: quote the whole number as the article writes it ('{whole}')",
        )
    if len(quote.needles) == 1:
        relaxed = text.placements(quote, Rules(one_paragraph=False), limit=1)
        if relaxed:
            return _joined_blocks(text, relaxed[0])
    if len(quote.needles) > 1:
        relaxed = text.placements(quote, Rules(one_paragraph=False, max_left_out=None), limit=1)
        if relaxed and len({text.block_of(a) for a, _ in relaxed[0]} | {text.block_of(b - 1) for _, b in relaxed[0]}) > 1:
            paragraphs = sorted({text.paragraph_at(text.source_span(a, b)[0]) + 1 for a, b in relaxed[0]})
            where = (
                f"paragraphs {', '.join(map(str, paragraphs[:-1]))} and {paragraphs[-1]}"
                if len(paragraphs) > 1
                else f"paragraph {paragraphs[0]}, a heading or list item and the text next to it"
            )
            return (
                "quote-joins-paragraphs",
                f"quote joins two paragraphs of {{article}}: its parts are in {where}",
                "an ellipsis may shorten a passage, never join two: cite each paragraph in an evidence item of its own",
            )
        relaxed = text.placements(quote, Rules(max_left_out=None), limit=1)
        if relaxed:
            gaps = [text.words_between(b, a) for (_, b), (a, _) in zip(relaxed[0], relaxed[0][1:], strict=False)]
            return (
                "quote-ellipsis-too-long",
                f"quote from {{article}}: {max(gaps)} words left out at one ellipsis; the limit is {MAX_LEFT_OUT}",
                "quote more of the words in between, or cite the parts in evidence items of their own",
            )
    if ArticleText(article.title).placements(quote, STRICT, limit=1):
        return (
            "quote-not-found",
            "quote not found in {article}: it is only in the title",
            "quote the article's text: its title (in the front matter) is not part of the text quotes are matched against",
        )
    if _in_source(article.body, quote):
        return (
            "quote-not-found",
            "quote not found in {article}: it is in the article's Markdown but not in the text a reader sees",
            "a link's address and formatting marks (*, _, #, `) are not part of the text: quote the words as they read on the page",
        )
    return None


def _in_source(body: str, quote: Quote) -> bool:
    """Whether the quote's parts are in the Markdown source of the body, in order, as it stands."""
    folded = " ".join(fold(body).split())
    position = 0
    for needle in quote.needles:
        at = folded.find(needle, position)
        while at >= 0 and not whole_at(folded, at, at + len(needle)):
            at = folded.find(needle, at + 1)
        if at < 0:
            return False
        position = at + len(needle)
    return True


def _joined_blocks(text: ArticleText, placement: Placement) -> tuple[str, str, str]:
    """The quote-joins-blocks refusal: which blocks a quote without ellipsis runs across."""
    (a, b), blocks = placement[0], text.visible.blocks
    first, last = text.block_of(a), text.block_of(b - 1)
    cut = text.block_end(a)
    before, after = text.visible_between(*text.source_span(a, cut)), text.visible_between(*text.source_span(cut + 1, b))
    nxt = min(first + 1, last)
    numbers = sorted({blocks[first].paragraph + 1, blocks[nxt].paragraph + 1})
    where = f"paragraph {numbers[0]}" if len(numbers) == 1 else f"paragraphs {numbers[0]} and {numbers[1]}"
    return (
        "quote-joins-blocks",
        f"quote runs across two blocks of {{article}} ({where}): “{_clip(before, 80)}” ends a {blocks[first].kind} and "
        f"“{_clip(after, 80)}” starts the next block, a {blocks[nxt].kind}",
        "a quote must lie within one paragraph, heading, list item or table cell, as a reader sees them: quote the words of "
        "one of them only, or cite each in an evidence item of its own",
    )


def _broken_number(text: ArticleText, placement: Placement) -> tuple[str, str]:
    """The quoted number that is part of a longer one, and that longer number, as the article writes them."""
    folded = text.folded.text
    for a, b in placement:
        if whole_at(folded, a, b, True, text._breaks):
            continue
        edge = a if _cut_at_start(folded, a, text) else b - 1
        low, high = number_at(folded, edge, text._breaks)
        quoted = (max(low, a), min(high, b))
        while quoted[0] < quoted[1] and folded[quoted[0]] in SEPARATORS:  # the part's own edge, not the number's
            quoted = (quoted[0] + 1, quoted[1])
        return _visible(text, *quoted), _visible(text, low, high)
    return "", ""


def _cut_at_start(folded: str, start: int, text: ArticleText) -> bool:
    low, _ = number_at(folded, start, text._breaks)
    return low < start


def _visible(text: ArticleText, start: int, end: int) -> str:
    return text.visible_between(*text.source_span(start, end)).strip() if start < end else ""


def _bidi_in(line: str) -> list[tuple[int, str]]:
    """(column from 0, character) of each bidirectional control on a line, written as it is
    or as an HTML character reference (`&#x202E;`, `&rlm;`): the page shows them decoded."""
    found = [] if line.isascii() else [(column, char) for column, char in enumerate(line) if char in BIDI_MARKS]
    if "&" in line:
        for reference in _REFERENCE.finditer(line):
            decoded = html.unescape(reference.group())
            if len(decoded) == 1 and decoded in BIDI_MARKS:
                found.append((reference.start(), decoded))
    return sorted(found)


def check_bidi_controls(article: Article, problems: ProblemList) -> None:
    """Warn once per line of an article that has bidirectional control characters (also as references)."""
    body = article.body
    if not any(char in body for char in BIDI_MARKS) and not ("&" in body and _REFERENCE.search(body)):
        return
    for number, line in enumerate(body.split("\n")):
        found = _bidi_in(line) if not line.isascii() or "&" in line else []
        if not found:
            continue
        names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '').lower()}" for c in dict.fromkeys(c for _, c in found))
        problems.warning(
            Location(article.location.file, article.body_line + number, found[0][0] + 1),
            f"the article has bidirectional control characters on this line ({names}): they can make text display differently from what it says",
            "remove them (or the references that write them, such as &#x202E; or &rlm;) unless the original article needs them "
            "for right-to-left text; quotes are matched as if they were not there, and the site does not show them",
            code="bidi-control",
        )


def _clip(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clip_difference(difference: str, limit: int = 300) -> str:
    """A long difference shown from a little before its first change."""
    if len(difference) <= limit:
        return difference
    first = difference.find("[")
    start = max(0, difference.rfind(" ", 0, max(0, first - 60)) + 1) if first > 60 else 0
    shown = difference[start : start + limit - 2]
    return ("…" if start else "") + shown + "…"
