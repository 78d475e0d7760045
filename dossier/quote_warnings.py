"""Warnings about quotes that are found but could still mislead (contract v3, "Quotes (v3)").

- `quote-invisible-characters`: the quote as typed holds bidirectional controls or invisible
  characters. Matching ignores them, and the site shows the article's words, but a quote that
  reads differently in the YAML than on the page misleads whoever reviews it.
- `negation-elided`: the words an ellipsis leaves out include a negation ("did ... release"
  from "did not release"). The site then shows those words in full beside the quote.
"""

from __future__ import annotations

import unicodedata

from .excerpts import Excerpt
from .model import Article
from .problems import Location, ProblemList
from .text import BIDI_CONTROLS, HAS_INVISIBLE, INVISIBLE


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character').lower()}"


def warn_invisible(quote: str, where: Location, problems: ProblemList) -> None:
    """Warn when the quote itself holds invisible or bidirectional control characters."""
    if quote.isascii() or not HAS_INVISIBLE.search(quote):
        return
    found = [char for char in quote if char in INVISIBLE]
    names = ", ".join(_name(c) for c in dict.fromkeys(found))
    kind = "bidirectional control" if any(c in BIDI_CONTROLS for c in found) else "invisible"
    problems.warning(
        where,
        f"the quote has {kind} characters in it ({names}): it can read differently here than in the article",
        "delete them from the quote (copy the passage again, as plain text); matching ignores them, and the site shows "
        "the article's own words",
        code="quote-invisible-characters",
    )


def warn_negation(excerpt: Excerpt, article: Article, where: Location, problems: ProblemList) -> None:
    """Warn when an ellipsis of the quote leaves out a negation."""
    if not excerpt.negations:
        return
    words = " and ".join(f"'{word}'" for word in excerpt.negations)
    left_out = " … ".join(" ".join(text.split()) for text in excerpt.left_out)
    problems.warning(
        where,
        f"the ellipsis of this quote leaves out {words} (article '{article.id}', {article.location.file}): left out is “{left_out[:200]}”",
        "quote the words with the negation, or end the quote before it; if the quote is fair as it is, the site shows "
        "the left-out words in full beside it",
        code="negation-elided",
    )
