"""A quoted passage as the site shows it: the article's own words (contract v3), and what the
ellipses of an elided quote leave out between its parts.

The check computes each quote's excerpt once (`dossier.excerpts`: the visible text at the
place it found the quote, invisible and bidirectional controls removed). The site only
arranges it: the parts and the left-out words, and text fragments that select exactly the
passage in the article's text (`fragments.py`).
"""

from __future__ import annotations

from ...excerpts import Excerpt, shown
from ...model import Analysis
from ...quotes import _ELISION
from ...text import fold


def quote_parts(quote: str) -> tuple[str, ...]:
    """The parts of a quote between its ellipses, as `quotes.parse_quote` cuts it."""
    return tuple(part.strip() for part in _ELISION.split(quote.strip()) if fold(part).strip())


def excerpt_of(analysis: Analysis, key: tuple[str, int], quote: str) -> Excerpt:
    """What the quote of evidence item `key` shows: the article's words the check found.

    Every quote of a checked dossier has its excerpt; a quote without one (an analysis made
    by hand, with no check) shows its parts as typed, invisible characters removed.
    """
    excerpt = analysis.excerpts.get(key)
    if excerpt is not None:
        return excerpt
    return Excerpt(tuple(" ".join(shown(part).split()) for part in quote_parts(quote)) or (shown(quote),))
