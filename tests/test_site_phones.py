"""What the first dossier's pages hold once they fold their long lists for a phone: folded, never
dropped; a claim page without evidence on one side says so in a line; an origin named once;
an article's legend counts its highlights and every cite carries its claim for the popover."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def site(first_site: Path) -> Path:
    return first_site


@pytest.fixture(scope="module")
def export(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "dossier.json").read_text("utf-8"))
    return data


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def folded(text: str) -> list[tuple[str, str]]:
    """(summary, content) of each folded list: the <details> closed when the page opens."""
    found = re.findall(r'<details class="dossier-more(?: [^"]*)?"(?: id="[^"]*")?>(.*?)</details>', text, re.S)
    return [(re.sub(r"<[^>]+>", "", content.split("</summary>")[0]), content) for content in found]


def test_lukashenkos_page_folds_its_long_lists_and_keeps_every_claim(site: Path, export: dict[str, Any]) -> None:
    text = page(site, "people/alexander-lukashenko")
    claims = [c for c in export["claims"] if "alexander-lukashenko" in c["about"]]
    assert len(claims) > 20, "the seed's most connected person should have a table of claims"
    table = text[text.index('id="all-claims"') : text.index("</details>", text.index('id="all-claims"'))]
    assert f"<summary>All {len(claims)} claims, in a table</summary>" in table
    for claim in claims:
        assert f'href="../../claims/{claim["id"]}/"' in table, claim["id"]
    summaries = [summary for summary, _ in folded(text)]
    assert summaries and all(re.search(r"\d", s) for s in summaries), summaries
    # Two claim cards show their evidence at once; the others fold it behind a count.
    cards = re.findall(r'<details class="dossier-more dossier-card-evidence"( open)?>', text)
    assert cards.count(" open") == 2 and len(cards) == 5
    assert re.search(r"<summary>Evidence: \d+ for, \d+ against</summary>", text)


def test_a_side_without_evidence_is_a_line_not_a_column(site: Path, export: dict[str, Any]) -> None:
    unopposed = next(c for c in export["claims"] if all(e["stance"] == "supports" for e in c["evidence"]))
    text = page(site, f"claims/{unopposed['id']}")
    assert "dossier-side-contradicts" not in text and "No evidence." not in text
    assert '<p class="dossier-empty dossier-side-none dossier-side-none-contradicts">No source contradicts it.</p>' in text
    assert 'class="dossier-sides dossier-sides-one"' in text
    unsupported = next(c for c in export["claims"] if all(e["stance"] == "contradicts" for e in c["evidence"]))
    assert "No source supports it." in page(site, f"claims/{unsupported['id']}")


def test_each_evidence_item_names_its_stance_and_origin_once(site: Path, export: dict[str, Any]) -> None:
    claim = next(c for c in export["claims"] if {e["stance"] for e in c["evidence"]} == {"supports", "contradicts"})
    text = page(site, f"claims/{claim['id']}")
    figures = re.findall(r'<figure class="dossier-evidence[^"]*">(.*?)</figure>', text, re.S)
    assert len(figures) == len(claim["evidence"])
    for figure in figures:
        caption = figure.split("</figcaption>")[0]
        assert "dossier-badge" not in caption, "the stance is the column's"
        assert "via " not in caption
        origin = re.search(r'origin: (?:<a href="[^"]*">)?([^<]+)', caption)
        if origin:
            assert re.sub(r"<[^>]+>", "", caption).count(origin.group(1)) == 1
    assert text.count('<p class="dossier-side-title">') == 2


def test_an_article_legend_counts_its_highlights_and_each_cite_carries_its_claim(site: Path, export: dict[str, Any]) -> None:
    article = "reuters-2025-09-11"
    text = page(site, f"articles/{article}")
    stances = [e["stance"] for c in export["claims"] for e in c["evidence"] if e["article"] == article]
    legend = text[text.index('class="dossier-highlight-legend"') : text.index('class="dossier-article-text"')]
    assert f"supporting a claim ({stances.count('supports')})" in legend
    assert f"contradicting a claim ({stances.count('contradicts')})" in legend
    assert '<fieldset class="dossier-highlight-toggles" hidden>' in legend  # the script shows the switches
    claims = {c["text"] for c in export["claims"]}
    cites = re.findall(r'<a class="dossier-cite [^"]*" href="[^"]*" [^>]*data-claim="([^"]*)"></a>', text)
    assert cites and all(html.unescape(claim) in claims for claim in cites)
    body = text[text.index('class="dossier-article-text"') : text.index('id="claims"')]
    for claim in cites:
        assert f">{claim}<" not in body, "a claim's text must stay out of the article's text"
    citing = text[text.index('id="claims"') :]
    listed = set(re.findall(r'<li><span class="dossier-badge[^"]*">.*?<a href="(\.\./\.\./claims/[^"]+/)">', citing))
    assert len(listed) == len({c["id"] for c in export["claims"] for e in c["evidence"] if e["article"] == article})
