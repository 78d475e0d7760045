"""The full-text search index (Pagefind) made at build time: what it indexes, and a clear
failure when it cannot be made."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from dossier.site.rendering import fulltext
from dossier.site.rendering.fulltext import FulltextError, IndexedPages, index_site

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


def _fragments(bundle: Path) -> set[str]:
    """Pagefind's record of each page it indexed (its address, words, title, kind, status,
    headings), named by a digest of that record."""
    return {path.name for path in (bundle / "fragment").glob("*.pf_fragment")}


def test_the_build_indexes_what_pagefind_finds_in_the_whole_site(first_site: Path, tmp_path: Path) -> None:
    # The build gives Pagefind only each page's body, language and title (IndexedPages); the
    # index must be the one Pagefind makes by reading every page the build wrote.
    whole = tmp_path / "site"
    shutil.copytree(first_site, whole, ignore=shutil.ignore_patterns("pagefind"))
    index_site(whole)
    built, read_whole = _fragments(first_site / "pagefind"), _fragments(whole / "pagefind")
    assert len(built) > 10
    assert built == read_whole


def test_indexed_pages_keep_the_page_language_and_title_and_only_the_body(tmp_path: Path) -> None:
    pages = IndexedPages()
    try:
        page = PAGE.format(title="A claim &amp; more", body="<div data-pagefind-body><h1>A claim</h1><p>Words.</p></div>")
        page = page.replace('<html lang="en">', '<html lang="fr" class="no-js">')
        pages.add("claims/x/index.html", page, "<div data-pagefind-body><h1>A claim</h1><p>Words.</p></div>")
        pages.add("guide/index.html", PAGE.format(title="Guide", body="<h1>Guide</h1>"))
        written = (pages.folder / "claims" / "x" / "index.html").read_text("utf-8")
        assert '<html lang="fr">' in written and "<title>A claim &amp; more</title>" in written
        assert "Navigation words" not in written and "<p>Words.</p>" in written
        assert (pages.folder / "guide" / "index.html").read_text("utf-8") == PAGE.format(title="Guide", body="<h1>Guide</h1>")
        assert pages.count == 2
        pages.index(tmp_path)
        assert len(list((tmp_path / "pagefind" / "fragment").glob("*.pf_fragment"))) == 1
    finally:
        pages.close()
    assert not pages.folder.exists()


def _folder_of_new_pages() -> Path:
    pages = IndexedPages()
    pages.close()
    return pages.folder.parent


def test_the_bodies_go_to_memory_only_when_it_has_room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fulltext, "MEMORY_FOLDER", tmp_path / "no-such-folder")
    assert _folder_of_new_pages() == Path(tempfile.gettempdir())  # the system's temporary folder
    monkeypatch.setattr(fulltext, "MEMORY_FOLDER", tmp_path)
    monkeypatch.setattr(fulltext, "MEMORY_NEEDED", 0)
    assert _folder_of_new_pages() == tmp_path
    monkeypatch.setattr(fulltext, "MEMORY_NEEDED", 1 << 62)  # more than any disk has free
    assert _folder_of_new_pages() != tmp_path
