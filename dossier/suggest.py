"""Did-you-mean suggestions for near-miss ids, field names and values."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str:
    """A hint line naming the closest candidates, or '' when nothing is close."""
    close = difflib.get_close_matches(str(word), list(candidates), n=3, cutoff=cutoff)
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
