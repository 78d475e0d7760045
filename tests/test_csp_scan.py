"""The policy's plain string scans find exactly what the regex and `str.find` find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dossier.site.rendering.csp import _SCRIPT, _find, _scripts

PIECES = st.sampled_from(
    ["<script>", "<script src='a.js'>", '<script type="application/json">', "</script>", "<scr", ">", "x", " ", "<p>", "a<script"]
)


@given(st.lists(PIECES, max_size=30), st.integers(0, 200), st.integers(0, 200))
def test_scripts_are_those_the_regex_finds(pieces: list[str], begin: int, end: int) -> None:
    html = "".join(pieces)
    expected = [(m.group("attrs"), m.group("body")) for m in _SCRIPT.finditer(html, begin, end)]
    assert list(_scripts(html, begin, min(end, len(html)))) == expected


@given(st.lists(PIECES, max_size=30), st.integers(0, 30), st.integers(0, 100))
def test_content_is_found_where_str_find_finds_it(pieces: list[str], start: int, size: int) -> None:
    html = "".join(pieces) * 3
    content = html[start : start + size] or "x"
    assert _find(html, content) == html.find(content)
    assert _find(html, content + "never there") == -1
