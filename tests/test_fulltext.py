"""The full-text search index (Pagefind) made at build time: what it indexes, and a clear
failure when it cannot be made."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dossier.site.rendering import fulltext
from dossier.site.rendering.fulltext import FulltextError, index_site

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Navigation words everywhere</nav>
{body}
</body></html>"""


def test_only_the_marked_pages_are_indexed_with_their_status(tmp_path: Path) -> None:
    (tmp_path / "claims" / "x").mkdir(parents=True)
    (tmp_path / "guide").mkdir()
    claim = (
        '<div data-pagefind-body><span hidden data-pagefind-meta="status:Disputed" data-pagefind-filter="status:Disputed"></span>'
        "<h1>A claim</h1><p>A trade in human lives.</p></div>"
    )
    (tmp_path / "claims" / "x" / "index.html").write_text(PAGE.format(title="A claim", body=claim), "utf-8")
    (tmp_path / "guide" / "index.html").write_text(PAGE.format(title="Guide", body="<h1>Guide</h1><p>human lives</p>"), "utf-8")
    assert "indexed" in index_site(tmp_path)
    bundle = tmp_path / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert len(list((bundle / "fragment").glob("*.pf_fragment"))) == 1  # the claim; the guide has no data-pagefind-body
    assert list((bundle / "filter").glob("*.pf_filter"))  # its status, as a filter


def test_when_pagefind_cannot_run_the_error_says_why_and_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fulltext.sys, "executable", sys.executable + "-missing")
    with pytest.raises(FulltextError) as raised:
        index_site(tmp_path)
    assert "the full-text search index could not be made" in str(raised.value)


def test_when_pagefind_fails_its_message_is_passed_on(tmp_path: Path) -> None:
    with pytest.raises(FulltextError) as raised:
        index_site(tmp_path / "no-such-site")
    message = str(raised.value)
    assert "the full-text search index could not be made" in message and "pagefind[bin]" in message
