"""Maps a reader can read, full-text search, quiet article pages: in Chromium, at 390 and 1280 px,
light and dark, on a small dossier built in a temporary folder (never on what content/ holds).

- every name on a relationship map is drawn at 12 px or more, whole (never cut), clear of
  every other name and of every line; every connection is named in words in the list,
  which comes before the picture;
- a phrase of an article is found by the full-text search (Pagefind, under the pages'
  Content-Security-Policy), claim results show their status, the guide is not searched;
- axe finds nothing serious or critical on these pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE_ARTICLES, BASE_YAML, article
from sitebuild import mkdocs_build, write_project

from browser.browsing import COLOUR_RULES, DESKTOP, PHONE, Served, axe_violations, require_browser, serve

WIDTHS = {"390px": PHONE, "1280px": DESKTOP}
SCHEMES = ("light", "dark")
ARTICLE_PHRASE = "eased sanctions on the national airline"
GUIDE_PHRASE = "national airline"  # also in a guide page, which readers' search leaves out
DISPUTED = """\
  - id: sanctions-kept
    text: The United States kept every sanction on Belavia.
    about: [united-states, belavia]
    evidence:
      - article: reuters-2025-09-11
        stance: contradicts
        quote: The United States eased sanctions on the national airline Belavia.
"""
MKDOCS_YML = """\
site_name: Test dossier
docs_dir: content
theme: material
plugins:
  - search
  - dossier:
      search_exclude: [guide/]
"""
GUIDE = "# Writing claims\n\nHow to cite the national airline and other organizations.\n"


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    require_browser()
    root = tmp_path_factory.mktemp("maps-search")
    articles = {**BASE_ARTICLES, "ap-2025-09-12": article("Lukashenko met John Coale in Minsk.\n", title="Coale in Minsk", outlet="AP")}
    config = write_project(root, BASE_YAML + DISPUTED, articles, MKDOCS_YML)
    (root / "content" / "guide").mkdir()
    (root / "content" / "guide" / "claims.md").write_text(GUIDE, "utf-8")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()
    with serve(root / "site") as served:
        yield served


def reader_page(open_page: Any, width: str, scheme: str) -> Any:
    phone = width == "390px"
    return open_page(viewport=WIDTHS[width], color_scheme=scheme, is_mobile=phone, has_touch=phone)


MAP_PAGES = ("map/", "people/alexander-lukashenko/", "events/sept-2025-release/")
# Each name on the map: its rendered font size (the SVG scales with its viewBox), its whole
# text, its box; each line's points along its length.
MAP_GEOMETRY = """(svg) => {
  const scale = svg.getScreenCTM().a;
  const names = Array.from(svg.querySelectorAll('.dossier-map-node > text')).map((text) => {
    const box = text.getBoundingClientRect();
    const node = text.closest('.dossier-map-node');
    return {
      px: parseFloat(getComputedStyle(text).fontSize) * scale,
      text: Array.from(text.querySelectorAll('tspan')).map((t) => t.textContent).join('\\n'),
      label: node.getAttribute('aria-label') || '',
      box: [box.left, box.top, box.right, box.bottom],
    };
  });
  const lines = Array.from(svg.querySelectorAll('.dossier-map-edges path')).map((path) => {
    const length = path.getTotalLength();
    const points = [];
    for (let i = 0; i <= 40; i++) {
      const p = path.getPointAtLength(length * i / 40).matrixTransform(svg.getScreenCTM());
      points.push([p.x, p.y]);
    }
    return points;
  });
  return {names, lines};
}"""


def _inside(point: list[float], box: list[float], margin: float = 1.5) -> bool:
    return box[0] + margin < point[0] < box[2] - margin and box[1] + margin < point[1] < box[3] - margin


def _overlap(a: list[float], b: list[float], margin: float = 1.0) -> bool:
    return a[0] + margin < b[2] and b[0] + margin < a[2] and a[1] + margin < b[3] and b[1] + margin < a[3]


def _whole(lines: str) -> str:
    """A name as wrapped on the map, joined again (a word broken with a hyphen, or after a dash)."""
    joined = ""
    for line in lines.split("\n"):
        if not joined:
            joined = line
        elif joined.endswith("-") and not joined.endswith(" -"):
            joined = joined[:-1] + line if joined[-2:-1].isalpha() and line[:1].islower() else joined + line
        elif joined.endswith(("–", "—")):
            joined += line
        else:
            joined += " " + line
    return joined


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_map_names_are_readable_whole_and_clear_of_lines_and_every_connection_is_named(
    small_site: Served, open_page: Any, width: str, scheme: str
) -> None:
    page = reader_page(open_page, width, scheme)
    for path in MAP_PAGES:
        page.goto(small_site.url(path))
        svg = page.locator("svg.dossier-map-svg")
        assert svg.count() == 1, path
        drawn = svg.evaluate(MAP_GEOMETRY)
        names, lines = drawn["names"], drawn["lines"]
        assert names, path
        small = [f"{n['text']!r}: {n['px']:.1f} px" for n in names if n["px"] < 12]
        assert small == [], f"{path} at {width}: names under 12 px: {small}"
        for name in names:
            assert "…" not in name["text"] and "_" not in name["text"], name  # never cut, never an id
            # Named whole for assistive technology (a wrapped name's lines would run together),
            # then, on an entity's map, how it is connected.
            # (The entity of the page, in the middle, is no link and has none.)
            if name["label"]:
                assert name["label"] == _whole(name["text"]) or name["label"].startswith(_whole(name["text"]) + ": "), name
        for index, name in enumerate(names):
            for other in names[index + 1 :]:
                assert not _overlap(name["box"], other["box"]), f"{path}: {name['text']!r} overlaps {other['text']!r}"
            through = [line for line in lines if any(_inside(point, name["box"]) for point in line)]
            assert through == [], f"{path} at {width}: a line runs through {name['text']!r}"
        if path != "map/":  # an entity's map: each connection named in the list, which comes first
            items = page.locator(".dossier-map-list li")
            relations = items.locator(".dossier-map-relation").all_inner_texts()
            assert items.count() == len(relations) and all(r.strip() for r in relations), relations
            assert page.locator(".dossier-map-list").evaluate(
                "(list) => !!(list.compareDocumentPosition(document.querySelector('figure.dossier-map')) & Node.DOCUMENT_POSITION_FOLLOWING)"
            )
        else:
            relations = page.locator(".dossier-map-entities .dossier-map-relation").all_inner_texts()
            assert relations and all(r.strip("() ") for r in relations)


def test_a_node_says_how_it_is_connected_on_focus(small_site: Served, open_page: Any) -> None:
    page = reader_page(open_page, "390px", "light")
    page.goto(small_site.url("events/sept-2025-release/"))
    node = page.locator('a.dossier-map-node[aria-label^="Alexander Lukashenko: "]')
    assert "participant" in (node.get_attribute("aria-label") or "")
    tip = node.locator(".dossier-map-tip")
    assert not tip.is_visible()
    node.focus()
    assert tip.is_visible() and "participant" in tip.text_content()
    listed = page.locator(".dossier-map-list li", has_text="Alexander Lukashenko")
    assert "participant" in listed.inner_text()


def search_for(page: Any, site: Served, query: str) -> Any:
    page.goto(site.url("search/"))
    page.locator("#dossier-fulltext-query").fill(query)
    status = page.locator(".dossier-fulltext-status")
    for _ in range(150):  # polled from here: the pages' policy forbids wait_for_function's eval
        if "found" in status.inner_text() or "could not" in status.inner_text():
            break
        page.wait_for_timeout(100)
    assert "could not" not in status.inner_text(), status.inner_text()
    return page.locator(".dossier-fulltext-results > li")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_phrase_from_an_article_is_found_and_claims_show_their_status(
    small_site: Served, open_page: Any, axe: Any, width: str, scheme: str
) -> None:
    page = reader_page(open_page, width, scheme)
    results = search_for(page, small_site, ARTICLE_PHRASE)
    titles = results.locator("a.dossier-fulltext-title").all_inner_texts()
    assert "Belarus frees 52 prisoners" in titles, titles
    claim = results.filter(has=page.locator("a.dossier-fulltext-title", has_text="The United States kept every sanction on Belavia."))
    assert claim.count() == 1
    assert claim.locator(".dossier-fulltext-claim-status").inner_text() == "Status: Disputed"
    found = results.filter(has=page.locator("a.dossier-fulltext-title", has_text="Belarus frees 52 prisoners"))
    assert found.locator(".dossier-fulltext-kind").inner_text().strip() == "Article"
    assert axe_violations(axe, page) == []

    results = search_for(page, small_site, GUIDE_PHRASE)
    hrefs = results.locator("a.dossier-fulltext-title").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and not any("guide" in href for href in hrefs), hrefs


def test_nothing_found_says_so(small_site: Served, open_page: Any) -> None:
    page = reader_page(open_page, "1280px", "light")
    results = search_for(page, small_site, "Qwzxjvkq")
    assert results.count() == 0
    assert "Nothing found" in page.locator(".dossier-fulltext-status").inner_text()
    # The site's own words are not searched: the hints on claim and article pages.
    for own_words in ("Reprints", "verbatim"):
        found = search_for(page, small_site, own_words)
        assert found.count() == 0, (own_words, found.all_inner_texts())


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_map_and_article_pages_pass_axe(small_site: Served, open_page: Any, axe: Any, width: str, scheme: str) -> None:
    page = reader_page(open_page, width, scheme)
    found = []
    for path in (*MAP_PAGES, "articles/reuters-2025-09-11/"):
        page.goto(small_site.url(path))
        found += axe_violations(axe, page, COLOUR_RULES if scheme == "dark" else None)  # dark: only the palette changes
    assert found == [], "\n".join(found)


def test_article_names_are_links_without_underline_until_hovered(small_site: Served, open_page: Any) -> None:
    page = reader_page(open_page, "1280px", "light")
    page.goto(small_site.url("articles/nyt-2025-09-11/"))
    mention = page.locator(".dossier-article-text a.dossier-mention").first
    decoration = "a => getComputedStyle(a).textDecorationLine"
    assert mention.evaluate(decoration) == "none"
    mention.hover()
    assert mention.evaluate(decoration) == "underline"


def test_the_index_is_where_the_build_put_it(small_site: Served) -> None:
    root = Path(small_site.root)
    assert any((root / "pagefind").glob("*.pf_meta"))
