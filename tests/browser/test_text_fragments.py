"""Every "Original" link's text fragment, applied to the site's OWN copy of the article, makes
Chromium highlight exactly the quote: each highlighted part of it, and (for an elided quote)
not what its ellipsis leaves out.

The seed's articles have no URL, so the seed is built here with one given to each article
(`https://example.org/<id>`): every evidence item of the seed then has an "Original" link.
The browser scrolls to the (first) match: the parts of the quote in view are checked.

How a match is seen: Chromium paints a text fragment's match with the `::target-text` style,
which no script can query; the test gives that style a colour nothing else has (magenta) and
looks for it in screenshots of the site's own highlights of the quote.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from sitebuild import mkdocs_build, sample_project

from browser.browsing import Served, require_browser, serve

MAGENTA = "::target-text { background-color: rgb(255, 0, 255) !important; color: rgb(0, 160, 0) !important; }"
MAGENTA_ON_LOAD = (
    "document.addEventListener('DOMContentLoaded', () => { const style = document.createElement('style'); "
    f"style.textContent = {MAGENTA!r}; document.head.append(style); }});"
)
# For each box (x, y, width, height in page pixels) of a screenshot, the share of its
# pixels that are magenta: the match's background behind its text.
MAGENTA_SHARES = """async ([png, boxes]) => {
  const image = new Image();
  image.src = "data:image/png;base64," + png;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  return boxes.map(([x, y, width, height]) => {
    const w = Math.max(1, Math.round(width)), h = Math.max(1, Math.round(height));
    const data = context.getImageData(Math.round(x), Math.round(y), w, h).data;
    let magenta = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > 230 && data[i + 1] < 40 && data[i + 2] > 230) magenta += 1;
    }
    return magenta / (w * h);
  });
}"""
# The line boxes, in the viewport, of each element with a letter or digit in it (the browser
# scrolls to the match): [[text, [[x, y, width, height], ...]], ...], elements out of view left out.
BOXES = """(elements) => elements.filter((e) => /\\w/.test(e.textContent)).map((e) => [e.textContent,
  Array.from(e.getClientRects()).filter((r) => r.width > 8 && r.top >= 0 && r.bottom <= innerHeight)
    .map((r) => [r.left, r.top, r.width, r.height])]).filter(([, boxes]) => boxes.length)"""
_EVIDENCE_LINKS = re.compile(
    r'<p class="dossier-evidence-links"><a href="([^"]+)">Passage in the article[^<]*</a>[^<]*<a href="(https://example\.org/[^"#]*)(#:~:[^"]*)"'
)


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The seed dossier, every article given a URL, built with the project's mkdocs.yml."""
    require_browser()
    root = tmp_path_factory.mktemp("seed-with-urls")
    sample_project(root)
    for path in (root / "content" / "articles").glob("*.md"):
        text = path.read_text("utf-8")
        if not re.search(r"^url:", text.split("\n---", 1)[0], re.MULTILINE):
            path.write_text(text.replace("---\n", f"---\nurl: https://example.org/{path.stem}\n", 1), "utf-8")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as served:
        yield served


def original_links(site: Path) -> dict[tuple[str, str], str]:
    """(article page, quote anchor) -> the text fragment of its "Original" link, from every page."""
    links = {}
    for page in site.rglob("*.html"):
        url = page.relative_to(site).as_posix()
        for passage, _original, fragment in _EVIDENCE_LINKS.findall(page.read_text("utf-8")):
            target = urlsplit(urljoin(url, unescape(passage)))
            links[(target.path, target.fragment)] = unescape(fragment)
    return links


def test_every_original_text_fragment_highlights_its_quote_on_the_sites_own_article_page(linked_site: Served, open_page: Any) -> None:
    links = original_links(linked_site.root)
    assert len(links) >= 50, "the seed's evidence items should each have an Original link"
    assert any("&text=" in fragment for fragment in links.values()), "the seed should have an elided quote"
    # The site forbids inline styles (CSP); the test lifts that to add its one style, on every
    # page as it loads.
    page, counter = open_page(bypass_csp=True), open_page()
    page.add_init_script(MAGENTA_ON_LOAD)
    counter.goto("about:blank")
    failures = []
    for visit, ((article, anchor), fragment) in enumerate(sorted(links.items())):
        # A query of its own: each visit loads a new document, as following the link does (a
        # fragment alone changing would not apply the directive).
        page.goto(f"{linked_site.url(article)}?visit={visit}{fragment}")
        quoted = page.locator(f'mark.dossier-quote[data-quotes~="{anchor}"]').evaluate_all(BOXES)
        left_out = page.locator(f'.dossier-left-out[data-quotes~="{anchor}"]:not(mark *)').evaluate_all(BOXES)
        if not quoted:
            failures.append(f"{article}#{anchor}: the browser did not scroll to the quote's highlight")
            continue
        boxes = [box for _, element_boxes in quoted + left_out for box in element_boxes]
        # Only the part of the view that holds the boxes is photographed (and the boxes moved to it).
        left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, bottom = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
        clip = {"x": left, "y": top, "width": max(1.0, right - left), "height": max(1.0, bottom - top)}
        png = base64.b64encode(page.screenshot(clip=clip)).decode()
        moved = [[x - left, y - top, width, height] for x, y, width, height in boxes]
        shares = iter(counter.evaluate(MAGENTA_SHARES, [png, moved]))
        for text, element_boxes in quoted:
            if max(next(shares) for _ in element_boxes) < 0.05:
                failures.append(f"{article}{fragment}: {text!r} of {anchor} is not highlighted")
        for text, element_boxes in left_out:
            if max(next(shares) for _ in element_boxes) > 0.02:
                failures.append(f"{article}{fragment}: {text!r}, left out by {anchor}, is highlighted")
    assert failures == [], "\n".join(failures)
