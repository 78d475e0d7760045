"""`dossier pages --out DIR`: the site as Markdown pages for a generator without our plugin.

What it writes is checked here against the renderer itself (one road: each page's HTML is
`Site.render`'s); tests/test_generators.py builds it with Zensical.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml
from conftest import edit
from test_cli import UNDATED, run

from dossier.check import check_content
from dossier.site.markdown_pages import page_markdown
from dossier.site.page import RenderedPage
from dossier.site.preview.prerender import SiteSettings
from dossier.site.rendering.links import HOME
from dossier.site.site import ASSETS, Site


def site_of(content: Path) -> Site:
    """The site `dossier pages` renders: links for URLs without directories."""
    result = check_content(content)
    assert result.dossier is not None and result.analysis is not None
    return SiteSettings(content.resolve(), directory_urls=False).site(result.dossier, result.analysis)


def body(markdown: str) -> str:
    """A Markdown file's text after its front matter."""
    assert markdown.startswith("---\n")
    return markdown.split("\n---\n", 1)[1]


def test_every_generated_page_is_a_markdown_file_holding_the_rendered_html(make_dossier, capsys, tmp_path) -> None:
    content = make_dossier()
    code, out, err = run(capsys, "pages", "--out", "built", "--site-name", "Test dossier")
    assert (code, err) == (0, "")
    assert "zensical build" in out
    docs = tmp_path / "built" / "docs"
    site = site_of(content)
    assert site.pages, "the small dossier has pages"
    for uri, page in site.pages.items():
        text = (docs / uri).read_text("utf-8")
        front = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
        assert front["title"] == page.title.replace("&", "&amp;")  # as MkDocs' page.meta.title: escaped
        assert site.render(uri).html in body(text), f"{uri} does not hold the page's rendered HTML"
    home = (docs / HOME).read_text("utf-8")
    assert yaml.safe_load(home.split("\n---\n", 1)[0].removeprefix("---\n"))["title"] == "Test dossier"
    assert site.home_page("Test dossier") in home
    assets = resources.files("dossier").joinpath("site", "assets")
    for asset in ASSETS:
        assert (docs / asset).read_bytes() == assets.joinpath(Path(asset).name).read_bytes()
    assert (docs / "dossier.json").is_file()


def test_entity_pages_keep_their_search_boost(make_dossier, capsys, tmp_path) -> None:
    make_dossier()
    assert run(capsys, "pages", "--out", "built")[0] == 0
    front = yaml.safe_load((tmp_path / "built" / "docs" / "people" / "john-coale.md").read_text("utf-8").split("\n---\n")[0][4:])
    assert front["search"] == {"boost": 4.0}


def test_the_configuration_needs_no_plugin_and_lists_the_indexes(make_dossier, capsys, tmp_path) -> None:
    content = make_dossier()
    assert run(capsys, "pages", "--out", "built", "--site-name", "A: dossier")[0] == 0
    config = yaml.safe_load((tmp_path / "built" / "mkdocs.yml").read_text("utf-8"))
    assert config["site_name"] == "A: dossier"
    assert "plugins" not in config
    assert config["docs_dir"] == "docs" and config["use_directory_urls"] is False
    assert config["extra_css"] + config["extra_javascript"] == sorted(ASSETS)
    site = site_of(content)
    in_nav = [uri for uri, page in site.pages.items() if page.in_nav]
    nav = [next(iter(item.values())) for item in config["nav"]]
    assert nav == [HOME, *in_nav]
    assert yaml.safe_load((tmp_path / "built" / "nav.yml").read_text("utf-8"))["nav"] == config["nav"]
    # The other generated pages are meant to be reached from the indexes, not the navigation.
    hidden = config["not_in_nav"].split()
    assert all(any(f"/{uri}".startswith(folder) for folder in hidden) for uri, page in site.pages.items() if not page.in_nav)


def test_the_content_folders_own_pages_are_published_and_its_sources_are_not(make_dossier, capsys, tmp_path) -> None:
    content = make_dossier()
    (content / "index.md").write_text("---\ntitle: Welcome\n---\n# Welcome\n\nRead the [guide](guide/how.md).\n", "utf-8")
    (content / "guide").mkdir()
    (content / "guide" / "how.md").write_text("# How\n", "utf-8")
    (content / ".notes").mkdir()
    (content / ".notes" / "draft.md").write_text("# Not published\n", "utf-8")
    assert run(capsys, "pages", "--out", "built")[0] == 0
    docs = tmp_path / "built" / "docs"
    home = (docs / HOME).read_text("utf-8")
    assert home.startswith("---\ntitle: Welcome\n---\n# Welcome\n\nRead the [guide](guide/how.md).\n")
    assert site_of(content).home_summary() in home
    assert (docs / "guide" / "how.md").read_text("utf-8") == "# How\n"
    assert not (docs / "claims.yaml").exists()
    assert not (docs / ".notes").exists()
    # The article's page, not its source file (which would print its front matter as text).
    assert (docs / "articles" / "nyt-2025-09-11.md").read_text("utf-8") != (content / "articles" / "nyt-2025-09-11.md").read_text("utf-8")
    config = yaml.safe_load((tmp_path / "built" / "mkdocs.yml").read_text("utf-8"))
    assert {"Guide": ["guide/how.md"]} in config["nav"]


def test_a_dossier_with_errors_is_not_written_and_gets_the_checks_messages(make_dossier, capsys, tmp_path) -> None:
    make_dossier(edit("stance: supports", "stance: maybe"))
    code, checked, _ = run(capsys, "check")
    assert code == 1
    code, out, err = run(capsys, "pages", "--out", "built")
    assert (code, out) == (1, "")
    *problems, summary = err.splitlines()
    assert problems == checked.splitlines()[:-1]
    assert summary.startswith("dossier pages: not written: 1 error")
    assert not (tmp_path / "built" / "docs").exists()


def test_warnings_are_printed_and_the_pages_written(make_dossier, capsys, tmp_path) -> None:
    make_dossier(articles=UNDATED)
    _, checked, _ = run(capsys, "check")
    code, _, err = run(capsys, "pages", "--out", "built")
    assert code == 0
    assert "warning" in err
    assert err.splitlines() == checked.splitlines()[:-1]


def test_a_folder_it_did_not_write_is_left_alone(make_dossier, capsys, tmp_path) -> None:
    make_dossier()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", "utf-8")
    code, _, err = run(capsys, "pages", "--out", "mine")
    assert code == 2
    assert "'mine' is not empty and was not written by dossier pages" in err
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]


def test_a_second_run_replaces_what_the_first_wrote(make_dossier, capsys, tmp_path) -> None:
    content = make_dossier()
    assert run(capsys, "pages", "--out", "built")[0] == 0
    (content / "articles" / "reuters-2025-09-11.md").unlink()
    assert run(capsys, "pages", "--out", "built")[0] == 0
    assert not (tmp_path / "built" / "docs" / "articles" / "reuters-2025-09-11.md").exists()


def test_a_content_file_where_a_generated_page_goes_is_refused(make_dossier, capsys, tmp_path) -> None:
    content = make_dossier()
    (content / "people.md").write_text("# My people\n", "utf-8")
    code, _, err = run(capsys, "pages", "--out", "built")
    assert code == 1
    assert "would be replaced by generated pages or files of the same name; rename or remove them: people.md" in err


def test_a_page_the_plugin_keeps_out_of_search_is_excluded_from_the_generators_search(make_dossier) -> None:
    site = site_of(make_dossier())
    page = site.pages["claims.md"]
    later_page = page_markdown(site, page, RenderedPage("<p>rows</p>", (), ""))
    assert yaml.safe_load(later_page.split("\n---\n")[0][4:])["search"] == {"exclude": True}
    first_page = page_markdown(site, page, RenderedPage("<p>rows</p>", (), "<h1>Claims</h1>"))
    assert "search" not in yaml.safe_load(first_page.split("\n---\n")[0][4:])


def test_a_custom_template_that_does_not_fit_is_named(make_dossier, capsys, tmp_path) -> None:
    make_dossier()
    (tmp_path / "overrides" / "pages").mkdir(parents=True)
    (tmp_path / "overrides" / "pages" / "claim.html").write_text("<h1>{{ no_such_name }}</h1>\n", "utf-8")
    code, _, err = run(capsys, "pages", "--out", "built", "--custom-templates", "overrides")
    assert code == 1
    assert "claim.html, line 1" in err and "no_such_name" in err and "(while rendering claims/release-count.md)" in err
    assert "Traceback" not in err
