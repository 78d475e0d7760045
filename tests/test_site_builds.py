"""Building dossiers other than the first one: minimal config, broken input, hostile text."""

from __future__ import annotations

import html
import re
from pathlib import Path

from injection import write_injection_project
from sitebuild import mkdocs_build, write_project
from sitecheck import broken_links, html_files, parse

ARTICLE = """\
---
title: "Belarus frees 52"
outlet: "Wire"
published: 2025-09-11
---
Belarus freed 52 political prisoners on Thursday, the US embassy said.

Let us hope Alexander Lukashenko keeps going.
"""

CLAIMS = """\
people:
  - id: alexander-lukashenko
    name: Alexander Lukashenko
    aliases: [Lukashenka]
countries:
  - id: belarus
    name: Belarus
  - id: united-states
    name: United States
    aliases: [US]
claims:
  - id: freed-52
    text: Belarus freed 52 prisoners.
    about: [belarus]
    evidence:
      - article: wire-1
        stance: supports
        quote: "Belarus freed 52 political prisoners"
"""


def test_a_dossier_builds_with_the_minimal_mkdocs_yml(tmp_path: Path) -> None:
    config = write_project(tmp_path, CLAIMS, {"wire-1": ARTICLE})
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for path in ("people/alexander-lukashenko", "countries/belarus", "claims/freed-52", "articles/wire-1", "people", "claims"):
        assert (site / path / "index.html").exists(), path
    assert (site / "dossier.json").exists() and (site / "index.html").exists()
    assert broken_links(site) == []
    # The page policy allows only the site's own styles: no third-party fonts are requested.
    assert "fonts.googleapis" not in (site / "index.html").read_text("utf-8")
    article = (site / "articles/wire-1/index.html").read_text("utf-8")
    # "US" is a mention, "us" in "Let us" is not.
    assert re.search(r'<a class="dossier-mention" href="../../countries/united-states/"[^>]*>US</a>', article)
    assert ">us</a>" not in article


def test_a_broken_dossier_fails_the_build_with_the_checks_messages(tmp_path: Path) -> None:
    broken = CLAIMS.replace("about: [belarus]", "about: [belarrus]").replace("freed 52 political", "freed 53 political")
    config = write_project(tmp_path, broken, {"wire-1": ARTICLE})
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "content/claims.yaml:14:13: error: claim 'freed-52', 'about': no entity has the id 'belarrus'" in result.stderr
    assert "did you mean 'belarus'?" in result.stderr
    assert "content/claims.yaml:18:16: error: quote not found in article 'wire-1'" in result.stderr
    assert "Traceback" not in result.stderr


def test_warnings_fail_a_strict_build_only(tmp_path: Path) -> None:
    undated = ARTICLE.replace("published: 2025-09-11\n", "")
    config = write_project(tmp_path, CLAIMS, {"wire-1": undated})
    strict = mkdocs_build(config, tmp_path / "strict")
    assert strict.returncode != 0
    assert "content/articles/wire-1.md:1:1: warning: the article has no 'published' date" in strict.stderr
    assert mkdocs_build(config, tmp_path / "lenient", strict=False).returncode == 0


import pytest  # noqa: E402


# Files of the content folder where the build writes a page or file of its own (a page, an
# asset, an export written with the pages or after them): named all at once. `people.md` and `people/index.md` are one page to MkDocs, so they are tried apart.
@pytest.mark.parametrize(
    "names", [("annotations.json", "assets/dossier/dossier.js", "countries/belarus.md", "dossier.json", "people.md"), ("people/index.md",)]
)
def test_a_file_of_the_content_folder_cannot_be_replaced_by_a_generated_one(tmp_path: Path, names: tuple[str, ...]) -> None:
    config = write_project(tmp_path, CLAIMS, {"wire-1": ARTICLE})
    for name in names:
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# Mine\n", "utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    listed = ", ".join(names)
    assert f"would be replaced by generated pages or files of the same name; rename or remove them: {listed}\n" in result.stderr


def test_the_content_folder_is_never_written_to(tmp_path: Path) -> None:
    config = write_project(tmp_path, CLAIMS, {"wire-1": ARTICLE})
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "content").rglob("*"))
    assert mkdocs_build(config, tmp_path / "site").returncode == 0
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "content").rglob("*")) == before


def test_injection_payloads_in_every_text_field_render_as_text(tmp_path: Path) -> None:
    config = write_injection_project(tmp_path)
    result = mkdocs_build(config, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    pages = html_files(site)
    assert len(pages) > 10
    for path in pages:
        info = parse(path)
        assert info.dangerous == [], path
        for attributes, text in info.scripts:
            assert "alert(" not in text or attributes.get("type") == "application/ld+json", path
        raw = path.read_text("utf-8")
        assert "<svg onload" not in raw and "<img src=x" not in raw and "<b>alias</b>" not in raw, path
        assert "</title><script>" not in raw, path
    claim = (site / "claims/evil-claim/index.html").read_text("utf-8")
    # The payloads are visible as text, exactly as written.
    assert html.escape("<script>alert(1)</script>") in claim
    assert "Translation " + html.escape("<script>alert(1)</script>") in claim  # the analyst's translation too
    assert "{: onclick=" in claim and "onclick=" not in re.sub(r"\{: onclick=", "", claim)
    article_page = (site / "articles/evil-article/index.html").read_text("utf-8")
    assert html.escape('<img src=x onerror="alert(2)">', quote=False) in article_page or "&lt;img src=x onerror=" in article_page
    assert broken_links(site) == []
