"""The preview re-renders only the pages an edit affects (dossier/site/preview/dependencies.py): after
each kind of edit, every page it leaves as it was renders exactly as a full render of the
edited dossier does, and the pages the edit is about are among those rendered again."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sitebuild import ROOT

from dossier.check import check_content
from dossier.site.preview.dependencies import DependencyTracker
from dossier.site.site import Site

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate


class Preview:
    """The core side of the preview: the pages as they stand after each edit, kept or rendered again."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.tracker = DependencyTracker()
        self.html: dict[str, str] = {}
        self.rerendered: set[str] = set()
        self.update()

    def site(self) -> Site:
        result = check_content(self.content)
        assert result.ok and result.dossier is not None and result.analysis is not None, result.errors
        return Site(result.dossier, result.analysis)

    def update(self) -> None:
        site = self.site()
        unaffected = self.tracker.plan(site, b"same configuration")
        self.rerendered = set(site.pages) - unaffected
        self.html = {uri: self.html[uri] if uri in unaffected else self.tracker.render(uri).html for uri in site.pages}

    def assert_same_as_a_full_render(self) -> None:
        fresh = self.site()
        assert set(self.html) == set(fresh.pages)
        stale = sorted(uri for uri in fresh.pages if fresh.render(uri).html != self.html[uri])
        assert stale == []


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("generated")
    generate.generate(40, project, seed=5)
    return project / "content"


@pytest.fixture
def preview(generated: Path, tmp_path: Path) -> Preview:
    shutil.copytree(generated, tmp_path / "content")
    return Preview(tmp_path / "content")


def edit_yaml(preview: Preview, change: Callable[[str], str]) -> None:
    path = preview.content / "claims.yaml"
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    preview.update()


def first_claim(text: str) -> re.Match[str]:
    found = re.compile(r'^  - id: (\S+)\n    text: "([^"]*)"', re.MULTILINE).search(text, text.index("\nclaims:"))
    assert found is not None
    return found


def test_nothing_changed_renders_nothing_again(preview: Preview) -> None:
    preview.update()
    assert preview.rerendered == set()
    preview.assert_same_as_a_full_render()


def test_a_claim_statement_edit(preview: Preview) -> None:
    text = (preview.content / "claims.yaml").read_text("utf-8")
    claim = first_claim(text)
    edit_yaml(preview, lambda t: t[: claim.end(2)] + " (edited)" + t[claim.end(2) :])
    assert f"claims/{claim[1]}.md" in preview.rerendered
    assert "(edited)" in preview.html[f"claims/{claim[1]}.md"]
    assert len(preview.rerendered) < len(preview.html) / 4  # not everything: the point of it
    preview.assert_same_as_a_full_render()


def test_an_entity_name_and_alias_edit(preview: Preview) -> None:
    found = re.search(
        r'^  - id: (\S+)\n    name: "([^"]*)"\n    aliases: \["', (preview.content / "claims.yaml").read_text("utf-8"), re.MULTILINE
    )
    assert found is not None
    edit_yaml(preview, lambda t: t[: found.end(2)] + " Renamed" + t[found.end(2) : found.end()] + 'Zyxwv", "' + t[found.end() :])
    assert "Renamed" in preview.html[f"people/{found[1]}.md"]
    preview.assert_same_as_a_full_render()


def test_an_article_text_edit(preview: Preview) -> None:
    path = sorted((preview.content / "articles").glob("*.md"))[2]
    name = re.search(r'^    name: "([^"]*)"', (preview.content / "claims.yaml").read_text("utf-8"), re.MULTILINE)
    assert name is not None
    path.write_text(path.read_text("utf-8") + f"\n\nA closing word on {name[1]}, edited.\n", "utf-8")  # a new mention too
    preview.update()
    assert "edited." in preview.html[f"articles/{path.stem}.md"]
    preview.assert_same_as_a_full_render()


def test_a_claim_added_and_removed(preview: Preview) -> None:
    text = (preview.content / "claims.yaml").read_text("utf-8")
    claim = first_claim(text)
    end = text.index("\n  - id:", claim.end())
    copy = text[claim.start() : end + 1].replace(f"id: {claim[1]}\n", f"id: {claim[1]}-copy\n", 1).replace(claim[2], "An added claim")
    edit_yaml(preview, lambda t: t[:end] + "\n" + copy.rstrip("\n") + t[end:])
    assert "An added claim" in preview.html[f"claims/{claim[1]}-copy.md"]
    preview.assert_same_as_a_full_render()
    edit_yaml(preview, lambda t: t.replace("\n" + copy.rstrip("\n"), "", 1))
    assert f"claims/{claim[1]}-copy.md" not in preview.html
    preview.assert_same_as_a_full_render()


def test_an_article_added_as_the_oldest_changes_the_count_on_the_first_articles_page(preview: Preview) -> None:
    """The first page of the articles index lists the same newest articles, and says how many
    there are: a mapping's length is recorded on its own (recording.LENGTH), and read again."""
    count = len(list((preview.content / "articles").glob("*.md")))
    assert f"{count} source articles" in preview.html["articles.md"]
    (preview.content / "articles" / "oldest-of-all.md").write_text(
        '---\ntitle: "The oldest article"\noutlet: "AFP"\npublished: 1990-01-02\n---\nA short text.\n', "utf-8"
    )
    preview.update()
    assert f"{count + 1} source articles" in preview.html["articles.md"]
    preview.assert_same_as_a_full_render()


def test_a_person_added_under_an_articles_author_name(preview: Preview) -> None:
    # An article page's JSON-LD links its author to the person of the dossier with that name.
    path, author = next(
        (path, found[1])
        for path in sorted((preview.content / "articles").glob("*.md"))
        if (found := re.search(r'^author: "([^"]+)"', path.read_text("utf-8"), re.MULTILINE))
    )
    assert "people/imaginary-writer/" not in preview.html[f"articles/{path.stem}.md"]
    edit_yaml(preview, lambda t: t.replace("people:\n", f'people:\n  - id: imaginary-writer\n    name: "{author}"\n', 1))
    assert "people/imaginary-writer/" in preview.html[f"articles/{path.stem}.md"]
    preview.assert_same_as_a_full_render()


def test_a_quantity_and_a_date_edit(preview: Preview) -> None:
    edit_yaml(preview, lambda t: re.sub(r"value: (\d+)\}", lambda m: f"value: {int(m[1]) + 7}}}", t, count=1))
    preview.assert_same_as_a_full_render()
    edit_yaml(preview, lambda t: re.sub(r"^    date: (\d{4})-", lambda m: f"    date: {int(m[1]) - 3}-", t, count=2, flags=re.MULTILINE))
    preview.assert_same_as_a_full_render()


def test_a_claim_moved_in_the_indexes_order(preview: Preview) -> None:
    """A claim whose evidence turns against it moves to another status: the claims index and
    the overview list claims by status, page by page (SiteData's orders, read a slice at a
    time), so pages whose claims shift are rendered again, and only those."""
    text = (preview.content / "claims.yaml").read_text("utf-8")
    claim = first_claim(text)
    stance = text.index("stance: supports", claim.end())
    edit_yaml(preview, lambda t: t[:stance] + "stance: contradicts" + t[stance + len("stance: supports") :])
    assert any(uri.startswith("claims/page/") or uri == "claims.md" for uri in preview.rerendered)
    preview.assert_same_as_a_full_render()


def test_a_different_context_renders_everything(preview: Preview) -> None:
    site = preview.site()
    assert preview.tracker.plan(site, b"another configuration") == set()


def test_the_preview_renders_from_a_recording_twin_and_leaves_the_site_as_it_is(preview: Preview) -> None:
    site = preview.site()
    data, dossier, claims = site.data, site.data.dossier, site.data.dossier.claims
    preview.tracker.plan(site, b"same configuration")
    uri = next(uri for uri in site.pages if uri.startswith("claims/"))
    tracked = preview.tracker.render(uri).html
    # The site the build holds still reads its own data, unwrapped; the tracker's pages are
    # what that site renders (one producer of a page's HTML).
    assert site.data is data and site.data.dossier is dossier and type(site.data.dossier.claims) is dict
    assert site.data.dossier.claims is claims
    assert tracked == site.render(uri).html


def test_the_renderer_never_reads_where_an_entry_is_written() -> None:
    """Fingerprints leave out `Location`s (dependencies.py): only sound while no page shows one."""
    renderer = [
        p
        for p in (ROOT / "dossier" / "site").rglob("*")
        if p.suffix in (".py", ".html") and p.name not in ("problems_page.py", "dependencies.py")
    ]
    assert len(renderer) > 20
    reading = sorted(str(p.relative_to(ROOT)) for p in renderer if re.search(r"location\b|body_line", p.read_text("utf-8")))
    assert reading == []
