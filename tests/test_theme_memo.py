"""Material's sidebar and configuration block rendered once per folder of pages outside the navigation
(plugins/mkdocs_dossier/theme_memo.py).

A site built with the memos must be the site built without them, byte for byte. Each memo is
off when one of the templates it covers is overridden, so a `custom_dir` holding exact copies
of Material's `nav-item.html`, `search.html`, `logo.html` and `base.html` builds the same site
the long way, page by page.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.utils import get_theme_dir

from plugins.mkdocs_dossier.theme_memo import ThemeMemo
from tests.sitebuild import FIXED_BUILD_DATE, built_files, generate_project, mkdocs_build, sample_project

NAV_WITH_SECTIONS = """\
nav:
  - Home: index.md
  - Notes:
      - notes/one.md
      - Inside a page's folder: notes/two.md
  - Outside: https://example.org/
"""


def _build(project: Path, site: Path) -> None:
    done = mkdocs_build(project / "mkdocs.yml", site, env={"SOURCE_DATE_EPOCH": FIXED_BUILD_DATE})
    assert done.returncode == 0, done.stderr


def _with_custom_dir(project: Path, templates: dict[str, str]) -> Path:
    """A copy of the project whose theme has a `custom_dir` holding these templates."""
    copy = project.parent / (project.name + "-custom")
    shutil.copytree(project, copy)
    for name, text in templates.items():
        (copy / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / "overrides" / name).write_text(text, "utf-8")
    config = (copy / "mkdocs.yml").read_text("utf-8")
    for short in ("theme: material\n", "theme:\n  name: material\n"):
        config = config.replace(short, "theme:\n  name: material\n  custom_dir: overrides\n", 1)
    assert "custom_dir: overrides" in config
    (copy / "mkdocs.yml").write_text(config, "utf-8")
    return copy


def _material(name: str) -> str:
    return (Path(get_theme_dir("material")) / name).read_text("utf-8")


# Exact copies of one template each memo covers: both memos off, every page rendered whole.
_LONG_WAY = {name: _material(name) for name in ("partials/nav-item.html", "partials/search.html", "partials/logo.html", "base.html")}


def _assert_same_sites(one: Path, other: Path) -> None:
    names = built_files(one)
    assert names == built_files(other)
    _, different, errors = filecmp.cmpfiles(one, other, names, shallow=False)
    assert (different, errors) == ([], [])


def _project(tmp_path: Path, extra_config: str) -> Path:
    project = tmp_path / "project"
    generate_project(40, project, seed=3)
    (project / "content" / "notes").mkdir()
    (project / "content" / "notes" / "one.md").write_text("# One\n\nA note.\n", "utf-8")
    (project / "content" / "notes" / "two.md").write_text("# Two\n\nAnother note.\n", "utf-8")
    config = (project / "mkdocs.yml").read_text("utf-8")
    assert "theme: material\n" in config
    (project / "mkdocs.yml").write_text(config + extra_config, "utf-8")
    return project


@pytest.mark.parametrize("urls", ["use_directory_urls: true\n", "use_directory_urls: false\n"])
def test_every_page_is_the_same_with_the_sidebar_rendered_once_per_folder(tmp_path: Path, urls: str) -> None:
    project = _project(tmp_path, urls + NAV_WITH_SECTIONS)
    long_way = _with_custom_dir(project, _LONG_WAY)
    _build(project, tmp_path / "memo")
    _build(long_way, tmp_path / "page-by-page")
    _assert_same_sites(tmp_path / "memo", tmp_path / "page-by-page")
    entity = next((tmp_path / "memo" / "people").rglob("*.html"))
    assert 'class="md-nav md-nav--primary' in entity.read_text("utf-8")  # the sidebar is there


def test_a_sidebar_template_that_reads_the_page_is_rendered_for_each_page(tmp_path: Path) -> None:
    project = _project(tmp_path, "")
    nav = _material("partials/nav.html").replace("</nav>", '<p class="sidebar-page">{{ page.title }}</p></nav>', 1)
    custom = _with_custom_dir(project, {"partials/nav.html": nav})
    _build(custom, tmp_path / "site")
    pages = sorted((tmp_path / "site" / "people").glob("*/index.html"))
    assert len(pages) > 2
    shown = set()
    for page in pages:
        html = page.read_text("utf-8")
        title = html.split("<title>", 1)[1].split(" - ", 1)[0]
        sidebar = html.split('<p class="sidebar-page">', 1)[1].split("</p>", 1)[0]
        assert sidebar == title
        shown.add(sidebar)
    assert len(shown) == len(pages)


_PAGE_IN_CONFIG = '<meta name="sidebar-page" content="{{ page.title }}">'


def _base_reading_the_page() -> str:
    base = _material("base.html")
    start = '<script id="__config" type="application/json">'
    assert base.count(start) == 1
    return base.replace(start, _PAGE_IN_CONFIG + start)


@pytest.mark.parametrize("template", ["main.html", "base.html"])
def test_a_configuration_block_that_reads_the_page_is_rendered_for_each_page(tmp_path: Path, template: str) -> None:
    project = _project(tmp_path, "")
    overrides = {
        "main.html": '{% extends "base.html" %}{% block config %}' + _PAGE_IN_CONFIG + "{{ super() }}{% endblock %}",
        "base.html": _base_reading_the_page(),
    }
    custom = _with_custom_dir(project, {template: overrides[template]})
    _build(custom, tmp_path / "site")
    pages = sorted((tmp_path / "site" / "people").glob("*/index.html"))
    assert len(pages) > 2
    for page in pages:
        html = page.read_text("utf-8")
        title = html.split("<title>", 1)[1].split(" - ", 1)[0]
        assert f'<meta name="sidebar-page" content="{title}">' in html
        assert html.count('<meta name="sidebar-page"') == 1


def _nav(*urls: str) -> SimpleNamespace:
    pages = [SimpleNamespace(url=url) for url in urls]
    return SimpleNamespace(pages=pages, items=pages, homepage=pages[0] if pages else None)


def _config() -> SimpleNamespace:
    return SimpleNamespace(extra={}, theme={})


def test_pages_of_one_folder_share_a_sidebar_and_pages_in_the_navigation_do_not() -> None:
    nav = _nav("", "entities/", "claims/")
    memo = ThemeMemo(nav, _config())  # type: ignore[arg-type]
    one, other = SimpleNamespace(url="entities/a/"), SimpleNamespace(url="entities/b/")
    assert memo.key(one) == memo.key(other) is not None  # type: ignore[arg-type]
    assert memo.key(SimpleNamespace(url="claims/c/")) != memo.key(one)  # type: ignore[arg-type]
    assert memo.key(nav.pages[1]) is None
    assert memo.key(None) is None


def test_a_page_whose_folder_holds_a_link_of_the_sidebar_has_its_own() -> None:
    memo = ThemeMemo(_nav("", "entities/a/notes/"), _config())  # type: ignore[arg-type]
    assert memo.key(SimpleNamespace(url="entities/a/")) is None  # type: ignore[arg-type]
    assert memo.key(SimpleNamespace(url="entities/b/")) is not None  # type: ignore[arg-type]


def test_a_page_file_and_a_page_folder_at_the_top_do_not_share_a_sidebar() -> None:
    memo = ThemeMemo(_nav(""), _config())  # type: ignore[arg-type]
    # Links from `404.html` start from the top folder, from `people/` one level down.
    assert memo.key(SimpleNamespace(url="404.html")) != memo.key(SimpleNamespace(url="people/"))  # type: ignore[arg-type]


def test_the_repositorys_own_site_is_the_same_with_the_memo(tmp_path: Path, first_site: Path) -> None:
    # first_site is the same project built with the memos, on the same date (FIXED_BUILD_DATE).
    project = sample_project(tmp_path / "repo").parent
    long_way = _with_custom_dir(project, _LONG_WAY)
    _build(long_way, tmp_path / "page-by-page")
    _assert_same_sites(first_site, tmp_path / "page-by-page")
