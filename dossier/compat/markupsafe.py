"""MarkupSafe's escaper in C without a `Markup` object per value (`markupsafe._speedups._escape_inner`).

MarkupSafe's public `escape` calls it, then wraps the result in a `Markup`: for the
hundreds of thousands of values a big site prints, the wrapping is most of the cost
(benchmarks/README.md, "Private APIs"). Where the function is missing or does not escape as
`escape` does, `escape_text` is the public `escape`, as a plain string.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import escape

_PROBE = "<a href=\"x\" title='y'>&amp;</a>"


def _public(text: str) -> str:
    return str.__str__(escape(text))  # a plain string: a Markup one would escape what it is joined to


def speedups_hold(inner: object = None) -> str:
    """ "" when `_escape_inner` (or `inner`) escapes exactly as `escape` does; else what is wrong."""
    if inner is None:
        try:
            from markupsafe._speedups import _escape_inner as inner
        except ImportError:
            return "markupsafe._speedups._escape_inner is not there"
    if not callable(inner):
        return "markupsafe._speedups._escape_inner is not a function"
    try:
        escaped = inner(_PROBE)
    except Exception as error:  # any failure means the fast path is not to be taken
        return f"markupsafe._speedups._escape_inner failed: {error!r}"
    if type(escaped) is not str or escaped != _public(_PROBE):
        return f"markupsafe._speedups._escape_inner gives {escaped!r}, escape gives {_public(_PROBE)!r}"
    return ""


def _chosen() -> Callable[[str], str]:
    if speedups_hold():
        return _public
    from markupsafe._speedups import _escape_inner

    return _escape_inner


escape_text: Callable[[str], str] = _chosen()
"""HTML's five special characters escaped, as MarkupSafe spells them, as a plain string."""
